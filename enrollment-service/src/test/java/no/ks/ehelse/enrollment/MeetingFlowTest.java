package no.ks.ehelse.enrollment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import no.ks.ehelse.enrollment.domain.MeetingRegistration;
import no.ks.ehelse.enrollment.domain.MeetingRetention;
import no.ks.ehelse.localstack.EventContract;
import no.ks.ehelse.localstack.EventProbe;
import no.ks.ehelse.localstack.TestTokens;

/**
 * Information meetings through the API and Kafka: scheduling, registering without a token (confirmed, waiting
 * list, the same address again), cancelling by the signed link with promotion, changes and cancelling with their
 * sequence, the attendee list and its counts and CSV, attended-but-not-enrolled, the abuse limits and retention.
 * Every event produced is checked against its schema (EventContract).
 */
@QuarkusTest
class MeetingFlowTest {

    private static final LocalDate TODAY = LocalDate.parse("2024-05-01");
    private static final String TOPIC = "enrollment.meetings.v1";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    MeetingRetention retention;

    @BeforeEach
    void registryAndClock() {
        TestClock.set(TODAY);
        TestRegistry.load();
    }

    @AfterEach
    void clockBack() {
        TestClock.set(TODAY);
    }

    @Test
    void aFullMeetingWaitlistsACancellationByTheLinkPromotesAndTheSameAddressAgainResendsTheLink() {
        String client = TestMeetings.client();
        try (EventProbe probe = EventProbe.open(TestSolutions.bootstrap(), TOPIC)) {
            String meeting = TestMeetings.schedule("digihelse", 2, LocalDateTime.parse("2024-05-20T10:00"));
            JsonNode scheduled = probe.await(
                            r -> meeting.equals(r.key()) && r.type().endsWith("meeting.scheduled.v1"), WAIT)
                    .value();
            EventContract.assertValid(scheduled);
            JsonNode data = scheduled.path("data");
            assertEquals(0, data.path("sequence").asInt());
            assertEquals("2024-05-20T10:00:00+02:00", data.path("start").asText(), "Oslo time with its offset");
            assertEquals("2024-05-20T11:30:00+02:00", data.path("end").asText());
            assertEquals("Europe/Oslo", data.path("timeZone").asText());
            assertEquals(
                    "innforing-digihelse@ks.example.test",
                    data.path("organizer").path("email").asText());
            assertEquals(
                    "http://localhost:8082/informasjonsmoter/" + meeting,
                    data.path("pageUrl").asText());

            TestMeetings.register(meeting, "Kari Testesen", "kari.flow@example.test", "4601", client)
                    .statusCode(201)
                    .body("status", equalTo("CONFIRMED"))
                    .body("existed", equalTo(false));
            TestMeetings.register(meeting, "Ola Testesen", "ola.flow@example.test", "bømlo kommune", client)
                    .statusCode(201)
                    .body("status", equalTo("CONFIRMED"))
                    .body("kommunenummer", equalTo("4613"));
            TestMeetings.register(meeting, "Per Testesen", "per.flow@example.test", "Stord (4614)", client)
                    .statusCode(201)
                    .body("status", equalTo("WAITLISTED"))
                    .body("waitlistPosition", equalTo(1));
            TestMeetings.register(meeting, "Kari Testesen", "  KARI.flow@Example.test ", "Bergen", client)
                    .statusCode(201)
                    .body("existed", equalTo(true))
                    .body("status", equalTo("CONFIRMED"));

            JsonNode kari = probe.await(
                            r -> r.type().endsWith("registration-made.v1")
                                    && "kari.flow@example.test"
                                            .equals(r.value()
                                                    .path("data")
                                                    .path("email")
                                                    .asText()),
                            WAIT)
                    .value();
            EventContract.assertValid(kari);
            assertEquals(meeting, kari.path("data").path("meetingId").asText());
            assertEquals("Bergen", kari.path("data").path("municipalityName").asText());
            JsonNode per = probe.await(
                            r -> r.type().endsWith("registration-made.v1")
                                    && "per.flow@example.test"
                                            .equals(r.value()
                                                    .path("data")
                                                    .path("email")
                                                    .asText()),
                            WAIT)
                    .value();
            EventContract.assertValid(per);
            assertEquals("WAITLISTED", per.path("data").path("status").asText());
            assertEquals(1, per.path("data").path("waitlistPosition").asInt());
            var again = probe.await(r -> r.type().endsWith("registration-link-requested.v1"), WAIT);
            assertEquals(meeting, again.key(), "registration events are keyed by the meeting");
            EventContract.assertValid(again.value());
            assertEquals(
                    kari.path("data").path("registrationId").asText(),
                    again.value().path("data").path("registrationId").asText());

            String cancelUrl = kari.path("data").path("cancelUrl").asText();
            assertTrue(cancelUrl.startsWith("http://localhost:8082/informasjonsmoter/avmelding?token="), cancelUrl);
            String token = cancelUrl.substring(cancelUrl.indexOf("token=") + 6);
            given().contentType(ContentType.JSON)
                    .body("{\"token\": \"" + token + "x\"}")
                    .post("/api/v1/meeting-registrations/cancellation")
                    .then()
                    .statusCode(400)
                    .body("violations.field", hasItem("token"));
            given().contentType(ContentType.JSON)
                    .body("{\"token\": \"" + token + "\"}")
                    .post("/api/v1/meeting-registrations/cancellation")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("CANCELLED"));
            given().contentType(ContentType.JSON)
                    .body("{\"token\": \"" + token + "\"}")
                    .post("/api/v1/meeting-registrations/cancellation")
                    .then()
                    .statusCode(200)
                    .body("existed", equalTo(true));

            var cancelled = probe.await(r -> r.type().endsWith("registration-cancelled.v1"), WAIT);
            EventContract.assertValid(cancelled.value());
            assertEquals(
                    "PARTICIPANT", cancelled.value().path("data").path("reason").asText());
            var promoted = probe.await(r -> r.type().endsWith("registration-promoted.v1"), WAIT);
            EventContract.assertValid(promoted.value());
            assertEquals(
                    "per.flow@example.test",
                    promoted.value().path("data").path("email").asText());
            assertEquals(
                    "CONFIRMED", promoted.value().path("data").path("status").asText());
            assertEquals(meeting, promoted.key());

            // Kari registers again after cancelling: a new registration, at the back of the queue.
            TestMeetings.register(meeting, "Kari Testesen", "kari.flow@example.test", "4601", client)
                    .statusCode(201)
                    .body("status", equalTo("WAITLISTED"));
            given().auth()
                    .oauth2(Tracks.admin())
                    .get("/api/v1/meetings/" + meeting + "/attendance")
                    .then()
                    .statusCode(200)
                    .body("people", equalTo(3))
                    .body("municipalities", equalTo(3))
                    .body("confirmed", equalTo(2))
                    .body("waitlisted", equalTo(1))
                    .body("text", equalTo("3 personer fra 3 kommuner"));
        }
    }

    @Test
    void changingAMeetingRaisesItsSequenceAndCancellingItCancelsEveryRegistration() {
        String client = TestMeetings.client();
        String meeting = TestMeetings.schedule("vkp", null, LocalDateTime.parse("2024-06-03T09:00"));
        TestMeetings.register(meeting, "Anne Testesen", "anne.change@example.test", "4602", client)
                .statusCode(201);
        try (EventProbe probe = EventProbe.open(TestSolutions.bootstrap(), TOPIC)) {
            given().auth()
                    .oauth2(Tracks.admin())
                    .contentType(ContentType.JSON)
                    .body(TestMeetings.body("vkp", "Flyttet møte", null, LocalDateTime.parse("2024-06-04T13:00"), null))
                    .put("/api/v1/meetings/" + meeting)
                    .then()
                    .statusCode(200)
                    .body("sequence", equalTo(1))
                    .body("start", equalTo("2024-06-04T13:00:00+02:00"));
            JsonNode changed = probe.await(r -> r.type().endsWith("meeting.changed.v1"), WAIT)
                    .value();
            EventContract.assertValid(changed);
            assertEquals(1, changed.path("data").path("sequence").asInt());
            assertEquals("Flyttet møte", changed.path("data").path("title").asText());

            given().auth()
                    .oauth2(Tracks.admin())
                    .contentType(ContentType.JSON)
                    .body("{\"reason\": \"Innføringslederen er syk\"}")
                    .post("/api/v1/meetings/" + meeting + "/cancellation")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("CANCELLED"))
                    .body("sequence", equalTo(2));
            JsonNode cancelled = probe.await(r -> r.type().endsWith("meeting.cancelled.v1"), WAIT)
                    .value();
            EventContract.assertValid(cancelled);
            assertEquals(
                    "Innføringslederen er syk",
                    cancelled.path("data").path("cancelReason").asText());
            JsonNode registration = probe.await(r -> r.type().endsWith("registration-cancelled.v1"), WAIT)
                    .value();
            EventContract.assertValid(registration);
            assertEquals(
                    "MEETING_CANCELLED",
                    registration.path("data").path("reason").asText());
        }
        TestMeetings.register(meeting, "Bjørn Testesen", "bjorn.change@example.test", "4602", client)
                .statusCode(409)
                .body("type", equalTo("urn:no:ks:ehelse:problem:meeting-cancelled"));
        given().auth()
                .oauth2(Tracks.admin())
                .contentType(ContentType.JSON)
                .body(TestMeetings.body("vkp", "Igjen", null, LocalDateTime.parse("2024-06-04T13:00"), null))
                .put("/api/v1/meetings/" + meeting)
                .then()
                .statusCode(409);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndLeadsScheduleOnlyForTheirSolutions() {
        String client = TestMeetings.client();
        LocalDateTime start = LocalDateTime.parse("2024-06-10T10:00");
        given().auth()
                .oauth2(TestTokens.forRole("lead", java.util.Map.of("solutions", List.of("vkp"))))
                .contentType(ContentType.JSON)
                .body(TestMeetings.body("digihelse", "Ikke min", null, start, null))
                .post("/api/v1/meetings")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.forRole("lead", java.util.Map.of("solutions", List.of("vkp"))))
                .contentType(ContentType.JSON)
                .body(TestMeetings.body("vkp", "Mitt", null, start, null))
                .post("/api/v1/meetings")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(Tracks.admin())
                .contentType(ContentType.JSON)
                .body(TestMeetings.body("vkp", "Lukker etter start", null, start, start.plusHours(1)))
                .post("/api/v1/meetings")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("registrationClosesAt"));
        given().auth()
                .oauth2(Tracks.admin())
                .contentType(ContentType.JSON)
                .body("""
                        {"solution": "vkp", "title": "Uten sted", "start": "2024-06-10T10:00:00",
                         "end": "2024-06-10T09:00:00", "organizerEmail": "a@ks.example.test"}""")
                .post("/api/v1/meetings")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("end"));
        given().auth()
                .oauth2(Tracks.admin())
                .get("/api/v1/meetings?solution=finnesikke")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("solution"));

        String meeting = TestMeetings.schedule("vkp", null, start);
        TestMeetings.register(meeting, "Ukjent Kommune", "ukjent.bad@example.test", "Atlantis", client)
                .statusCode(400)
                .body("violations.field", hasItem("municipality"));
        TestMeetings.register(meeting, "Tidligere Bergen", "bergen.bad@example.test", "1201", client)
                .statusCode(400)
                .body("violations.field", hasItem("municipality"));
        TestMeetings.register(meeting, "Feil Adresse", "ikke-en-adresse", "4601", client)
                .statusCode(400)
                .body("violations.field", hasItem("email"));
        given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", client)
                .body("{\"name\": \"Uten rolle\", \"email\": \"rolle.bad@example.test\", \"municipality\": \"4601\"}")
                .post("/api/v1/meetings/" + meeting + "/registrations")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("role"));
        given().get("/api/v1/meetings").then().statusCode(401);
        given().get("/api/v1/meetings/" + meeting + "/registrations").then().statusCode(401);
    }

    @Test
    void registrationClosesAtTheClosingTime() {
        String client = TestMeetings.client();
        String meeting = given().auth()
                .oauth2(Tracks.admin())
                .contentType(ContentType.JSON)
                .body(TestMeetings.body(
                        "vkp",
                        "Stengt",
                        null,
                        LocalDateTime.parse("2024-05-03T10:00"),
                        LocalDateTime.parse("2024-05-01T18:00")))
                .post("/api/v1/meetings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        TestMeetings.register(meeting, "Tidlig Ute", "tidlig.closes@example.test", "4601", client)
                .statusCode(201);
        TestClock.set(LocalDate.parse("2024-05-02"));
        TestMeetings.register(meeting, "For Sent", "sent.closes@example.test", "4601", client)
                .statusCode(409)
                .body("type", equalTo("urn:no:ks:ehelse:problem:registration-closed"));
    }

    @Test
    void theAttendeeListCountsPeopleAndMunicipalitiesAndItsCsvOpensInExcelWithoutFormulas() {
        String client = TestMeetings.client();
        String meeting = TestMeetings.schedule("kjernejournal", 2, LocalDateTime.parse("2024-06-12T10:00"));
        TestMeetings.register(meeting, "=HYPERLINK(\\\"http://x\\\")", "formel.csv@example.test", "4601", client)
                .statusCode(201);
        TestMeetings.register(meeting, "Siri; Testesen", "siri.csv@example.test", "4601", client)
                .statusCode(201);
        TestMeetings.register(meeting, "Siri Testesen", "SIRI.csv@example.test", "4601", client)
                .statusCode(201)
                .body("existed", equalTo(true));
        TestMeetings.register(meeting, "Venter Testesen", "venter.csv@example.test", "4602", client)
                .statusCode(201)
                .body("status", equalTo("WAITLISTED"));

        given().auth()
                .oauth2(Tracks.admin())
                .get("/api/v1/meetings/" + meeting + "/registrations?size=2")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items[0].kommunenummer", equalTo("4601"))
                .body("items[0].municipalityName", equalTo("Bergen"));
        given().auth()
                .oauth2(Tracks.admin())
                .get("/api/v1/meetings/" + meeting + "/attendance")
                .then()
                .body("text", equalTo("3 personer fra 2 kommuner"));
        given().auth()
                .oauth2(Tracks.admin())
                .get("/api/v1/meetings/" + meeting + "/registrations?format=xlsx")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("format"));
        byte[] csv = given().auth()
                .oauth2(Tracks.admin())
                .accept("text/csv")
                .get("/api/v1/meetings/" + meeting + "/registrations?format=csv")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract()
                .asByteArray();
        assertEquals((byte) 0xEF, csv[0], "UTF-8 BOM");
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        List<String> lines = text.lines().toList();
        assertEquals("Navn;E-post;Kommunenummer;Kommune;Rolle;Status;Påmeldt", lines.get(0));
        assertTrue(lines.get(1).startsWith("\"'=HYPERLINK(\"\"http://x\"\")\";"), lines.get(1));
        assertTrue(lines.get(2).startsWith("\"Siri; Testesen\";siri.csv@example.test;4601;Bergen;"), lines.get(2));
        assertTrue(lines.get(3).contains(";Venteliste;"), lines.get(3));
        assertEquals(4, lines.size());
        given().auth()
                .oauth2(TestTokens.forRole("lead", java.util.Map.of("solutions", List.of("vkp"))))
                .get("/api/v1/meetings/" + meeting + "/registrations")
                .then()
                .statusCode(403);
    }

    @Test
    void attendedButNotEnrolledListsMunicipalitiesConfirmedForAPastMeetingWithoutAnEnrollment() {
        String client = TestMeetings.client();
        TestSolutions.publishAndAwait("infomoter", "Infomøteløsningen", () -> given().auth()
                .oauth2(Tracks.admin())
                .get("/api/v1/meetings?solution=infomoter")
                .then()
                .statusCode(200));
        String track = Tracks.open("infomoter", null, TODAY.plusDays(60), TODAY.plusDays(90));
        String meeting = TestMeetings.schedule("infomoter", 2, LocalDateTime.parse("2024-05-10T10:00"));
        TestMeetings.register(meeting, "Enrolled Later", "a.attended@example.test", "4616", client)
                .statusCode(201);
        TestMeetings.register(meeting, "Never Enrolled", "b.attended@example.test", "4617", client)
                .statusCode(201);
        TestMeetings.register(meeting, "Only Waiting", "c.attended@example.test", "4618", client)
                .statusCode(201)
                .body("status", equalTo("WAITLISTED"));
        Tracks.enroll(track, Tracks.municipality("4616"), "4616").statusCode(201);

        given().auth()
                .oauth2(Tracks.admin())
                .get("/api/v1/meetings/attended-not-enrolled?solution=infomoter")
                .then()
                .statusCode(200)
                .body("municipalities", org.hamcrest.Matchers.empty());
        TestClock.set(LocalDate.parse("2024-05-11"));
        given().auth()
                .oauth2(Tracks.admin())
                .get("/api/v1/meetings/attended-not-enrolled?solution=infomoter")
                .then()
                .statusCode(200)
                .body("checkedAgainst", equalTo("OPEN_TRACKS"))
                .body("municipalities.kommunenummer", equalTo(List.of("4617")))
                .body("municipalities[0].name", equalTo("Kvinnherad"));
    }

    @Test
    void theSixthRequestForOneAddressWithinAnHourIsRefusedAndOthersStillRegister() {
        String client = TestMeetings.client();
        String meeting = TestMeetings.schedule("digihelsestasjon", null, LocalDateTime.parse("2024-06-20T10:00"));
        for (int i = 0; i < 5; i++) {
            TestMeetings.register(meeting, "Gjentar Testesen", "gjentar.limit@example.test", "4601", client)
                    .statusCode(201);
        }
        TestMeetings.register(meeting, "Gjentar Testesen", "gjentar.limit@example.test", "4601", client)
                .statusCode(429)
                .body("type", equalTo("urn:no:ks:ehelse:problem:too-many-requests"))
                .body("scope", equalTo("email"));
        TestMeetings.register(meeting, "Annen Testesen", "annen.limit@example.test", "4601", client)
                .statusCode(201);

        String busy = TestMeetings.client();
        for (int i = 0; i < 20; i++) {
            TestMeetings.register(meeting, "Mange Testesen", "mange" + i + ".limit@example.test", "4602", busy)
                    .statusCode(201);
        }
        TestMeetings.register(meeting, "Mange Testesen", "mange20.limit@example.test", "4602", busy)
                .statusCode(429)
                .body("scope", equalTo("client"));
        TestMeetings.register(meeting, "Mange Testesen", "mange20.limit@example.test", "4602", client)
                .statusCode(201);

        TestClock.set(LocalDate.parse("2024-05-01").plusDays(1));
        TestMeetings.register(meeting, "Gjentar Testesen", "gjentar.limit@example.test", "4601", client)
                .statusCode(201)
                .body("existed", equalTo(true));
    }

    @Test
    void personalDataIsRemovedTheRetentionPeriodAfterTheMeetingEndedAndTheCountsStay() {
        String client = TestMeetings.client();
        String meeting = TestMeetings.schedule("vkp", null, LocalDateTime.parse("2024-05-15T10:00"));
        String registration = TestMeetings.register(
                        meeting, "Glemt Testesen", "glemt.retention@example.test", "4621", client)
                .statusCode(201)
                .extract()
                .path("id");
        TestClock.set(LocalDate.parse("2024-08-12"));
        retention.run();
        assertEquals("glemt.retention@example.test", stored(registration).email, "89 days after: kept");

        TestClock.set(LocalDate.parse("2024-08-14"));
        retention.run();
        MeetingRegistration gone = stored(registration);
        assertNull(gone.name);
        assertNull(gone.email);
        assertNull(gone.role);
        assertEquals("4621", gone.kommunenummer);
        given().auth()
                .oauth2(Tracks.admin())
                .get("/api/v1/meetings/" + meeting + "/registrations")
                .then()
                .statusCode(200)
                .body("items[0].email", nullValue())
                .body("items[0].kommunenummer", equalTo("4621"));
        given().auth()
                .oauth2(Tracks.admin())
                .get("/api/v1/meetings/" + meeting + "/attendance")
                .then()
                .body("text", equalTo("1 person fra 1 kommune"));
    }

    private static MeetingRegistration stored(String id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> MeetingRegistration.findById(java.util.UUID.fromString(id)));
    }
}
