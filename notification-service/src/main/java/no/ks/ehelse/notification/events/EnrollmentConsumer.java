package no.ks.ehelse.notification.events;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.notification.domain.Enrollment;
import no.ks.ehelse.notification.domain.Notifier;
import no.ks.ehelse.notification.domain.Track;
import no.ks.ehelse.platform.events.CloudEvent;
import no.ks.ehelse.platform.events.Consumption;
import no.ks.ehelse.platform.events.PoisonRecordException;
import no.ks.ehelse.platform.events.ProcessedEvents;

/**
 * enrollment-service's tracks and enrollments: keeps the projections messages are written from, then plans the
 * messages the event calls for, all in one transaction per record.
 */
@ApplicationScoped
public class EnrollmentConsumer {

    static final String TRACKS = "notification-service.tracks";
    static final String ENROLLMENTS = "notification-service.enrollments";

    private final Consumption consumption;
    private final ProcessedEvents processed;
    private final Notifier notifier;
    private final Clock clock;

    EnrollmentConsumer(Consumption consumption, ProcessedEvents processed, Notifier notifier, Clock clock) {
        this.consumption = consumption;
        this.processed = processed;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Incoming("enrollment-tracks")
    @Blocking
    public void track(String value) {
        consumption.apply(() -> trackNow(value));
    }

    @Incoming("enrollment-enrollments")
    @Blocking
    public void enrollment(String value) {
        consumption.apply(() -> enrollmentNow(value));
    }

    private void trackNow(String value) {
        CloudEvent event = CloudEvent.parse(value);
        if (!event.type().startsWith("no.ks.ehelse.track.")) {
            throw new PoisonRecordException("unexpected event type '" + event.type() + "' on enrollment.tracks.v1");
        }
        boolean wholeTrack = event.data().has("workingGroup");
        UUID id = uuid(event, wholeTrack ? "id" : "trackId");
        LocalDate deadline = date(event, "registrationDeadline");
        if (!processed.firstDelivery(TRACKS, event.id())) {
            return;
        }
        Track track = Track.findById(id);
        if (wholeTrack) {
            if (track == null) {
                track = new Track();
                track.id = id;
            }
            track.solution = event.text("solution");
            track.name = event.text("name");
            track.status = event.text("status");
            track.state = event.data();
        }
        if (track != null) {
            track.registrationDeadline = deadline;
            track.updatedAt = OffsetDateTime.now(clock);
            track.persist();
        }
        notifier.plan(event);
    }

    private void enrollmentNow(String value) {
        CloudEvent event = CloudEvent.parse(value);
        if (!event.type().startsWith("no.ks.ehelse.enrollment.")) {
            throw new PoisonRecordException(
                    "unexpected event type '" + event.type() + "' on enrollment.enrollments.v1");
        }
        UUID id = uuid(event, "id");
        UUID trackId = uuid(event, "trackId");
        String kommunenummer = event.text("kommunenummer");
        String status = event.text("status");
        if (!processed.firstDelivery(ENROLLMENTS, event.id())) {
            return;
        }
        Enrollment enrollment = Enrollment.findById(id);
        if (enrollment == null) {
            enrollment = new Enrollment();
            enrollment.id = id;
        }
        enrollment.trackId = trackId;
        enrollment.kommunenummer = kommunenummer;
        enrollment.status = status;
        JsonNode position = event.data().path("waitlistPosition");
        enrollment.waitlistPosition = position.canConvertToInt() ? position.asInt() : null;
        enrollment.updatedAt = OffsetDateTime.now(clock);
        enrollment.persist();
        notifier.plan(event);
    }

    static UUID uuid(CloudEvent event, String field) {
        try {
            return UUID.fromString(event.text(field));
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("'" + field + "' is not a UUID");
        }
    }

    static LocalDate date(CloudEvent event, String field) {
        try {
            return LocalDate.parse(event.text(field));
        } catch (DateTimeParseException e) {
            throw new PoisonRecordException("'" + field + "' is not a date");
        }
    }
}
