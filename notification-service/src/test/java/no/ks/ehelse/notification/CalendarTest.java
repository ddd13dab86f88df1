package no.ks.ehelse.notification;

import static io.restassured.RestAssured.given;
import static no.ks.ehelse.notification.GivenMeetings.Ics.value;
import static no.ks.ehelse.notification.GivenMeetings.OSLO;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import no.ks.ehelse.localstack.MailSink;
import no.ks.ehelse.localstack.Pages;
import no.ks.ehelse.localstack.TestEvents;
import no.ks.ehelse.localstack.TestTokens;
import no.ks.ehelse.notification.GivenMeetings.Ics;
import no.ks.ehelse.notification.GivenMeetings.Meeting;
import no.ks.ehelse.notification.domain.EnrollmentProjection;
import no.ks.ehelse.notification.domain.MeetingRegistration;
import no.ks.ehelse.notification.domain.TrackProjection;

/**
 * Track calendars and feeds, through Kafka and the real SMTP server: the enrollment confirmation carries the track's
 * dates as an .ics, a moved date comes again with the same UID and a higher SEQUENCE and a removed one as a CANCEL;
 * the municipality's and the track's subscribable feeds (parsed with ical4j) hold the right events and a renewed URL
 * retires the old one; the agenda warns of clashes between tracks and of busy weeks, as API and as page.
 */
@QuarkusTest
class CalendarTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private MailSink mail;
    private final String admin = TestTokens.forRole("admin");

    @BeforeEach
    void smtp() {
        mail = MailSink.forTests();
    }

    /** A milestone of a track's plan. */
    record Date(String kind, String title, LocalDate date) {}

    static void track(String type, UUID id, String name, String solution, LocalDate deadline, List<Date> plan) {
        String milestones = plan.stream()
                .map(d -> "{\"kind\": \"%s\", \"title\": %s, \"date\": \"%s\"}"
                        .formatted(d.kind(), d.title() == null ? "null" : "\"" + d.title() + "\"", d.date()))
                .collect(Collectors.joining(", ", "[", "]"));
        Given.send(
                "enrollment.tracks.v1",
                id.toString(),
                TestEvents.event(Given.ENROLLMENT, "no.ks.ehelse.track." + type + ".v1", id.toString(), """
                        {"id": "%s", "solution": "%s", "name": "%s", "cohort": "2027", "vendor": null,
                         "description": "Et innføringsløp i kalenderen.", "capacity": 20, "registrationOpens": null,
                         "registrationDeadline": "%s", "kickOff": null, "closing": null, "status": "OPEN",
                         "phases": [], "milestones": %s, "prerequisites": [],
                         "workingGroup": [{"role": "LEAD", "name": "Innføringsleder Kalender", "email": "kalender-leder@ks.example"}]}""".formatted(
                                id, solution, name, deadline, milestones)));
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            TrackProjection t = TrackProjection.findById(id);
            return t != null && t.state.path("milestones").size() == plan.size();
        }));
    }

    @Test
    void theConfirmationCarriesTheTracksDatesAndAMovedDateComesAgainWithTheSameUidAndAHigherSequence() {
        Given.municipalityWithContacts("4621", "Kalenderby", "Vestland digi", "ehelse@kalenderby.kommune.example");
        UUID track = UUID.randomUUID();
        LocalDate deadline = LocalDate.now().plusDays(40);
        Date kickOff = new Date("KICK_OFF", null, deadline.plusDays(10));
        Date status1 = new Date("STATUS_MEETING", "Statusmøte 1", deadline.plusDays(24));
        Date status2 = new Date("STATUS_MEETING", "Statusmøte 2", deadline.plusDays(38));
        Date closing = new Date("CLOSING", "Avslutningsmøte", deadline.plusDays(52));
        track(
                "opened",
                track,
                "DigiHelse kalender 2027",
                "digihelse",
                deadline,
                List.of(kickOff, status1, status2, closing));

        Given.enrollment("enrolled", UUID.randomUUID(), track, "4621", "CONFIRMED", null);
        MailSink.Mail confirmation = mail.await(m -> m.isTo("ehelse@kalenderby.kommune.example"), 1, WAIT)
                .get(0);
        MeetingMailsTest.keep(confirmation, "enrollment-confirmation-with-track-calendar.eml");
        List<Ics> files = GivenMeetings.calendars(confirmation);
        assertEquals(1, files.size(), confirmation.subject());
        Ics ics = files.get(0);
        assertEquals("REQUEST", ics.method());
        assertTrue(ics.contentType().toLowerCase().contains("method=request"), ics.contentType());
        Map<String, VEvent> events = byUid(ics.events());
        String kickOffUid = uid(track, "kick-off", 0);
        String secondStatusUid = uid(track, "status-meeting", 1);
        String closingUid = uid(track, "closing", 0);
        String deadlineUid = uid(track, "deadline", 0);
        assertEquals(
                Set.of(kickOffUid, uid(track, "status-meeting", 0), secondStatusUid, closingUid, deadlineUid),
                events.keySet(),
                "one entry per date, with the deadline");
        VEvent first = events.get(kickOffUid);
        assertEquals("Oppstart – DigiHelse kalender 2027", value(first, "SUMMARY"), "no doubled label");
        assertEquals(kickOff.date().toString().replace("-", ""), value(first, "DTSTART"));
        assertEquals("DATE", Ics.parameter(first, "DTSTART", "VALUE"), "a whole day");
        assertEquals("0", value(first, "SEQUENCE"));
        assertEquals("mailto:kalender-leder@ks.example", value(first, "ORGANIZER"));
        assertEquals("mailto:ehelse@kalenderby.kommune.example", value(first, "ATTENDEE"));
        assertTrue(value(first, "URL").endsWith("/losninger/digihelse#lop-" + track), value(first, "URL"));
        assertEquals("Statusmøte 2 – DigiHelse kalender 2027", value(events.get(secondStatusUid), "SUMMARY"));
        assertEquals("Påmeldingsfrist – DigiHelse kalender 2027", value(events.get(deadlineUid), "SUMMARY"));

        // The lead moves the second status meeting by a week and drops the closing meeting.
        Date moved = new Date("STATUS_MEETING", "Statusmøte 2", status2.date().plusDays(7));
        track("changed", track, "DigiHelse kalender 2027", "digihelse", deadline, List.of(kickOff, status1, moved));
        MailSink.Mail update = mail.await(
                        m -> m.isTo("ehelse@kalenderby.kommune.example")
                                && m != confirmation
                                && !m.messageId().equals(confirmation.messageId()),
                        1,
                        WAIT)
                .get(0);
        MeetingMailsTest.keep(update, "track-changed-with-update-and-cancel.eml");
        List<Ics> updates = GivenMeetings.calendars(update);
        Ics request = updates.stream()
                .filter(i -> i.method().equals("REQUEST"))
                .findFirst()
                .orElseThrow();
        Ics cancel = updates.stream()
                .filter(i -> i.method().equals("CANCEL"))
                .findFirst()
                .orElseThrow();
        VEvent movedEvent = byUid(request.events()).get(secondStatusUid);
        assertEquals("1", value(movedEvent, "SEQUENCE"), "the moved date: same UID, higher SEQUENCE");
        assertEquals(moved.date().toString().replace("-", ""), value(movedEvent, "DTSTART"));
        assertEquals("0", value(byUid(request.events()).get(kickOffUid), "SEQUENCE"), "unchanged dates stay");
        VEvent removed = byUid(cancel.events()).get(closingUid);
        assertNotNull(removed, "the removed closing meeting is cancelled");
        assertEquals("1", value(removed, "SEQUENCE"));
        assertEquals("CANCELLED", value(removed, "STATUS"));
        assertTrue(cancel.contentType().toLowerCase().contains("method=cancel"), cancel.contentType());
    }

    @Test
    void theMunicipalitysFeedHasItsTracksAndItsPeoplesMeetingsAndARenewedUrlRetiresTheOldOne() {
        Given.municipality("4622", "Feedvik", "Vestland digi");
        Given.municipality("4623", "Annenby", "Vestland digi");
        UUID track = UUID.randomUUID();
        LocalDate deadline = LocalDate.now().plusDays(30);
        track(
                "opened",
                track,
                "VKP feed 2027",
                "vkp",
                deadline,
                List.of(new Date("KICK_OFF", null, deadline.plusDays(7))));
        UUID otherTrack = UUID.randomUUID();
        track(
                "opened",
                otherTrack,
                "Kjernejournal feed 2027",
                "kjernejournal",
                deadline,
                List.of(new Date("KICK_OFF", null, deadline.plusDays(8))));
        UUID enrollment = UUID.randomUUID();
        Given.enrollment("enrolled", enrollment, track, "4622", "CONFIRMED", null);
        Meeting ours = Meeting.online(
                "Infomøte VKP for Feedvik",
                LocalDate.now(OSLO).plusDays(12).atTime(LocalTime.of(13, 0)).atZone(OSLO));
        Meeting theirs = Meeting.online(
                "Infomøte bare for Annenby",
                LocalDate.now(OSLO).plusDays(13).atTime(LocalTime.of(13, 0)).atZone(OSLO));
        GivenMeetings.scheduled(ours);
        GivenMeetings.scheduled(theirs);
        UUID registration = GivenMeetings.registered(ours, "Frida Feed", "frida@feedvik.kommune.example", "4622");
        GivenMeetings.registered(theirs, "Anders Annen", "anders@annenby.kommune.example", "4623");
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> EnrollmentProjection.findById(enrollment) != null
                        && MeetingRegistration.findById(registration) != null
                        && MeetingRegistration.count("email", "anders@annenby.kommune.example") == 1));

        String feedvik = TestTokens.forRole("municipality", Map.of("kommunenummer", "4622"));
        String url = given().auth()
                .oauth2(feedvik)
                .get("/api/v1/municipalities/4622/calendar-feed")
                .then()
                .statusCode(200)
                .extract()
                .path("url");
        assertTrue(url.matches("http://localhost:8084/kalender/[A-Za-z0-9_-]{43}\\.ics"), url);
        assertEquals(
                url,
                given().auth()
                        .oauth2(admin)
                        .get("/api/v1/municipalities/4622/calendar-feed")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("url"),
                "one address until it is renewed");
        given().auth()
                .oauth2(TestTokens.forRole("municipality", Map.of("kommunenummer", "4623")))
                .get("/api/v1/municipalities/4622/calendar-feed")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");

        Response feed = given().get(path(url));
        assertEquals(200, feed.statusCode());
        assertTrue(feed.contentType().startsWith("text/calendar"), feed.contentType());
        Calendar calendar = GivenMeetings.parse(feed.asString());
        assertEquals("PUBLISH", calendar.getProperty("METHOD").orElseThrow().getValue());
        Set<String> uids = calendar.getComponents("VEVENT").stream()
                .map(c -> value((VEvent) c, "UID"))
                .collect(Collectors.toSet());
        assertTrue(uids.contains(uid(track, "kick-off", 0)), uids.toString());
        assertTrue(uids.contains(uid(track, "deadline", 0)), uids.toString());
        assertTrue(
                uids.contains("meeting-" + ours.id() + "@ehelse.ks.example"), "the meeting its people registered for");
        assertFalse(uids.contains("meeting-" + theirs.id() + "@ehelse.ks.example"), "not another municipality's");
        assertFalse(uids.contains(uid(otherTrack, "kick-off", 0)), "not a track it is not in");
        assertFalse(feed.asString().contains("frida@feedvik"), "no person in a shared URL");
        VEvent meeting = calendar.getComponents("VEVENT").stream()
                .map(c -> (VEvent) c)
                .filter(e -> value(e, "UID").startsWith("meeting-"))
                .findFirst()
                .orElseThrow();
        assertEquals("Europe/Oslo", Ics.parameter(meeting, "DTSTART", "TZID"));

        String renewed = given().auth()
                .oauth2(feedvik)
                .post("/api/v1/municipalities/4622/calendar-feed/renewal")
                .then()
                .statusCode(200)
                .extract()
                .path("url");
        assertNotEquals(url, renewed);
        assertEquals(404, given().get(path(url)).statusCode(), "the old URL is gone");
        assertEquals(200, given().get(path(renewed)).statusCode());

        // The track's own feed: for the leads of its solution.
        String lead = TestTokens.forRole("lead", Map.of("solutions", List.of("vkp")));
        String trackUrl = given().auth()
                .oauth2(lead)
                .get("/api/v1/tracks/" + track + "/calendar-feed")
                .then()
                .statusCode(200)
                .extract()
                .path("url");
        Calendar trackCalendar = GivenMeetings.parse(given().get(path(trackUrl)).asString());
        assertEquals(2, trackCalendar.getComponents("VEVENT").size(), "kick-off and deadline");
        given().auth()
                .oauth2(TestTokens.forRole("lead", Map.of("solutions", List.of("digihelse"))))
                .get("/api/v1/tracks/" + track + "/calendar-feed")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(admin)
                .get("/api/v1/tracks/" + UUID.randomUUID() + "/calendar-feed")
                .then()
                .statusCode(404);
        assertEquals(404, given().get("/kalender/" + "A".repeat(43) + ".ics").statusCode());
    }

    @Test
    void theAgendaWarnsWhenTwoTracksMeetAtOnceAndWhenAWeekIsTooBusyAndThePageShowsIt() {
        Given.municipalityWithContacts("4624", "Travelby", "Vestland digi", "ehelse@travelby.kommune.example");
        LocalDate monday = LocalDate.now().plusWeeks(8).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        track(
                "opened",
                a,
                "Travel A",
                "digihelse",
                monday.minusWeeks(4),
                List.of(new Date("KICK_OFF", null, monday), new Date("STATUS_MEETING", null, monday.plusDays(2))));
        track(
                "opened",
                b,
                "Travel B",
                "vkp",
                monday.minusWeeks(5),
                List.of(new Date("KICK_OFF", null, monday), new Date("COMMON_MEETING", "Fagdag", monday.plusDays(3))));
        UUID ea = UUID.randomUUID();
        UUID eb = UUID.randomUUID();
        Given.enrollment("enrolled", ea, a, "4624", "CONFIRMED", null);
        Given.enrollment("enrolled", eb, b, "4624", "CONFIRMED", null);
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> EnrollmentProjection.findById(ea) != null && EnrollmentProjection.findById(eb) != null));
        String travelby = TestTokens.forRole("municipality", Map.of("kommunenummer", "4624"));

        JsonPath agenda = given().auth()
                .oauth2(travelby)
                .queryParam("from", monday.minusDays(1).toString())
                .queryParam("to", monday.plusDays(6).toString())
                .get("/api/v1/municipalities/4624/agenda")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(4, agenda.getList("items").size(), agenda.prettify());
        List<Map<String, Object>> warnings = agenda.getList("warnings");
        Map<String, Object> clash = warnings.stream()
                .filter(w -> w.get("type").equals("OVERLAP"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(agenda.prettify()));
        assertEquals(monday.toString(), clash.get("date"));
        assertEquals(
                List.of(uid(a, "kick-off", 0), uid(b, "kick-off", 0)).stream()
                        .sorted()
                        .toList(),
                ((List<?>) clash.get("uids"))
                        .stream().map(Object::toString).sorted().toList());
        Map<String, Object> busy = warnings.stream()
                .filter(w -> w.get("type").equals("BUSY_WEEK"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(agenda.prettify()));
        assertEquals(4, ((List<?>) busy.get("uids")).size(), "4 dates in one week, more than 3");
        assertEquals(2, warnings.size(), agenda.prettify());

        // Only the first week: still the clash, but the busy week needs all four dates.
        given().auth()
                .oauth2(travelby)
                .queryParam("from", monday.toString())
                .queryParam("to", monday.plusDays(2).toString())
                .get("/api/v1/municipalities/4624/agenda")
                .then()
                .statusCode(200)
                .body("warnings.type", equalTo(List.of("OVERLAP")));
        given().auth()
                .oauth2(travelby)
                .queryParam("from", "i morgen")
                .get("/api/v1/municipalities/4624/agenda")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(travelby)
                .queryParam("from", monday.toString())
                .queryParam("to", monday.minusDays(1).toString())
                .get("/api/v1/municipalities/4624/agenda")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(TestTokens.forRole("municipality", Map.of("kommunenummer", "4601")))
                .get("/api/v1/municipalities/4624/agenda")
                .then()
                .statusCode(403);

        Pages.Shown page = Pages.get(travelby, "/varsler/4624/kalender");
        assertEquals(200, page.status());
        Document html = page.html();
        assertEquals("Kalender for Travelby", html.selectFirst("main h1").text());
        String warningsText = html.select("#advarsler + ul li").text();
        assertTrue(warningsText.contains("Kollisjon"), warningsText);
        assertTrue(warningsText.contains("Travel uke: 4 datoer"), warningsText);
        assertEquals(2, html.select("td .ds-tag").size(), "both clashing dates are marked");
        String address = html.getElementById("kalenderadresse").text();
        assertTrue(address.contains("/kalender/"), address);
        assertEquals(200, given().get(path(address)).statusCode());

        Response renewed = Pages.post(travelby, page, "/varsler/4624/kalender/ny-adresse");
        assertEquals(303, renewed.statusCode());
        Pages.Shown after = Pages.get(travelby, "/varsler/4624/kalender?melding=ny-adresse");
        assertTrue(
                after.html().text().contains("Kalenderen har fått ny adresse"),
                after.html().text());
        assertNotEquals(address, after.html().getElementById("kalenderadresse").text());
        assertEquals(404, given().get(path(address)).statusCode(), "the page's renewal retires the old address");
        assertEquals(
                403,
                Pages.get(TestTokens.forRole("municipality", Map.of("kommunenummer", "4601")), "/varsler/4624/kalender")
                        .status());
    }

    private static String uid(UUID track, String kind, int index) {
        return "track-" + track + "-" + kind + "-" + index + "@ehelse.ks.example";
    }

    private static Map<String, VEvent> byUid(List<VEvent> events) {
        return events.stream().collect(Collectors.toMap(e -> value(e, "UID"), e -> e));
    }

    /** The feed's path on the test port (the configured base is the local run's). */
    private static String path(String url) {
        return url.substring(url.indexOf("/kalender/"));
    }
}
