package no.ks.ehelse.enrollment.messaging;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.enrollment.domain.MunicipalityProjection;
import no.ks.ehelse.platform.events.CloudEvent;
import no.ks.ehelse.platform.events.Consumption;
import no.ks.ehelse.platform.events.EventFields;
import no.ks.ehelse.platform.events.Intake;

/** Projects the registry's municipalities; every event carries the number's whole state, so it is an upsert. */
@ApplicationScoped
public class MunicipalityConsumer {

    private static final Intake MUNICIPALITIES = Intake.prefix(
            "enrollment-service.municipalities", "registry.municipalities.v1", "no.ks.ehelse.municipality.");

    private final Consumption consumption;
    private final Clock clock;

    MunicipalityConsumer(Consumption consumption, Clock clock) {
        this.consumption = consumption;
        this.clock = clock;
    }

    @Incoming("registry-municipalities")
    @Blocking
    public void consume(String value) {
        consumption.consume(value, MUNICIPALITIES, this::apply);
    }

    private void apply(CloudEvent event) {
        EventFields data = event.fields();
        String number = data.text("kommunenummer");
        String name = data.text("name");
        String county = data.text("county");
        List<MunicipalityProjection.Successor> successors = data.objects("successors").stream()
                .map(s -> new MunicipalityProjection.Successor(
                        s.text("kommunenummer"), s.text("name"), s.date("effectiveDate"), s.text("changeType")))
                .toList();
        MunicipalityProjection m = MunicipalityProjection.findById(number);
        if (m == null) {
            m = new MunicipalityProjection();
            m.kommunenummer = number;
        }
        m.name = name;
        m.county = county;
        m.network = data.optionalText("network");
        m.validFrom = data.optionalDate("validFrom");
        m.validTo = data.optionalDate("validTo");
        m.successors = successors;
        m.vendors = Codes.of(event.data(), "vendors");
        m.updatedAt = OffsetDateTime.now(clock);
        m.persist();
    }
}
