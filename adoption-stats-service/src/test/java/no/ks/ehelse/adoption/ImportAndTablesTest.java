package no.ks.ehelse.adoption;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.ks.ehelse.localstack.EventProbe;
import no.ks.ehelse.localstack.TestEvents;
import no.ks.ehelse.localstack.TestTokens;

/** The REST import (JSON and CSV, dry run, per-row outcome), CSV tables, ambitions against status, the funnel. */
@QuarkusTest
class ImportAndTablesTest {

    @BeforeEach
    void registry() {
        TestRegistry.load();
    }

    private static io.restassured.specification.RequestSpecification nhn() {
        return given().auth().oauth2(TestTokens.forRole("nhn"));
    }

    @Test
    void aJsonImportReportsEachRowAndADryRunChangesNothing() {
        String rows = """
                [{"kommunenummer": "4601", "solution": "htm", "status": "ACTIVE", "effectiveDate": "2024-03-01"},
                 {"kommunenummer": "4602", "solution": "htm", "status": "ORDERED", "effectiveDate": "2024-03-01"},
                 {"kommunenummer": "3005", "solution": "htm", "status": "TECHNICALLY_READY", "effectiveDate": "2023-10-01"},
                 {"kommunenummer": "9999", "solution": "htm", "status": "ACTIVE", "effectiveDate": "2024-03-01"},
                 {"kommunenummer": "1508", "solution": "htm", "status": "LIVE", "effectiveDate": "2024-03-01"},
                 {"kommunenummer": "1580", "solution": "htm", "status": "ACTIVE", "effectiveDate": "1. mars"},
                 {"kommunenummer": "1580", "solution": "htm", "status": "ACTIVE", "effectiveDate": "+999999999-12-31"},
                 {"kommunenummer": "1580", "solution": "htm", "status": "ACTIVE", "effectiveDate": "9999-12-31"}]""";
        nhn().contentType(ContentType.JSON)
                .body(rows)
                .post("/api/v1/adoption/reports/status?dryRun=true")
                .then()
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("imported", equalTo(3))
                .body("rejected.row", contains(4, 5, 6, 7, 8))
                .body("rejected[0].reason", equalTo("unknown municipality 9999"))
                .body("rejected[3].reason", startsWith("'effectiveDate' +999999999-12-31 is outside 2000-01-01 to "))
                .body("rejected[4].reason", startsWith("'effectiveDate' 9999-12-31 is outside 2000-01-01 to "));
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/adoption/htm/coverage")
                .then()
                .body("groups[0].byLevel.NONE", equalTo(5));

        nhn().contentType(ContentType.JSON)
                .body(rows)
                .post("/api/v1/adoption/reports/status")
                .then()
                .statusCode(200)
                .body("imported", equalTo(3))
                .body("rejected.size()", equalTo(5));
        nhn().contentType(ContentType.JSON)
                .body("""
                [{"kommunenummer": "4601", "solution": "htm", "status": "ACTIVE", "effectiveDate": "2024-03-01"},
                 {"kommunenummer": "4602", "solution": "htm", "status": "ACTIVE", "effectiveDate": "2024-01-01"},
                 {"kommunenummer": "4602", "solution": "htm", "status": "ACTIVE", "effectiveDate": "2024-04-01"}]""")
                .post("/api/v1/adoption/reports/status")
                .then()
                .statusCode(200)
                .body("ignored", equalTo(2))
                .body("updated", equalTo(1));
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/adoption/htm/coverage")
                .then()
                .body("groups[0].byLevel.ACTIVE", equalTo(2))
                .body("groups[0].byLevel.TECHNICALLY_READY", equalTo(1));
    }

    @Test
    void aCsvImportNumbersRowsAsTheSpreadsheetDoesAndTablesComeBackAsCsv() {
        String csv = """
                kommunenummer,solution,metric,period,value
                4601,sfm,prescriptions,2024-05,1200
                4602,sfm,prescriptions,2024-05,many
                1507,sfm,prescriptions,2024-05,10
                4602,sfm,prescriptions,2024-05,85
                """;
        nhn().contentType("text/csv")
                .body(csv)
                .post("/api/v1/adoption/reports/usage")
                .then()
                .statusCode(200)
                .body("imported", equalTo(2))
                .body("rejected.row", contains(3, 4));
        nhn().contentType("text/csv")
                .body(csv.replace("1200", "1300"))
                .post("/api/v1/adoption/reports/usage")
                .then()
                .statusCode(200)
                .body("updated", equalTo(1))
                .body("ignored", equalTo(1));

        String table = given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .accept("text/csv")
                .get("/api/v1/adoption/sfm/usage?metric=prescriptions&period=2024-05")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        List<String> lines = table.lines().toList();
        assertEquals("kommunenummer,name,value,inhabitants,per1000", lines.get(0));
        assertEquals("4601,Bergen,1300.0,291000,4.467", lines.get(1));
        String coverage = given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .accept("text/csv")
                .get("/api/v1/adoption/sfm/coverage?groupBy=NETWORK")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(
                "group,municipalities,active,technicallyReady,ordered,discontinued,none,inhabitantsActive,"
                        + "inhabitants,shareOfInhabitantsActive",
                coverage.lines().findFirst().orElseThrow());
        assertEquals(4, coverage.lines().count(), coverage);
        String nonAdopters = given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .accept("text/csv")
                .get("/api/v1/adoption/sfm/non-adopters")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(6, nonAdopters.lines().count(), nonAdopters);
    }

    @Test
    void onlyNhnAndAdminsImport() {
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .contentType(ContentType.JSON)
                .body("[]")
                .post("/api/v1/adoption/reports/status")
                .then()
                .statusCode(403);
        nhn().contentType(ContentType.JSON)
                .body("{\"not\": \"an array\"}")
                .post("/api/v1/adoption/reports/status")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void anAmbitionIsShownAgainstTheCurrentStatus() {
        nhn().contentType(ContentType.JSON)
                .body("""
                [{"kommunenummer": "4601", "solution": "digihelsestasjon", "status": "ACTIVE", "effectiveDate": "2024-02-01"},
                 {"kommunenummer": "3301", "solution": "digihelsestasjon", "status": "ACTIVE", "effectiveDate": "2024-02-01"}]""")
                .post("/api/v1/adoption/reports/status")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("{\"target\": 4}")
                .put("/api/v1/ambitions/digihelsestasjon/2024")
                .then()
                .statusCode(200)
                .body("activeNow", equalTo(2))
                .body("remaining", equalTo(2))
                .body("achieved", equalTo(0.5f));
    }

    @Test
    void theFunnelFollowsEnrollmentsToLive() {
        String track = UUID.randomUUID().toString();
        String enrollment = UUID.randomUUID().toString();
        String enrolled = TestEvents.event(
                "urn:no:ks:ehelse:enrollment", "no.ks.ehelse.enrollment.enrolled.v1", enrollment, """
                {"id": "%s", "trackId": "%s", "solution": "vkp", "kommunenummer": "4602", "status": "CONFIRMED",
                 "waitlistPosition": null, "late": false, "lateReason": null, "phase": null, "prerequisitesDone": [],
                 "wentLiveOn": null, "reason": null, "deadlineItem": null, "deadline": null}""".formatted(
                                enrollment, track));
        String wentLive = enrolled.replace("enrollment.enrolled.v1", "enrollment.went-live.v1")
                .replace("\"CONFIRMED\"", "\"LIVE\"")
                .replace("\"wentLiveOn\": null", "\"wentLiveOn\": \"2099-01-01\"")
                .replaceFirst("\"id\": \"[^\"]+\"", "\"id\": \"" + UUID.randomUUID() + "\"");
        TestEvents.send(TestRegistry.bootstrap(), "enrollment.enrollments.v1", "4602", enrolled);
        TestEvents.send(TestRegistry.bootstrap(), "enrollment.enrollments.v1", "4602", wentLive);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/adoption/vkp/funnel")
                .then()
                .statusCode(200)
                .body("enrolled", equalTo(1))
                .body("live", equalTo(1))
                .body("tracks[0].trackId", equalTo(track)));
    }

    @Test
    void anEnrollmentWithABadDateIsDeadLetteredAtOnceAndTheNextOneIsApplied() {
        String bad = enrollment("pll", "LIVE", "\"1. januar 2024\"");
        String good = enrollment("pll", "CONFIRMED", "null");
        try (EventProbe dlq = EventProbe.open(TestRegistry.bootstrap(), "enrollment.enrollments.v1.dlq")) {
            TestEvents.send(TestRegistry.bootstrap(), "enrollment.enrollments.v1", "1508", bad);
            TestEvents.send(TestRegistry.bootstrap(), "enrollment.enrollments.v1", "1508", good);
            var dead = dlq.await(r -> r.rawValue().equals(bad), Duration.ofSeconds(30));
            assertTrue(
                    dead.headers().get("dead-letter-reason").contains("'wentLiveOn' is not a date"),
                    () -> "reason: " + dead.headers());
            // Written by the platform's dead-letter strategy for every single-record consumer.
            assertEquals(
                    "invalid-value", dead.headers().get("dead-letter-category"), () -> "category: " + dead.headers());
        }
        // Behind it on the same partition, so it is applied only once the bad record is out of the way.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/adoption/pll/funnel")
                .then()
                .statusCode(200)
                .body("enrolled", equalTo(1))
                .body("live", equalTo(0)));
    }

    private static String enrollment(String solution, String status, String wentLiveOn) {
        String id = UUID.randomUUID().toString();
        return TestEvents.event("urn:no:ks:ehelse:enrollment", "no.ks.ehelse.enrollment.enrolled.v1", id, """
                {"id": "%s", "trackId": "%s", "solution": "%s", "kommunenummer": "1508", "status": "%s",
                 "waitlistPosition": null, "late": false, "lateReason": null, "phase": null, "prerequisitesDone": [],
                 "wentLiveOn": %s, "reason": null, "deadlineItem": null, "deadline": null}""".formatted(
                        id, UUID.randomUUID(), solution, status, wentLiveOn));
    }
}
