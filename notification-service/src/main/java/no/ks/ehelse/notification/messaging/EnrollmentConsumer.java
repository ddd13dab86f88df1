package no.ks.ehelse.notification.messaging;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.notification.domain.EnrollmentProjection;
import no.ks.ehelse.notification.domain.Notifier;
import no.ks.ehelse.notification.domain.TrackCalendar;
import no.ks.ehelse.notification.domain.TrackProjection;
import no.ks.ehelse.platform.events.CloudEvent;
import no.ks.ehelse.platform.events.Consumption;
import no.ks.ehelse.platform.events.Intake;

/**
 * enrollment-service's tracks and enrollments: keeps the projections messages are written from, then plans the
 * notifications the event calls for, all in one transaction per record.
 */
@ApplicationScoped
public class EnrollmentConsumer {

    static final String TRACKS = "notification-service.tracks";
    static final String ENROLLMENTS = "notification-service.enrollments";

    private static final Intake TRACK_EVENTS = Intake.prefix(TRACKS, "enrollment.tracks.v1", "no.ks.ehelse.track.");
    private static final Intake ENROLLMENT_EVENTS =
            Intake.prefix(ENROLLMENTS, "enrollment.enrollments.v1", "no.ks.ehelse.enrollment.");

    private final Consumption consumption;
    private final Notifier notifier;
    private final TrackCalendar calendar;
    private final Clock clock;

    EnrollmentConsumer(Consumption consumption, Notifier notifier, TrackCalendar calendar, Clock clock) {
        this.consumption = consumption;
        this.notifier = notifier;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Incoming("enrollment-tracks")
    @Blocking
    public void track(String value) {
        consumption.consume(value, TRACK_EVENTS, this::track);
    }

    @Incoming("enrollment-enrollments")
    @Blocking
    public void enrollment(String value) {
        consumption.consume(value, ENROLLMENT_EVENTS, this::enrollment);
    }

    /** A whole-track event (it has the working group) replaces the projection; the others move its deadline. */
    private void track(CloudEvent event) {
        boolean wholeTrack = event.fields().has("workingGroup");
        UUID id = event.uuid(wholeTrack ? "id" : "trackId");
        LocalDate deadline = event.date("registrationDeadline");
        TrackProjection track = TrackProjection.findById(id);
        if (wholeTrack) {
            if (track == null) {
                track = new TrackProjection();
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
            calendar.update(track);
        }
        notifier.plan(event);
    }

    private void enrollment(CloudEvent event) {
        UUID id = event.uuid("id");
        EnrollmentProjection enrollment = EnrollmentProjection.findById(id);
        if (enrollment == null) {
            enrollment = new EnrollmentProjection();
            enrollment.id = id;
        }
        enrollment.trackId = event.uuid("trackId");
        enrollment.kommunenummer = event.text("kommunenummer");
        enrollment.solution = event.text("solution");
        enrollment.status = event.text("status");
        enrollment.waitlistPosition = event.fields().optionalInteger("waitlistPosition");
        if (event.fields().has("host")) {
            // Judged here so that a malformed link is dead-lettered, not half-used by the recipients.
            event.fields().object("host").uuid("enrollmentId");
            event.fields().object("host").text("kommunenummer");
        }
        enrollment.updatedAt = OffsetDateTime.now(clock);
        enrollment.persist();
        notifier.plan(event);
    }
}
