package no.ks.ehelse.notification;

import static io.restassured.RestAssured.given;
import static no.ks.ehelse.notification.GivenMeetings.Ics.parameter;
import static no.ks.ehelse.notification.GivenMeetings.Ics.value;
import static no.ks.ehelse.notification.GivenMeetings.OSLO;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import net.fortuna.ical4j.model.component.VEvent;
import no.ks.ehelse.localstack.MailSink;
import no.ks.ehelse.localstack.TestTokens;
import no.ks.ehelse.notification.GivenMeetings.Ics;
import no.ks.ehelse.notification.GivenMeetings.Meeting;
import no.ks.ehelse.notification.domain.MeetingRegistration;
import no.ks.ehelse.notification.domain.MeetingReminders;
import no.ks.ehelse.notification.domain.SourceEvent;

/**
 * Information meetings' mails: events on enrollment.meetings.v1 from a plain producer → mails with an .ics in the
 * real SMTP server, parsed with ical4j: the invitation, the waiting list, the update with a higher SEQUENCE, a
 * participant's cancellation, the meeting's cancellation, the reminder the day before exactly once (adjustable
 * clock, two concurrent runs), and retention.
 */
@QuarkusTest
class MeetingMailsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private MailSink mail;
    private final String admin = TestTokens.forRole("admin");

    @Inject
    MeetingReminders reminders;

    @BeforeEach
    void smtp() {
        mail = MailSink.forTests();
    }

    @AfterEach
    void realTime() {
        moveClock(Instant.now());
    }

    @Test
    void registrantsGetTheInvitationItsUpdateWithAHigherSequenceAndTheCancellation() {
        ZonedDateTime start =
                LocalDate.now(OSLO).plusDays(20).atTime(LocalTime.of(10, 0)).atZone(OSLO);
        Meeting meeting = Meeting.online("Informasjonsmøte DigiHelse vår", start);
        GivenMeetings.scheduled(meeting);
        String kari = "kari.lege@fjord.kommune.example";
        String per = "per.venter@fjord.kommune.example";
        String ola = "ola.avmelder@fjord.kommune.example";
        UUID kariRegistration = GivenMeetings.registered(meeting, "Kari Lege", kari, "4611");
        GivenMeetings.registration("made", UUID.randomUUID(), meeting, "Per Venter", per, "4611", "WAITLISTED", 1);
        UUID olaRegistration = GivenMeetings.registered(meeting, "Ola Avmelder", ola, "4612");

        MailSink.Mail invitation = mail.await(m -> m.isTo(kari), 1, WAIT).get(0);
        keep(invitation, "meeting-invitation.eml");
        assertEquals("Du er påmeldt: Informasjonsmøte DigiHelse vår", invitation.subject());
        assertTrue(invitation.text().contains("Hei Kari Lege"), invitation.text());
        assertTrue(invitation.text().contains("kl. 10.00–11.00"), invitation.text());
        assertTrue(invitation.text().contains(meeting.onlineUrl()), "the link to the meeting");
        assertTrue(
                invitation.text().contains("/informasjonsmoter/avmelding/signed-" + kariRegistration), "cancel link");
        assertTrue(invitation.html().contains("<a href=\"" + meeting.onlineUrl() + "\">"), invitation.html());
        List<Ics> files = GivenMeetings.calendars(invitation);
        assertEquals(1, files.size(), "one invitation");
        Ics ics = files.get(0);
        assertTrue(ics.contentType().toLowerCase().contains("method=request"), ics.contentType());
        assertEquals("REQUEST", ics.method());
        VEvent event = ics.event();
        String uid = "meeting-" + meeting.id() + "@ehelse.ks.example";
        assertEquals(uid, value(event, "UID"));
        assertEquals("0", value(event, "SEQUENCE"));
        assertEquals("Europe/Oslo", parameter(event, "DTSTART", "TZID"));
        assertEquals("Europe/Oslo", parameter(event, "DTEND", "TZID"));
        assertEquals(
                start.toLocalDateTime(),
                java.time.LocalDateTime.parse(
                        value(event, "DTSTART"), java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")));
        assertEquals(
                "Europe/Oslo",
                ics.calendar()
                        .getComponents("VTIMEZONE")
                        .get(0)
                        .getProperty("TZID")
                        .orElseThrow()
                        .getValue(),
                "the VTIMEZONE the events name");
        assertEquals("mailto:digihelse-leder@ks.example", value(event, "ORGANIZER"));
        assertEquals("mailto:" + kari, value(event, "ATTENDEE"));
        assertEquals("Kari Lege", parameter(event, "ATTENDEE", "CN"));
        assertEquals(meeting.onlineUrl(), value(event, "URL"));
        assertEquals(meeting.onlineUrl(), value(event, "LOCATION"));

        MailSink.Mail waiting = mail.await(m -> m.isTo(per), 1, WAIT).get(0);
        assertEquals("Du står på venteliste: Informasjonsmøte DigiHelse vår", waiting.subject());
        assertTrue(waiting.text().contains("som nummer 1"), waiting.text());
        assertTrue(GivenMeetings.calendars(waiting).isEmpty(), "no invitation while waiting");

        mail.await(m -> m.isTo(ola), 1, WAIT);
        GivenMeetings.registrationCancelled(meeting, olaRegistration, ola, "PARTICIPANT");
        MailSink.Mail unregistered = mail.await(
                        m -> m.isTo(ola) && m.subject().equals("Avmeldingen er registrert"), 1, WAIT)
                .get(0);
        Ics olaCancel = GivenMeetings.calendars(unregistered).get(0);
        assertEquals("CANCEL", olaCancel.method());
        assertEquals(uid, value(olaCancel.event(), "UID"));
        assertEquals("mailto:" + ola, value(olaCancel.event(), "ATTENDEE"));

        Meeting moved = meeting.moved(start.plusDays(1).withHour(13));
        GivenMeetings.changed(moved);
        MailSink.Mail update = mail.await(m -> m.isTo(kari) && m.subject().startsWith("Endret: "), 1, WAIT)
                .get(0);
        assertEquals("Endret: Informasjonsmøte DigiHelse vår", update.subject());
        assertTrue(update.text().contains("kl. 13.00–14.00"), update.text());
        keep(update, "meeting-update.eml");
        VEvent updated = GivenMeetings.calendars(update).get(0).event();
        assertEquals("REQUEST", GivenMeetings.calendars(update).get(0).method());
        assertEquals(uid, value(updated, "UID"), "the same UID: the calendar moves the meeting");
        assertEquals("1", value(updated, "SEQUENCE"), "a higher SEQUENCE");
        assertTrue(value(updated, "DTSTART").endsWith("T130000"), value(updated, "DTSTART"));

        Meeting cancelled = moved.cancelled();
        GivenMeetings.cancelled(cancelled);
        for (String who : List.of(kari, per)) {
            MailSink.Mail cancel = mail.await(m -> m.isTo(who) && m.subject().startsWith("Avlyst: "), 1, WAIT)
                    .get(0);
            assertTrue(cancel.text().contains("Innføringslederen er syk."), cancel.text());
            Ics c = GivenMeetings.calendars(cancel).get(0);
            assertEquals("CANCEL", c.method());
            assertTrue(c.contentType().toLowerCase().contains("method=cancel"), c.contentType());
            assertEquals(uid, value(c.event(), "UID"));
            assertEquals("2", value(c.event(), "SEQUENCE"));
            assertEquals("CANCELLED", value(c.event(), "STATUS"));
        }

        // Nobody got what was not theirs: the waiting-listed no update, the one who left neither update nor cancel.
        await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
        assertEquals(3, mail.mailsTo(kari).size(), "invitation, update, cancellation");
        assertEquals(2, mail.mailsTo(per).size(), "waiting list, cancellation");
        assertEquals(2, mail.mailsTo(ola).size(), "invitation, own cancellation");
    }

    @Test
    void theReminderTheDayBeforeGoesOutOncePerConfirmedRegistrationEvenWhenTwoRunsRace() throws Exception {
        ZonedDateTime start =
                LocalDate.now(OSLO).plusDays(3).atTime(LocalTime.of(9, 30)).atZone(OSLO);
        Meeting meeting = Meeting.online("Informasjonsmøte påminnelse", start);
        GivenMeetings.scheduled(meeting);
        String anne = "anne.husker@fjell.kommune.example";
        String bjorn = "bjorn.venter@fjell.kommune.example";
        String cecilie = "cecilie.avmeldt@fjell.kommune.example";
        GivenMeetings.registered(meeting, "Anne Husker", anne, "4613");
        GivenMeetings.registration("made", UUID.randomUUID(), meeting, "Bjørn Venter", bjorn, "4613", "WAITLISTED", 1);
        UUID gone = GivenMeetings.registered(meeting, "Cecilie Avmeldt", cecilie, "4613");
        GivenMeetings.registrationCancelled(meeting, gone, cecilie, "PARTICIPANT");
        mail.await(m -> m.isTo(cecilie) && m.subject().equals("Avmeldingen er registrert"), 1, WAIT);
        mail.await(m -> m.isTo(anne), 1, WAIT);

        // Two days before: nothing yet.
        moveClock(start.minusDays(2).withHour(12).toInstant());
        assertEquals(0, reminders.remind());

        // The day before, at 10:00 local time: the scheduler and two racing runs plan one reminder between them.
        moveClock(start.minusDays(1).withHour(10).withMinute(0).toInstant());
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(reminders::remind);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(reminders::remind);
        first.get();
        second.get();
        MailSink.Mail reminder = mail.await(m -> m.isTo(anne) && m.subject().startsWith("Påminnelse: "), 1, WAIT)
                .get(0);
        assertEquals("Påminnelse: Informasjonsmøte påminnelse i morgen", reminder.subject());
        assertTrue(reminder.text().contains("kl. 09.30–10.30"), reminder.text());
        assertEquals(0, reminders.remind(), "already reminded");
        await().pollDelay(Duration.ofSeconds(3)).atMost(WAIT).until(() -> true);
        assertEquals(
                1,
                mail.mailsTo(anne).stream()
                        .filter(m -> m.subject().startsWith("Påminnelse: "))
                        .count(),
                "exactly one reminder");
        assertTrue(
                mail.mailsTo(bjorn).stream().noneMatch(m -> m.subject().startsWith("Påminnelse: ")),
                "the waiting list is not reminded");
        assertTrue(
                mail.mailsTo(cecilie).stream().noneMatch(m -> m.subject().startsWith("Påminnelse: ")),
                "nor who cancelled");
    }

    @Test
    void registrationsAreDeletedTheRetentionPeriodAfterTheMeetingEnded() {
        ZonedDateTime start =
                LocalDate.now(OSLO).minusDays(2).atTime(LocalTime.of(12, 0)).atZone(OSLO);
        Meeting meeting = Meeting.online("Informasjonsmøte som var", start);
        GivenMeetings.scheduled(meeting);
        String dag = "dag.gammel@dal.kommune.example";
        UUID registration = GivenMeetings.registered(meeting, "Dag Gammel", dag, "4614");
        mail.await(m -> m.isTo(dag), 1, WAIT);
        await().atMost(WAIT).untilAsserted(() -> given().auth()
                .oauth2(admin)
                .queryParam("recipient", dag)
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.greaterThan(0)));

        moveClock(start.plusDays(89).toInstant());
        reminders.forget();
        assertTrue(
                QuarkusTransaction.requiringNew().call(() -> MeetingRegistration.findById(registration) != null),
                "kept until 90 days after the end");

        moveClock(start.plusDays(91).toInstant());
        assertTrue(reminders.forget() >= 1);
        QuarkusTransaction.requiringNew().run(() -> {
            assertNull(MeetingRegistration.findById(registration), "the registration is gone");
            List<SourceEvent> events = SourceEvent.list("type like 'no.ks.ehelse.meeting.registration-%'");
            assertFalse(
                    events.stream().anyMatch(e -> e.data.toString().contains(dag)),
                    "no stored event has the address any more");
        });
        given().auth()
                .oauth2(admin)
                .queryParam("recipient", dag)
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(0));
    }

    /** Keeps a received mail under target/mails, to read it as a person would (any mail client opens .eml). */
    static void keep(MailSink.Mail mail, String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "mails");
            java.nio.file.Files.createDirectories(dir);
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(dir.resolve(name))) {
                mail.raw().writeTo(out);
            }
        } catch (java.io.IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void moveClock(Instant now) {
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"now\": \"" + now + "\"}")
                .put("/api/v1/admin/clock")
                .then()
                .statusCode(200);
    }
}
