package no.ks.ehelse.notification.messaging;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.notification.domain.MeetingProjection;
import no.ks.ehelse.notification.domain.MeetingRegistration;
import no.ks.ehelse.notification.domain.Notifier;
import no.ks.ehelse.platform.events.CloudEvent;
import no.ks.ehelse.platform.events.Consumption;
import no.ks.ehelse.platform.events.EventFields;
import no.ks.ehelse.platform.events.Intake;
import no.ks.ehelse.platform.events.PoisonCategory;
import no.ks.ehelse.platform.events.PoisonRecordException;

/**
 * enrollment-service's information meetings and the registrations for them (enrollment.meetings.v1, key = meeting
 * id, so a meeting's events arrive in order): keeps the meeting and registration projections, then plans the
 * registrants' mails, in one transaction per record. Poison records go to enrollment.meetings.v1.dlq.
 */
@ApplicationScoped
public class MeetingConsumer {

    static final String MEETINGS = "notification-service.meetings";
    private static final String PREFIX = "no.ks.ehelse.meeting.";
    private static final Intake MEETING_EVENTS = Intake.types(
            MEETINGS,
            "enrollment.meetings.v1",
            Set.of(
                    PREFIX + "scheduled.v1",
                    PREFIX + "changed.v1",
                    PREFIX + "cancelled.v1",
                    PREFIX + "registration-made.v1",
                    PREFIX + "registration-promoted.v1",
                    PREFIX + "registration-cancelled.v1",
                    PREFIX + "registration-link-requested.v1"));

    private final Consumption consumption;
    private final Notifier notifier;
    private final Clock clock;

    MeetingConsumer(Consumption consumption, Notifier notifier, Clock clock) {
        this.consumption = consumption;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Incoming("enrollment-meetings")
    @Blocking
    public void meeting(String value) {
        consumption.consume(value, MEETING_EVENTS, this::apply);
    }

    private void apply(CloudEvent event) {
        String type = event.type().substring(PREFIX.length());
        boolean current =
                switch (type) {
                    case "scheduled.v1", "changed.v1", "cancelled.v1" -> meeting(event);
                    case "registration-cancelled.v1" -> cancelled(event);
                    default -> registration(event);
                };
        if (current) {
            notifier.plan(event);
        }
    }

    /** The whole meeting; an event with a lower sequence than the one applied is stale and tells nobody. */
    private boolean meeting(CloudEvent event) {
        EventFields f = event.fields();
        UUID id = f.uuid("meetingId");
        int sequence = f.integer("sequence");
        MeetingProjection m = MeetingProjection.findById(id);
        if (m != null && sequence < m.sequence) {
            return false;
        }
        if (m == null) {
            m = new MeetingProjection();
            m.id = id;
        }
        OffsetDateTime start = time(f, "start");
        OffsetDateTime end = time(f, "end");
        if (!end.isAfter(start)) {
            throw new PoisonRecordException(PoisonCategory.INVALID_VALUE, "'end' is not after 'start'");
        }
        String status = f.text("status");
        if (!status.equals("SCHEDULED") && !status.equals("CANCELLED")) {
            throw new PoisonRecordException(
                    PoisonCategory.INVALID_VALUE, "'status' is " + status + ", expected SCHEDULED or CANCELLED");
        }
        m.sequence = sequence;
        m.solution = f.text("solution");
        m.trackId = f.optionalText("trackId") == null ? null : f.uuid("trackId");
        m.title = f.text("title");
        m.startsAt = start;
        m.endsAt = end;
        m.status = event.type().endsWith("cancelled.v1") ? "CANCELLED" : status;
        m.state = event.data();
        m.updatedAt = OffsetDateTime.now(clock);
        m.persist();
        return true;
    }

    private boolean registration(CloudEvent event) {
        EventFields f = event.fields();
        UUID id = f.uuid("registrationId");
        UUID meetingId = f.uuid("meetingId");
        known(meetingId);
        String status = f.text("status");
        if (!status.equals("CONFIRMED") && !status.equals("WAITLISTED")) {
            throw new PoisonRecordException(
                    PoisonCategory.INVALID_VALUE, "'status' is " + status + ", expected CONFIRMED or WAITLISTED");
        }
        MeetingRegistration r = MeetingRegistration.findById(id);
        if (r == null) {
            r = new MeetingRegistration();
            r.id = id;
        }
        r.meetingId = meetingId;
        r.name = f.text("name");
        r.email = f.text("email").strip().toLowerCase(Locale.ROOT);
        r.kommunenummer = f.text("kommunenummer");
        r.role = f.optionalText("role");
        r.status = status;
        r.waitlistPosition = f.optionalInteger("waitlistPosition");
        r.cancelUrl = f.optionalText("cancelUrl");
        r.updatedAt = OffsetDateTime.now(clock);
        r.persist();
        return true;
    }

    /**
     * A participant's own cancellation ends the registration; one for a cancelled meeting leaves it (the meeting's
     * cancellation mails everyone registered); one for retention removes our copy as enrollment-service did.
     */
    private boolean cancelled(CloudEvent event) {
        EventFields f = event.fields();
        UUID id = f.uuid("registrationId");
        known(f.uuid("meetingId"));
        String reason = f.text("reason");
        MeetingRegistration r = MeetingRegistration.findById(id);
        switch (reason) {
            case "PARTICIPANT" -> {
                if (r != null) {
                    r.status = "CANCELLED";
                    r.updatedAt = OffsetDateTime.now(clock);
                }
            }
            case "RETENTION" -> {
                if (r != null) {
                    r.delete();
                }
            }
            case "MEETING_CANCELLED" -> {
                // The meeting's own cancelled event tells the registrants.
            }
            default ->
                throw new PoisonRecordException(
                        PoisonCategory.INVALID_VALUE,
                        "'reason' is " + reason + ", expected PARTICIPANT, MEETING_CANCELLED or RETENTION");
        }
        return true;
    }

    private static void known(UUID meetingId) {
        if (MeetingProjection.findById(meetingId) == null) {
            throw new PoisonRecordException(
                    PoisonCategory.UNKNOWN_REFERENCE, "meeting " + meetingId + " has not been announced");
        }
    }

    private static OffsetDateTime time(EventFields f, String field) {
        String value = f.text(field);
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new PoisonRecordException(
                    PoisonCategory.INVALID_VALUE, "'" + field + "' is not an ISO-8601 time with offset: " + value);
        }
    }
}
