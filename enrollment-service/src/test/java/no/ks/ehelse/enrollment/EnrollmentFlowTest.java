package no.ks.ehelse.enrollment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import no.ks.ehelse.localstack.EventContract;
import no.ks.ehelse.localstack.EventProbe;
import no.ks.ehelse.localstack.TestTokens;

/** Enrollment through HTTP, observed on Kafka with a plain consumer. */
@QuarkusTest
class EnrollmentFlowTest {

    private static final LocalDate TODAY = LocalDate.parse("2024-05-01");

    @BeforeEach
    void registryAndClock() {
        TestClock.set(TODAY);
        TestRegistry.load();
    }

    @Test
    void twelveConcurrentEnrollmentsInATrackForTenConfirmTenAndWaitlistTwoThenAWithdrawalPromotes() throws Exception {
        String track = Tracks.open("vkp", 10, TODAY.plusDays(30), TODAY.plusDays(60));
        List<String> twelve = new ArrayList<>(TestRegistry.VESTLAND.keySet()).subList(0, 12);
        try (EventProbe probe = EventProbe.open(TestSolutions.bootstrap(), "enrollment.enrollments.v1")) {
            ExecutorService pool = Executors.newFixedThreadPool(12);
            List<Future<Response>> answers = new ArrayList<>();
            for (String number : twelve) {
                Callable<Response> call = () -> given().auth()
                        .oauth2(Tracks.municipality(number))
                        .contentType(ContentType.JSON)
                        .body("{\"kommunenummer\": \"" + number + "\"}")
                        .post("/api/v1/tracks/" + track + "/enrollments");
                answers.add(pool.submit(call));
            }
            List<String> statuses = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response r = answer.get();
                assertEquals(201, r.statusCode(), r.asString());
                statuses.add(r.path("status"));
                if ("WAITLISTED".equals(r.path("status"))) {
                    positions.add(r.path("waitlistPosition"));
                }
            }
            pool.shutdown();
            assertEquals(10, statuses.stream().filter("CONFIRMED"::equals).count());
            assertEquals(2, statuses.stream().filter("WAITLISTED"::equals).count());
            assertEquals(List.of(1, 2), positions.stream().sorted().toList());

            for (String number : twelve) {
                var event = probe.await(
                        r -> number.equals(r.key()) && "no.ks.ehelse.enrollment.enrolled.v1".equals(r.type()),
                        Duration.ofSeconds(30));
                EventContract.assertValid(event.value());
            }

            List<String> waitlisted = given().auth()
                    .oauth2(Tracks.admin())
                    .get("/api/v1/tracks/" + track + "/enrollments?status=WAITLISTED")
                    .jsonPath()
                    .getList("items.kommunenummer");
            String confirmed = given().auth()
                    .oauth2(Tracks.admin())
                    .get("/api/v1/tracks/" + track + "/enrollments?status=CONFIRMED&size=1")
                    .jsonPath()
                    .getString("items[0].id");
            String confirmedNumber = given().auth()
                    .oauth2(Tracks.admin())
                    .get("/api/v1/enrollments/" + confirmed)
                    .jsonPath()
                    .getString("kommunenummer");
            given().auth()
                    .oauth2(Tracks.municipality(confirmedNumber))
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .post("/api/v1/enrollments/" + confirmed + "/withdrawal")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("WITHDRAWN"));

            var promoted = probe.await(
                    r -> "no.ks.ehelse.enrollment.waitlist-promoted.v1".equals(r.type())
                            && track.equals(r.value().at("/data/trackId").asText()),
                    Duration.ofSeconds(30));
            EventContract.assertValid(promoted.value());
            assertEquals(waitlisted.get(0), promoted.key(), "the first on the waiting list is promoted");
            given().auth()
                    .oauth2(Tracks.admin())
                    .get("/api/v1/tracks/" + track + "/progress")
                    .then()
                    .statusCode(200)
                    .body("byStatus.CONFIRMED", equalTo(10))
                    .body("byStatus.WAITLISTED", equalTo(1))
                    .body("byStatus.WITHDRAWN", equalTo(1));
            String stillWaiting = given().auth()
                    .oauth2(Tracks.admin())
                    .get("/api/v1/tracks/" + track + "/enrollments?status=WAITLISTED")
                    .jsonPath()
                    .getString("items[0].id");
            given().auth()
                    .oauth2(Tracks.admin())
                    .get("/api/v1/enrollments/" + stillWaiting)
                    .then()
                    .body("waitlistPosition", equalTo(1));
        }
    }

    @Test
    void theConfirmationSaysWhatTheMunicipalityCommittedTo() {
        String track = Tracks.open("digihelse", null, TODAY.plusDays(30), TODAY.plusDays(60));
        Tracks.enroll(track, Tracks.municipality("4613"), "4613")
                .statusCode(201)
                .body("status", equalTo("CONFIRMED"))
                .body("track.solution", equalTo("digihelse"))
                .body("track.kickOff", equalTo(TODAY.plusDays(60).toString()))
                .body("track.prerequisites.id", hasItems("epj-api", "ressurser"))
                .body("lead.email", equalTo("innforing@ks.example"))
                .body(
                        "summary",
                        equalTo("Påmeldingen til Testløp digihelse er bekreftet. Oppstart " + TODAY.plusDays(60)
                                + "."));
    }

    @Test
    void refusalsAreProblemsAPersonUnderstands() {
        String track = Tracks.open("digihelsestasjon", 5, TODAY.plusDays(10), TODAY.plusDays(40));
        String first = Tracks.enroll(track, Tracks.municipality("4614"), "4614")
                .statusCode(201)
                .extract()
                .path("id");
        Tracks.enroll(track, Tracks.municipality("4614"), "4614")
                .statusCode(409)
                .body("type", equalTo("urn:no:ks:ehelse:problem:already-enrolled"))
                .body("existing.id", equalTo(first));
        Tracks.enroll(track, Tracks.admin(), "1201")
                .statusCode(409)
                .body("type", equalTo("urn:no:ks:ehelse:problem:former-municipality"))
                .body("successors[0].kommunenummer", equalTo("4601"))
                .body(
                        "detail",
                        equalTo(
                                "1201 Bergen is no longer a municipality number (until 2019-12-31); enroll as 4601 Bergen"));
        Tracks.enroll(track, Tracks.municipality("4615"), "4616")
                .statusCode(403)
                .body("detail", equalTo("Your token acts for municipality 4615, not 4616"));
        Tracks.enroll(track, Tracks.admin(), "9999")
                .statusCode(400)
                .body("violations[0].field", equalTo("kommunenummer"));
        given().auth()
                .oauth2(Tracks.admin())
                .contentType(ContentType.JSON)
                .body("{\"kommunenummer\": \"46\"}")
                .post("/api/v1/tracks/" + track + "/enrollments")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("kommunenummer"));

        String draft = given().auth()
                .oauth2(Tracks.admin())
                .contentType(ContentType.JSON)
                .body("{\"solution\": \"vkp\", \"name\": \"Utkast\", \"registrationDeadline\": \"2024-12-31\"}")
                .post("/api/v1/tracks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Tracks.enroll(draft, Tracks.municipality("4616"), "4616")
                .statusCode(409)
                .body("detail", equalTo("Utkast does not take enrollments (status DRAFT)"));

        TestClock.set(TODAY.plusDays(11));
        Tracks.enroll(track, Tracks.municipality("4616"), "4616")
                .statusCode(409)
                .body("type", equalTo("urn:no:ks:ehelse:problem:registration-closed"))
                .body("registrationDeadline", equalTo(TODAY.plusDays(10).toString()))
                .body(
                        "detail",
                        equalTo("Registration for Testløp digihelsestasjon closed on " + TODAY.plusDays(10)
                                + "; contact the track's lead"));
        String lead = TestTokens.forRole("lead", Map.of("solutions", List.of("digihelsestasjon")));
        Tracks.enroll(track, lead, "4616").statusCode(409);
        given().auth()
                .oauth2(lead)
                .contentType(ContentType.JSON)
                .body("{\"kommunenummer\": \"4616\", \"lateReason\": \"Meldte fra på telefon før fristen\"}")
                .post("/api/v1/tracks/" + track + "/enrollments")
                .then()
                .statusCode(201)
                .body("late", equalTo(true))
                .body("lateReason", equalTo("Meldte fra på telefon før fristen"));
    }

    @Test
    void progressIsKeptWithItsHistory() {
        String track = Tracks.open("kjernejournal", null, TODAY.plusDays(30), TODAY.plusDays(60));
        String id = Tracks.enroll(track, Tracks.municipality("4622"), "4622")
                .statusCode(201)
                .extract()
                .path("id");
        String kvam = Tracks.municipality("4622");
        try (EventProbe probe = EventProbe.open(TestSolutions.bootstrap(), "enrollment.enrollments.v1")) {
            given().auth()
                    .oauth2(kvam)
                    .contentType(ContentType.JSON)
                    .body("{\"done\": [\"epj-api\"]}")
                    .put("/api/v1/enrollments/" + id + "/prerequisites")
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(kvam)
                    .contentType(ContentType.JSON)
                    .body("{\"done\": [\"epj-api\", \"ressurser\"]}")
                    .put("/api/v1/enrollments/" + id + "/prerequisites")
                    .then()
                    .statusCode(200);
            var completed =
                    probe.awaitType("no.ks.ehelse.enrollment.prerequisites-completed.v1", Duration.ofSeconds(20));
            EventContract.assertValid(completed.value());
            given().auth()
                    .oauth2(kvam)
                    .contentType(ContentType.JSON)
                    .body("{\"done\": [\"brannmur\"]}")
                    .put("/api/v1/enrollments/" + id + "/prerequisites")
                    .then()
                    .statusCode(400)
                    .body("violations[0].field", equalTo("done[0]"));
            given().auth()
                    .oauth2(kvam)
                    .contentType(ContentType.JSON)
                    .body("{\"phase\": \"CARRY_OUT\"}")
                    .put("/api/v1/enrollments/" + id + "/phase")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(Tracks.admin())
                    .contentType(ContentType.JSON)
                    .body("{\"phase\": \"CARRY_OUT\"}")
                    .put("/api/v1/enrollments/" + id + "/phase")
                    .then()
                    .statusCode(200)
                    .body("phase", equalTo("CARRY_OUT"));
            EventContract.assertValid(
                    probe.awaitType("no.ks.ehelse.enrollment.phase-changed.v1", Duration.ofSeconds(20))
                            .value());
            given().auth()
                    .oauth2(Tracks.admin())
                    .contentType(ContentType.JSON)
                    .body("{\"on\": \"2024-11-01\"}")
                    .post("/api/v1/enrollments/" + id + "/went-live")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("LIVE"));
            EventContract.assertValid(probe.awaitType("no.ks.ehelse.enrollment.went-live.v1", Duration.ofSeconds(20))
                    .value());
            given().auth()
                    .oauth2(Tracks.admin())
                    .post("/api/v1/enrollments/" + id + "/completion")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("COMPLETED"));
            EventContract.assertValid(probe.awaitType("no.ks.ehelse.enrollment.completed.v1", Duration.ofSeconds(20))
                    .value());
        }
        given().auth()
                .oauth2(Tracks.admin())
                .get("/api/v1/enrollments/" + id + "/history")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(6))
                .body(
                        "items.action",
                        equalTo(List.of(
                                "ENROLLED", "PREREQUISITES", "PREREQUISITES", "PHASE", "WENT_LIVE", "COMPLETED")))
                .body("items[4].actor", equalTo("test-admin@example.test"));
        given().auth()
                .oauth2(Tracks.admin())
                .get("/api/v1/enrollments/" + id + "/history?page=1&size=4")
                .then()
                .statusCode(200)
                .body("items.action", equalTo(List.of("WENT_LIVE", "COMPLETED")))
                .body("totalPages", equalTo(2));
        given().auth()
                .oauth2(Tracks.admin())
                .get("/api/v1/tracks/" + track + "/progress")
                .then()
                .body("live", equalTo(1))
                .body("shareLive", equalTo(1.0f));
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/municipalities/4622/enrollments")
                .then()
                .statusCode(200)
                .body("items.trackId", hasItem(track));
    }

    @Test
    void aNetworkSeesWhichOfItsMunicipalitiesHaveNotEnrolled() {
        String track = Tracks.open("digihelsestasjon", null, TODAY.plusDays(30), null);
        Tracks.enroll(track, Tracks.municipality("4621"), "4621").statusCode(201);
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/tracks/" + track + "/not-enrolled?network=digi-vestland&size=100")
                .then()
                .statusCode(200)
                .body("items.kommunenummer", hasItems("4601", "4602"))
                .body("items.kommunenummer", not(hasItem("4621")))
                .body("items.kommunenummer", not(hasItem("4301")))
                .body("items.kommunenummer", not(hasItem("1201")));
    }

    private static io.restassured.response.ValidatableResponse withdraw(String token, String enrollment, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/enrollments/" + enrollment + "/withdrawal")
                .then();
    }

    @Test
    void aMunicipalityWithdrawsUntilKickOffALeadOrAdminAlwaysButWithAReasonAndOnlyWhileNotLive() {
        LocalDate kickOff = TODAY.plusDays(40);
        String track = Tracks.open("digihelsestasjon", null, TODAY.plusDays(20), kickOff);
        String lead = TestTokens.forRole("lead", Map.of("solutions", List.of("digihelsestasjon")));
        String fitjar = Tracks.enroll(track, Tracks.municipality("4615"), "4615")
                .statusCode(201)
                .extract()
                .path("id");
        String tysnes = Tracks.enroll(track, Tracks.municipality("4616"), "4616")
                .statusCode(201)
                .extract()
                .path("id");
        String kvinnherad = Tracks.enroll(track, Tracks.municipality("4617"), "4617")
                .statusCode(201)
                .extract()
                .path("id");
        try (EventProbe probe = EventProbe.open(TestSolutions.bootstrap(), "enrollment.enrollments.v1")) {
            withdraw(Tracks.admin(), fitjar, "{}").statusCode(400).body("violations[0].field", equalTo("reason"));
            withdraw(lead, fitjar, "{\"reason\": \" \"}")
                    .statusCode(400)
                    .body("violations[0].field", equalTo("reason"));
            withdraw(Tracks.municipality("4616"), fitjar, "{}").statusCode(403);
            withdraw(Tracks.municipality("4615"), fitjar, "{}").statusCode(200).body("status", equalTo("WITHDRAWN"));
            withdraw(Tracks.municipality("4615"), fitjar, "{}")
                    .statusCode(409)
                    .body("type", equalTo("urn:no:ks:ehelse:problem:cannot-withdraw"));

            TestClock.set(kickOff);
            withdraw(Tracks.municipality("4616"), tysnes, "{}")
                    .statusCode(409)
                    .body("type", equalTo("urn:no:ks:ehelse:problem:after-kick-off"));
            given().auth()
                    .oauth2(Tracks.admin())
                    .get("/api/v1/enrollments/" + tysnes)
                    .then()
                    .body("status", equalTo("CONFIRMED"));
            withdraw(lead, tysnes, "{\"reason\": \"Kommunen har ikke ressurser likevel\"}")
                    .statusCode(200)
                    .body("status", equalTo("WITHDRAWN"));
            var withdrawn = probe.await(
                    r -> "no.ks.ehelse.enrollment.withdrawn.v1".equals(r.type())
                            && tysnes.equals(r.value().at("/data/id").asText()),
                    Duration.ofSeconds(30));
            EventContract.assertValid(withdrawn.value());
            assertEquals(
                    "Kommunen har ikke ressurser likevel",
                    withdrawn.value().at("/data/reason").asText());

            given().auth()
                    .oauth2(Tracks.admin())
                    .contentType(ContentType.JSON)
                    .body("{\"on\": \"" + kickOff + "\"}")
                    .post("/api/v1/enrollments/" + kvinnherad + "/went-live")
                    .then()
                    .statusCode(200);
            withdraw(Tracks.admin(), kvinnherad, "{\"reason\": \"Feilregistrert\"}")
                    .statusCode(409)
                    .body("type", equalTo("urn:no:ks:ehelse:problem:cannot-withdraw"));
        }
        given().auth()
                .oauth2(Tracks.admin())
                .get("/api/v1/enrollments/" + tysnes + "/history")
                .then()
                .body("items.action", equalTo(List.of("ENROLLED", "WITHDRAWN")))
                .body("items[1].reason", equalTo("Kommunen har ikke ressurser likevel"));
        given().auth()
                .oauth2(Tracks.admin())
                .get("/api/v1/tracks/" + track + "/progress")
                .then()
                .body("byStatus.WITHDRAWN", equalTo(2))
                .body("byStatus.LIVE", equalTo(1));
    }

    @Test
    void aLargerCapacityPromotesTheFirstOnTheWaitingListAndMovesTheRestUp() {
        LocalDate deadline = TODAY.plusDays(30);
        String track = Tracks.open("vkp", 1, deadline, null);
        Tracks.enroll(track, Tracks.municipality("4623"), "4623")
                .statusCode(201)
                .body("status", equalTo("CONFIRMED"));
        String first = Tracks.enroll(track, Tracks.municipality("4624"), "4624")
                .statusCode(201)
                .body("waitlistPosition", equalTo(1))
                .extract()
                .path("id");
        String second = Tracks.enroll(track, Tracks.municipality("4618"), "4618")
                .statusCode(201)
                .body("waitlistPosition", equalTo(2))
                .extract()
                .path("id");
        String third = Tracks.enroll(track, Tracks.municipality("4620"), "4620")
                .statusCode(201)
                .body("waitlistPosition", equalTo(3))
                .extract()
                .path("id");
        try (EventProbe probe = EventProbe.open(TestSolutions.bootstrap(), "enrollment.enrollments.v1")) {
            Tracks.replacePlan(track, "vkp", 3, deadline, null).statusCode(200).body("capacity", equalTo(3));
            for (String promoted : List.of(first, second)) {
                var event = probe.await(
                        r -> "no.ks.ehelse.enrollment.waitlist-promoted.v1".equals(r.type())
                                && promoted.equals(r.value().at("/data/id").asText()),
                        Duration.ofSeconds(30));
                EventContract.assertValid(event.value());
                assertEquals("CONFIRMED", event.value().at("/data/status").asText());
                given().auth()
                        .oauth2(Tracks.admin())
                        .get("/api/v1/enrollments/" + promoted)
                        .then()
                        .body("status", equalTo("CONFIRMED"))
                        .body("waitlistPosition", equalTo(null));
            }
        }
        given().auth()
                .oauth2(Tracks.admin())
                .get("/api/v1/enrollments/" + third)
                .then()
                .body("status", equalTo("WAITLISTED"))
                .body("waitlistPosition", equalTo(1));
        given().auth()
                .oauth2(Tracks.admin())
                .get("/api/v1/enrollments/" + first + "/history")
                .then()
                .body("items.action", equalTo(List.of("ENROLLED", "PROMOTED")))
                .body("items[1].toStatus", equalTo("CONFIRMED"));
        given().auth()
                .oauth2(Tracks.admin())
                .get("/api/v1/tracks/" + track + "/progress")
                .then()
                .body("byStatus.CONFIRMED", equalTo(3))
                .body("byStatus.WAITLISTED", equalTo(1));
    }

    private static String adoptionWentLive(String kommunenummer, String solution, String on) {
        String event = """
                {"specversion": "1.0", "id": "%s", "source": "urn:no:ks:ehelse:adoption-stats",
                 "type": "no.ks.ehelse.adoption.went-live.v1", "subject": "%s", "time": "%sT10:00:00Z",
                 "datacontenttype": "application/json",
                 "data": {"kommunenummer": "%s", "solution": "%s", "effectiveDate": "%s"}}""".formatted(java.util.UUID.randomUUID(), kommunenummer, on, kommunenummer, solution, on);
        try {
            EventContract.assertValid(new com.fasterxml.jackson.databind.ObjectMapper().readTree(event));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return event;
    }

    @Test
    void nhnDataShowingTheMunicipalityActiveMakesTheEnrollmentLiveOnceEvenWhenRedelivered() {
        String track = Tracks.open("kjernejournal", null, TODAY.plusDays(30), null);
        String id = Tracks.enroll(track, Tracks.municipality("4619"), "4619")
                .statusCode(201)
                .extract()
                .path("id");
        String otherTrack = Tracks.open("digihelse", null, TODAY.plusDays(30), null);
        String other = Tracks.enroll(otherTrack, Tracks.municipality("4619"), "4619")
                .statusCode(201)
                .extract()
                .path("id");
        try (EventProbe probe = EventProbe.open(TestSolutions.bootstrap(), "enrollment.enrollments.v1")) {
            String wentLive = adoptionWentLive("4619", "kjernejournal", "2024-05-02");
            TestRegistry.send("adoption.events.v1", "4619", wentLive);
            TestRegistry.send("adoption.events.v1", "4619", wentLive); // redelivered: changes nothing
            // Same key, so read after the redelivery; its went-live is published after anything the redelivery did.
            TestRegistry.send("adoption.events.v1", "4619", adoptionWentLive("4619", "digihelse", "2024-05-03"));
            probe.await(
                    r -> "no.ks.ehelse.enrollment.went-live.v1".equals(r.type())
                            && other.equals(r.value().at("/data/id").asText()),
                    Duration.ofSeconds(30));

            List<EventProbe.Received> live = probe.drain(Duration.ZERO).stream()
                    .filter(r -> "no.ks.ehelse.enrollment.went-live.v1".equals(r.type())
                            && id.equals(r.value().at("/data/id").asText()))
                    .toList();
            assertEquals(1, live.size(), "one went-live for the enrollment, however often NHN's event arrives");
            EventContract.assertValid(live.get(0).value());
            assertEquals(
                    "2024-05-02", live.get(0).value().at("/data/wentLiveOn").asText());
        }
        given().auth()
                .oauth2(Tracks.admin())
                .get("/api/v1/enrollments/" + id)
                .then()
                .body("status", equalTo("LIVE"))
                .body("wentLiveOn", equalTo("2024-05-02"));
        List<String> actions = given().auth()
                .oauth2(Tracks.admin())
                .get("/api/v1/enrollments/" + id + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.action");
        assertEquals(1, actions.stream().filter("WENT_LIVE"::equals).count(), actions::toString);
        String another = Tracks.open("kjernejournal", null, TODAY.plusDays(30), null);
        Tracks.enroll(another, Tracks.municipality("4619"), "4619")
                .statusCode(409)
                .body("type", equalTo("urn:no:ks:ehelse:problem:already-live"));
    }
}
