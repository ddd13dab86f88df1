package no.ks.ehelse.notification.domain;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.TemplateData;
import no.ks.ehelse.notification.domain.Recipients.Recipient;

/**
 * Mails about information meetings (docs/events, enrollment.meetings.v1): who gets them (the person who
 * registered, or every registrant of a changed or cancelled meeting) and what they say, from the meeting and
 * registration projections at send time.
 */
public final class MeetingMails {

    /** The internal type of the reminder the day before (never on Kafka: {@link MeetingReminders} plans it). */
    public static final String REMINDER_TYPE = "no.ks.ehelse.notification.meeting-reminder.v1";

    static final String MEETING = "no.ks.ehelse.meeting.";

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("EEEE d. MMMM yyyy", Locale.forLanguageTag("nb-NO"));
    /** "tysdag", "laurdag": the weekdays are where the two forms differ. */
    private static final DateTimeFormatter DAY_NN =
            DateTimeFormatter.ofPattern("EEEE d. MMMM yyyy", Locale.forLanguageTag("nn-NO"));

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm");

    /** What a meeting template can say. */
    @TemplateData
    public record MeetingMessage(
            String recipientName,
            String title,
            String solutionName,
            String when,
            String onlineUrl,
            String place,
            String description,
            String pageUrl,
            String cancelUrl,
            Integer waitlistPosition,
            String cancelReason,
            String organizerName,
            String organizerEmail) {}

    private MeetingMails() {}

    static MessageKind kindOf(String type, JsonNode data) {
        return switch (type) {
            case MEETING + "changed.v1" -> MessageKind.MEETING_CHANGED;
            case MEETING + "cancelled.v1" -> MessageKind.MEETING_CANCELLED;
            case MEETING + "registration-made.v1", MEETING + "registration-link-requested.v1" ->
                "WAITLISTED".equals(data.path("status").asText())
                        ? MessageKind.MEETING_WAITLISTED
                        : MessageKind.MEETING_REGISTERED;
            case MEETING + "registration-promoted.v1" -> MessageKind.MEETING_REGISTERED;
            case MEETING + "registration-cancelled.v1" ->
                "PARTICIPANT".equals(data.path("reason").asText())
                        ? MessageKind.MEETING_UNREGISTERED
                        : MessageKind.EVENT;
            case REMINDER_TYPE -> MessageKind.MEETING_REMINDER;
            default -> MessageKind.EVENT;
        };
    }

    /** The people a meeting event is for: the registrant, or every registrant the change concerns. */
    static List<Recipient> recipients(MessageKind kind, JsonNode data) {
        UUID meeting = uuid(data.path("meetingId"));
        List<Recipient> people = new ArrayList<>();
        switch (kind) {
            case MEETING_REGISTERED, MEETING_WAITLISTED, MEETING_REMINDER ->
                people.add(Recipient.of(
                        data.path("email").asText(),
                        data.path("name").asText(null),
                        data.path("kommunenummer").asText(null)));
            case MEETING_UNREGISTERED -> {
                MeetingRegistration r = MeetingRegistration.findById(uuid(data.path("registrationId")));
                people.add(Recipient.of(
                        data.path("email").asText(), r == null ? null : r.name, r == null ? null : r.kommunenummer));
            }
            case MEETING_CHANGED -> {
                for (MeetingRegistration r : MeetingRegistration.of(meeting, "CONFIRMED")) {
                    people.add(Recipient.of(r.email, r.name, r.kommunenummer));
                }
            }
            case MEETING_CANCELLED -> {
                for (MeetingRegistration r : MeetingRegistration.of(meeting, "CONFIRMED", "WAITLISTED")) {
                    people.add(Recipient.of(r.email, r.name, r.kommunenummer));
                }
            }
            default -> {
                // Not a mail to a person.
            }
        }
        return people;
    }

    /** Why a planned meeting mail should no longer go out; null to send. */
    static String skipReason(Notification n, SourceEvent event, OffsetDateTime now) {
        if (n.kind != MessageKind.MEETING_REMINDER) {
            return null;
        }
        MeetingProjection m = MeetingProjection.findById(uuid(event.data.path("meetingId")));
        MeetingRegistration r = MeetingRegistration.findById(uuid(event.data.path("registrationId")));
        if (m == null || m.cancelled()) {
            return "the meeting was cancelled after the reminder was planned";
        }
        if (r == null || !"CONFIRMED".equals(r.status)) {
            return "the registration is no longer confirmed";
        }
        if (!m.startsAt.isAfter(now)) {
            return "the meeting had started when the reminder was due";
        }
        return null;
    }

    static MeetingProjection meeting(SourceEvent event) {
        UUID id = uuid(event.data.path("meetingId"));
        MeetingProjection m = id == null ? null : MeetingProjection.findById(id);
        if (m == null) {
            throw new Messages.NotReady("meeting " + id + " is not known here yet");
        }
        return m;
    }

    /** The registration a mail is about: by its id when the event names it, else the recipient's. */
    static MeetingRegistration registration(Notification n, SourceEvent event, MeetingProjection m) {
        UUID id = uuid(event.data.path("registrationId"));
        MeetingRegistration r = id == null ? null : MeetingRegistration.findById(id);
        return r != null ? r : MeetingRegistration.byEmail(m.id, n.recipient);
    }

    static MeetingMessage model(Notification n, SourceEvent event, ZoneId zone, Language language) {
        MeetingProjection m = meeting(event);
        MeetingRegistration r = registration(n, event, m);
        JsonNode data = event.data;
        Integer position = data.path("waitlistPosition").canConvertToInt()
                ? Integer.valueOf(data.path("waitlistPosition").asInt())
                : r == null ? null : r.waitlistPosition;
        String cancelUrl =
                data.path("cancelUrl").isTextual() ? data.path("cancelUrl").asText() : r == null ? null : r.cancelUrl;
        JsonNode organizer = m.state.path("organizer");
        return new MeetingMessage(
                n.recipientName != null ? n.recipientName : r == null ? null : r.name,
                m.title,
                m.text("solutionName") != null ? m.text("solutionName") : m.solution,
                when(m, zone, language),
                m.text("onlineUrl"),
                m.text("place"),
                m.text("description"),
                m.text("pageUrl"),
                cancelUrl,
                position,
                m.text("cancelReason"),
                organizer.path("name").asText(null),
                organizer.path("email").asText(null));
    }

    /** "tirsdag 12. januar 2027 kl. 10.00–11.00", in the meeting's zone. */
    static String when(MeetingProjection m, ZoneId zone, Language language) {
        DateTimeFormatter day = language.nynorsk() ? DAY_NN : DAY;
        ZonedDateTime start = m.startsAt.atZoneSameInstant(zone);
        ZonedDateTime end = m.endsAt.atZoneSameInstant(zone);
        String text = day.format(start) + " kl. " + TIME.format(start) + "–";
        return text
                + (end.toLocalDate().equals(start.toLocalDate()) ? "" : day.format(end) + " kl. ")
                + TIME.format(end);
    }

    /** The meeting as one calendar entry, for an invitation ({@code attendee}) or a feed (null). */
    static Calendars.Entry entry(
            MeetingProjection m, Calendars.Person attendee, int sequence, boolean cancelled, ZoneId zone) {
        JsonNode organizer = m.state.path("organizer");
        String online = m.text("onlineUrl");
        String place = m.text("place");
        String page = m.text("pageUrl");
        StringBuilder description = new StringBuilder();
        if (m.text("description") != null) {
            description.append(m.text("description")).append("\n\n");
        }
        if (online != null) {
            description.append("Bli med: ").append(online).append('\n');
        }
        if (page != null) {
            description.append("Om møtet: ").append(page).append('\n');
        }
        return new Calendars.Entry(
                "meeting-" + m.id + "@ehelse.ks.example",
                sequence,
                m.title,
                description.toString().strip(),
                m.startsAt.atZoneSameInstant(zone),
                m.endsAt.atZoneSameInstant(zone),
                null,
                place != null ? place : online,
                online != null ? online : page,
                cancelled,
                organizer.path("email").isTextual()
                        ? new Calendars.Person(
                                organizer.path("name").asText(null),
                                organizer.path("email").asText())
                        : null,
                attendee);
    }

    static ZoneId zone() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("ehelse.meetings.zone", ZoneId.class)
                .orElse(ZoneId.of("Europe/Oslo"));
    }

    static UUID uuid(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
