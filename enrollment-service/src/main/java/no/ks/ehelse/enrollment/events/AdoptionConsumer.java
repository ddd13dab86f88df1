package no.ks.ehelse.enrollment.events;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.enrollment.domain.Enrollments;
import no.ks.ehelse.platform.events.CloudEvent;
import no.ks.ehelse.platform.events.Consumption;
import no.ks.ehelse.platform.events.ProcessedEvents;

/**
 * adoption-stats announces {@code no.ks.ehelse.adoption.went-live.v1} the first time NHN's data shows a
 * municipality ACTIVE for a solution; confirmed enrollments in tracks of that solution go live. Other adoption
 * event types on the topic are not this service's business and are skipped.
 */
@ApplicationScoped
public class AdoptionConsumer {

    private final Consumption consumption;

    private static final Logger LOG = Logger.getLogger(AdoptionConsumer.class);
    static final String CONSUMER = "enrollment-service.adoption";
    public static final String WENT_LIVE = "no.ks.ehelse.adoption.went-live.v1";

    private final ProcessedEvents processed;
    private final Enrollments enrollments;

    AdoptionConsumer(ProcessedEvents processed, Enrollments enrollments, Consumption consumption) {
        this.consumption = consumption;
        this.processed = processed;
        this.enrollments = enrollments;
    }

    @Incoming("adoption-events")
    @Blocking
    public void consume(String value) {
        consumption.apply(() -> consumeNow(value));
    }

    private void consumeNow(String value) {
        CloudEvent event = CloudEvent.parse(value);
        if (!WENT_LIVE.equals(event.type())) {
            return;
        }
        String kommunenummer = event.text("kommunenummer");
        String solution = event.text("solution");
        LocalDate on;
        try {
            on = LocalDate.parse(event.text("effectiveDate"));
        } catch (DateTimeParseException e) {
            throw new no.ks.ehelse.platform.events.PoisonRecordException("effectiveDate is not a date");
        }
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        int live = enrollments.wentLiveFromAdoption(kommunenummer, solution, on);
        LOG.infof("%s went live with %s on %s: %d enrollment(s) now LIVE", kommunenummer, solution, on, live);
    }
}
