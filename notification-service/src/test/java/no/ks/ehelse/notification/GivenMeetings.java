package no.ks.ehelse.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import no.ks.ehelse.localstack.MailSink;
import no.ks.ehelse.localstack.TestEvents;

/**
 * enrollment-service's information meeting events as docs/events describes them (topic enrollment.meetings.v1, key =
 * meeting id), checked against their schemas; and the .ics files of received mails, parsed with ical4j. All people
 * and addresses are fictitious.
 */
final class GivenMeetings {

    static final String TOPIC = "enrollment.meetings.v1";
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    /** An .ics attachment of a mail: its MIME type and the parsed calendar. */
    record Ics(String contentType, Calendar calendar) {

        VEvent event() {
            return (VEvent) calendar.getComponents("VEVENT").get(0);
        }

        List<VEvent> events() {
            return calendar.getComponents("VEVENT").stream()
                    .map(c -> (VEvent) c)
                    .toList();
        }

        String method() {
            return calendar.getProperty("METHOD").orElseThrow().getValue();
        }

        static String value(VEvent e, String property) {
            return e.<net.fortuna.ical4j.model.Property>getProperty(property)
                    .map(net.fortuna.ical4j.model.Property::getValue)
                    .orElse(null);
        }

        static String parameter(VEvent e, String property, String parameter) {
            return e.<net.fortuna.ical4j.model.Property>getProperty(property)
                    .flatMap(p -> p.<net.fortuna.ical4j.model.Parameter>getParameter(parameter))
                    .map(net.fortuna.ical4j.model.Parameter::getValue)
                    .orElse(null);
        }
    }

    private GivenMeetings() {}

    /** A meeting as the scheduled/changed/cancelled events carry it. */
    record Meeting(
            UUID id,
            int sequence,
            String title,
            ZonedDateTime start,
            ZonedDateTime end,
            String onlineUrl,
            String place,
            UUID trackId,
            String status) {

        static Meeting online(String title, ZonedDateTime start) {
            return new Meeting(
                    UUID.randomUUID(),
                    0,
                    title,
                    start,
                    start.plusHours(1),
                    "https://teams.example.test/l/meetup-join/" + UUID.randomUUID(),
                    null,
                    null,
                    "SCHEDULED");
        }

        Meeting moved(ZonedDateTime newStart) {
            return new Meeting(
                    id,
                    sequence + 1,
                    title,
                    newStart,
                    newStart.plus(java.time.Duration.between(start, end)),
                    onlineUrl,
                    place,
                    trackId,
                    status);
        }

        Meeting cancelled() {
            return new Meeting(id, sequence + 1, title, start, end, onlineUrl, place, trackId, "CANCELLED");
        }

        Meeting forTrack(UUID track) {
            return new Meeting(id, sequence, title, start, end, onlineUrl, place, track, status);
        }
    }

    static void scheduled(Meeting m) {
        send(m, "scheduled");
    }

    static void changed(Meeting m) {
        send(m, "changed");
    }

    static void cancelled(Meeting m) {
        send(m, "cancelled");
    }

    private static void send(Meeting m, String type) {
        Given.send(
                TOPIC,
                m.id().toString(),
                TestEvents.event(
                        Given.ENROLLMENT, "no.ks.ehelse.meeting." + type + ".v1", m.id().toString(), """
                        {"meetingId": "%s", "sequence": %d, "solution": "digihelse", "solutionName": "DigiHelse",
                         "trackId": %s, "title": "%s", "description": "Slik kommer kommunen i gang med DigiHelse.",
                         "start": "%s", "end": "%s", "timeZone": "Europe/Oslo", "onlineUrl": %s, "place": %s,
                         "capacity": 2, "registrationClosesAt": "%s",
                         "organizer": {"name": "Innføringsleder DigiHelse", "email": "digihelse-leder@ks.example"},
                         "status": "%s", "pageUrl": "http://localhost:8082/informasjonsmoter/%s", "cancelReason": %s}""".formatted(
                                        m.id(),
                                        m.sequence(),
                                        m.trackId() == null ? "null" : "\"" + m.trackId() + "\"",
                                        m.title(),
                                        m.start().toOffsetDateTime(),
                                        m.end().toOffsetDateTime(),
                                        m.onlineUrl() == null ? "null" : "\"" + m.onlineUrl() + "\"",
                                        m.place() == null ? "null" : "\"" + m.place() + "\"",
                                        m.start().minusDays(1).toOffsetDateTime(),
                                        m.status(),
                                        m.id(),
                                        "CANCELLED".equals(m.status()) ? "\"Innføringslederen er syk.\"" : "null")));
    }

    /** registration-made (or -promoted, -link-requested) for a person of {@code kommunenummer}; returns its id. */
    static UUID registration(
            String type,
            UUID registrationId,
            Meeting m,
            String name,
            String email,
            String kommunenummer,
            String status,
            Integer position) {
        Given.send(
                TOPIC,
                m.id().toString(),
                TestEvents.event(
                        Given.ENROLLMENT,
                        "no.ks.ehelse.meeting.registration-" + type + ".v1",
                        m.id().toString(),
                        """
                        {"registrationId": "%s", "meetingId": "%s", "name": "%s", "email": "%s", "kommunenummer": "%s",
                         "municipalityName": "Kommune %s", "role": "Kommuneoverlege", "status": "%s",
                         "waitlistPosition": %s, "cancelUrl": "http://localhost:8082/informasjonsmoter/avmelding/%s",
                         "registeredAt": "%s"}""".formatted(
                                        registrationId,
                                        m.id(),
                                        name,
                                        email,
                                        kommunenummer,
                                        kommunenummer,
                                        status,
                                        position,
                                        "signed-" + registrationId,
                                        OffsetDateTime.now())));
        return registrationId;
    }

    static UUID registered(Meeting m, String name, String email, String kommunenummer) {
        return registration("made", UUID.randomUUID(), m, name, email, kommunenummer, "CONFIRMED", null);
    }

    static void registrationCancelled(Meeting m, UUID registrationId, String email, String reason) {
        Given.send(
                TOPIC,
                m.id().toString(),
                TestEvents.event(
                        Given.ENROLLMENT,
                        "no.ks.ehelse.meeting.registration-cancelled.v1",
                        m.id().toString(),
                        """
                        {"registrationId": "%s", "meetingId": "%s", "email": "%s", "cancelledAt": "%s", "reason": "%s"}""".formatted(registrationId, m.id(), email, OffsetDateTime.now(), reason)));
    }

    /** Every text/calendar part of a received mail, parsed. */
    static List<Ics> calendars(MailSink.Mail mail) {
        List<Ics> found = new ArrayList<>();
        try {
            collect(mail.raw(), found);
        } catch (MessagingException | IOException | ParserException e) {
            throw new AssertionError("cannot read the calendar parts of " + mail.subject(), e);
        }
        return found;
    }

    static Calendar parse(String ics) {
        try {
            return new CalendarBuilder().build(new StringReader(ics));
        } catch (IOException | ParserException e) {
            throw new AssertionError("not a valid iCalendar object: " + ics, e);
        }
    }

    private static void collect(Part part, List<Ics> found) throws MessagingException, IOException, ParserException {
        if (part.isMimeType("text/calendar")) {
            try (InputStream in = part.getInputStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                found.add(new Ics(part.getContentType(), new CalendarBuilder().build(new StringReader(text))));
            }
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, found);
            }
        }
    }
}
