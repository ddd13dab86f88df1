package no.ks.ehelse.enrollment.events;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.enrollment.domain.MunicipalityProjection;
import no.ks.ehelse.platform.events.CloudEvent;
import no.ks.ehelse.platform.events.Consumption;
import no.ks.ehelse.platform.events.PoisonRecordException;
import no.ks.ehelse.platform.events.ProcessedEvents;

/** Projects the registry's municipalities; every event carries the number's whole state, so it is an upsert. */
@ApplicationScoped
public class MunicipalityConsumer {

    private final Consumption consumption;

    static final String CONSUMER = "enrollment-service.municipalities";
    private static final String PREFIX = "no.ks.ehelse.municipality.";

    private final ProcessedEvents processed;
    private final Clock clock;

    MunicipalityConsumer(ProcessedEvents processed, Clock clock, Consumption consumption) {
        this.consumption = consumption;
        this.processed = processed;
        this.clock = clock;
    }

    @Incoming("registry-municipalities")
    @Blocking
    public void consume(String value) {
        consumption.apply(() -> consumeNow(value));
    }

    private void consumeNow(String value) {
        CloudEvent event = CloudEvent.parse(value);
        if (!event.type().startsWith(PREFIX)) {
            throw new PoisonRecordException("unexpected event type '" + event.type() + "' on registry.municipalities.v1");
        }
        String number = event.text("kommunenummer");
        String name = event.text("name");
        String county = event.text("county");
        List<MunicipalityProjection.Successor> successors = new ArrayList<>();
        for (JsonNode s : event.data().path("successors")) {
            successors.add(new MunicipalityProjection.Successor(s.path("kommunenummer").asText(),
                    s.path("name").asText(), date(s.path("effectiveDate")), s.path("changeType").asText()));
        }
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        MunicipalityProjection m = MunicipalityProjection.findById(number);
        if (m == null) {
            m = new MunicipalityProjection();
            m.kommunenummer = number;
        }
        m.name = name;
        m.county = county;
        m.network = event.data().path("network").asText(null);
        m.validFrom = date(event.data().path("validFrom"));
        m.validTo = date(event.data().path("validTo"));
        m.successors = successors;
        m.updatedAt = OffsetDateTime.now(clock);
        m.persist();
    }

    private static LocalDate date(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (java.time.format.DateTimeParseException e) {
            throw new PoisonRecordException("not a date: " + node.asText());
        }
    }
}
