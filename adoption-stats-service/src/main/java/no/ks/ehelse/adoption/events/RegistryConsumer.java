package no.ks.ehelse.adoption.events;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.adoption.domain.MunicipalityProjection;
import no.ks.ehelse.adoption.domain.SolutionProjection;
import no.ks.ehelse.platform.events.CloudEvent;
import no.ks.ehelse.platform.events.Consumption;
import no.ks.ehelse.platform.events.PoisonRecordException;
import no.ks.ehelse.platform.events.ProcessedEvents;

/** Projects the registry's municipalities (population, network, history) and solution codes. Upserts by state. */
@ApplicationScoped
public class RegistryConsumer {

    private final Consumption consumption;

    private final ProcessedEvents processed;
    private final Clock clock;

    RegistryConsumer(ProcessedEvents processed, Clock clock, Consumption consumption) {
        this.consumption = consumption;
        this.processed = processed;
        this.clock = clock;
    }

    @Incoming("registry-municipalities")
    @Blocking
    public void municipality(String value) {
        consumption.apply(() -> municipalityNow(value));
    }

    private void municipalityNow(String value) {
        CloudEvent event = CloudEvent.parse(value);
        if (!event.type().startsWith("no.ks.ehelse.municipality.")) {
            throw new PoisonRecordException("unexpected event type '" + event.type() + "' on registry.municipalities.v1");
        }
        String number = event.text("kommunenummer");
        JsonNode data = event.data();
        if (!processed.firstDelivery("adoption-stats-service.municipalities", event.id())) {
            return;
        }
        MunicipalityProjection m = MunicipalityProjection.findById(number);
        if (m == null) {
            m = new MunicipalityProjection();
            m.kommunenummer = number;
        }
        m.name = event.text("name");
        m.county = event.text("county");
        m.network = data.path("network").asText(null);
        m.healthRegion = data.path("healthRegion").asText(null);
        m.population = data.path("population").isInt() ? data.path("population").asInt() : null;
        m.validFrom = date(data.path("validFrom"));
        m.validTo = date(data.path("validTo"));
        List<String> successors = new ArrayList<>();
        data.path("successors").forEach(s -> successors.add(s.path("kommunenummer").asText()));
        m.successors = successors;
        m.updatedAt = OffsetDateTime.now(clock);
        m.persist();
    }

    @Incoming("registry-solutions")
    @Blocking
    public void solution(String value) {
        consumption.apply(() -> solutionNow(value));
    }

    private void solutionNow(String value) {
        CloudEvent event = CloudEvent.parse(value);
        if (!event.type().startsWith("no.ks.ehelse.solution.")) {
            throw new PoisonRecordException("unexpected event type '" + event.type() + "' on registry.solutions.v1");
        }
        String code = event.text("code");
        String name = event.text("name");
        if (!processed.firstDelivery("adoption-stats-service.solutions", event.id())) {
            return;
        }
        SolutionProjection s = SolutionProjection.findById(code);
        if (s == null) {
            s = new SolutionProjection();
            s.code = code;
        }
        s.name = name;
        s.updatedAt = OffsetDateTime.now(clock);
        s.persist();
    }

    private static LocalDate date(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : LocalDate.parse(node.asText());
    }
}
