package no.ks.ehelse.enrollment.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.platform.events.Outbox;

/**
 * Meeting and registration events on {@code enrollment.meetings.v1}, all keyed by the meeting id so that a
 * meeting's events stay in order (docs/events, the contract with notification-service).
 */
@ApplicationScoped
public class MeetingEvents {

    public static final String TOPIC = "enrollment.meetings.v1";
    public static final String SCHEDULED = "no.ks.ehelse.meeting.scheduled.v1";
    public static final String CHANGED = "no.ks.ehelse.meeting.changed.v1";
    public static final String CANCELLED = "no.ks.ehelse.meeting.cancelled.v1";
    public static final String REGISTRATION_MADE = "no.ks.ehelse.meeting.registration-made.v1";
    public static final String REGISTRATION_PROMOTED = "no.ks.ehelse.meeting.registration-promoted.v1";
    public static final String REGISTRATION_CANCELLED = "no.ks.ehelse.meeting.registration-cancelled.v1";
    public static final String LINK_REQUESTED = "no.ks.ehelse.meeting.registration-link-requested.v1";

    public record Organizer(String name, String email) {}

    public record MeetingState(
            UUID meetingId,
            int sequence,
            String solution,
            String solutionName,
            UUID trackId,
            String title,
            String description,
            OffsetDateTime start,
            OffsetDateTime end,
            String timeZone,
            String onlineUrl,
            String place,
            Integer capacity,
            OffsetDateTime registrationClosesAt,
            Organizer organizer,
            Meeting.Status status,
            String pageUrl,
            String cancelReason) {}

    public record RegistrationState(
            UUID registrationId,
            UUID meetingId,
            String name,
            String email,
            String kommunenummer,
            String municipalityName,
            String role,
            MeetingRegistration.Status status,
            Integer waitlistPosition,
            String cancelUrl,
            OffsetDateTime registeredAt) {}

    public record RegistrationCancelled(
            UUID registrationId, UUID meetingId, String email, OffsetDateTime cancelledAt, String reason) {}

    private final Outbox outbox;
    private final MeetingsConfig config;

    MeetingEvents(Outbox outbox, MeetingsConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    public String pageUrl(Meeting meeting) {
        return config.publicUrl() + "/informasjonsmoter/" + meeting.id;
    }

    void meeting(String type, Meeting m) {
        SolutionProjection solution = SolutionProjection.findById(m.solution);
        MeetingState state = new MeetingState(
                m.id,
                m.sequence,
                m.solution,
                solution == null ? m.solution : solution.name,
                m.trackId,
                m.title,
                m.description,
                m.start(),
                m.end(),
                Meeting.ZONE.getId(),
                m.onlineUrl,
                m.place,
                m.capacity,
                m.closes(),
                new Organizer(m.organizerName, m.organizerEmail),
                m.status,
                pageUrl(m),
                m.status == Meeting.Status.CANCELLED ? m.cancelReason : null);
        outbox.publish(TOPIC, m.id.toString(), type, m.id.toString(), state);
    }

    void registration(String type, RegistrationState state) {
        outbox.publish(
                TOPIC,
                state.meetingId().toString(),
                type,
                state.registrationId().toString(),
                state);
    }

    void cancelled(MeetingRegistration r, String email, String reason) {
        outbox.publish(
                TOPIC,
                r.meetingId.toString(),
                REGISTRATION_CANCELLED,
                r.id.toString(),
                new RegistrationCancelled(
                        r.id,
                        r.meetingId,
                        email,
                        r.cancelledAt.atZoneSameInstant(Meeting.ZONE).toOffsetDateTime(),
                        reason));
    }
}
