package no.ks.ehelse.adoption.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.adoption.domain.EnrollmentProjection;
import no.ks.ehelse.platform.events.CloudEvent;
import no.ks.ehelse.platform.events.Consumption;
import no.ks.ehelse.platform.events.PoisonRecordException;
import no.ks.ehelse.platform.events.ProcessedEvents;

/** Keeps the enrollments the funnel counts; every enrollment event carries the enrollment's current state. */
@ApplicationScoped
public class EnrollmentConsumer {

    private final Consumption consumption;

    private final ProcessedEvents processed;

    EnrollmentConsumer(ProcessedEvents processed, Consumption consumption) {
        this.consumption = consumption;
        this.processed = processed;
    }

    @Incoming("enrollments")
    @Blocking
    public void consume(String value) {
        consumption.apply(() -> consumeNow(value));
    }

    private void consumeNow(String value) {
        CloudEvent event = CloudEvent.parse(value);
        if (!event.type().startsWith("no.ks.ehelse.enrollment.")) {
            throw new PoisonRecordException("unexpected event type '" + event.type() + "' on enrollment.enrollments.v1");
        }
        UUID id;
        UUID track;
        try {
            id = UUID.fromString(event.text("id"));
            track = UUID.fromString(event.text("trackId"));
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("id and trackId must be UUIDs");
        }
        String status = event.text("status");
        String wentLive = event.data().path("wentLiveOn").asText(null);
        if (!processed.firstDelivery("adoption-stats-service.enrollments", event.id())) {
            return;
        }
        EnrollmentProjection e = EnrollmentProjection.findById(id);
        if (e == null) {
            e = new EnrollmentProjection();
            e.id = id;
            e.enrolledAt = event.time() == null ? OffsetDateTime.now() : event.time();
        }
        e.trackId = track;
        e.solution = event.text("solution");
        e.kommunenummer = event.text("kommunenummer");
        e.status = status;
        e.wentLiveOn = wentLive == null ? null : LocalDate.parse(wentLive);
        e.persist();
    }
}
