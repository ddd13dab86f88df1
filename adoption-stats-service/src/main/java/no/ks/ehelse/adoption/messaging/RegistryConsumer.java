package no.ks.ehelse.adoption.messaging;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.adoption.domain.MunicipalityProjection;
import no.ks.ehelse.adoption.domain.SolutionProjection;
import no.ks.ehelse.platform.events.CloudEvent;
import no.ks.ehelse.platform.events.Consumption;
import no.ks.ehelse.platform.events.EventFields;
import no.ks.ehelse.platform.events.Intake;

/** Projects the registry's municipalities (population, network, history) and solution codes. Upserts by state. */
@ApplicationScoped
public class RegistryConsumer {

    private static final Intake MUNICIPALITIES = Intake.prefix(
            "adoption-stats-service.municipalities", "registry.municipalities.v1", "no.ks.ehelse.municipality.");
    private static final Intake SOLUTIONS =
            Intake.prefix("adoption-stats-service.solutions", "registry.solutions.v1", "no.ks.ehelse.solution.");

    private final Consumption consumption;
    private final Clock clock;

    RegistryConsumer(Consumption consumption, Clock clock) {
        this.consumption = consumption;
        this.clock = clock;
    }

    @Incoming("registry-municipalities")
    @Blocking
    public void municipality(String value) {
        consumption.consume(value, MUNICIPALITIES, this::applyMunicipality);
    }

    @Incoming("registry-solutions")
    @Blocking
    public void solution(String value) {
        consumption.consume(value, SOLUTIONS, this::applySolution);
    }

    private void applyMunicipality(CloudEvent event) {
        EventFields data = event.fields();
        String number = data.text("kommunenummer");
        MunicipalityProjection m = MunicipalityProjection.findById(number);
        if (m == null) {
            m = new MunicipalityProjection();
            m.kommunenummer = number;
        }
        m.name = data.text("name");
        m.county = data.text("county");
        m.network = data.optionalText("network");
        m.healthRegion = data.optionalText("healthRegion");
        m.population = data.optionalInteger("population");
        m.validFrom = data.optionalDate("validFrom");
        m.validTo = data.optionalDate("validTo");
        m.successors = data.objects("successors").stream()
                .map(s -> s.text("kommunenummer"))
                .toList();
        m.updatedAt = OffsetDateTime.now(clock);
        m.persist();
    }

    private void applySolution(CloudEvent event) {
        String code = event.text("code");
        SolutionProjection s = SolutionProjection.findById(code);
        if (s == null) {
            s = new SolutionProjection();
            s.code = code;
        }
        s.name = event.text("name");
        s.updatedAt = OffsetDateTime.now(clock);
        s.persist();
    }
}
