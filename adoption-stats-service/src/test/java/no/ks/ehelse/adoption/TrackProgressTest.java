package no.ks.ehelse.adoption;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.awaitility.Awaitility;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import no.ks.ehelse.adoption.domain.SolutionProjection;
import no.ks.ehelse.adoption.domain.TrackProjection;
import no.ks.ehelse.localstack.EventProbe;
import no.ks.ehelse.localstack.Pages;
import no.ks.ehelse.localstack.TestEvents;
import no.ks.ehelse.localstack.TestTokens;

/**
 * A track's progress against its plan on constructed histories whose answer is known by hand. The plan: Forankre og
 * forberede in January 2026, Gjennomføre February–March, Avslutte og realisere April. Five municipalities enrolled
 * on 5 January: Bergen in Gjennomføre and live with NHN since 2020 (already live), Kinn in Gjennomføre and
 * technically ready, Drammen still in Forankre og forberede, Ålesund already in Avslutte og realisere, Haram on the
 * waiting list. On 10 March the plan is in Gjennomføre: Drammen is behind (its phase), Ålesund ahead, Kinn on plan.
 * On 15 April Gjennomføre has ended: Kinn, Drammen and Ålesund are behind for not being live, Drammen and Kinn also
 * for their phase.
 */
@QuarkusTest
class TrackProgressTest {

    private static final String SOLUTION = "digitalt-tilsyn";
    private static final String TRACK = "6c1d3c2a-4c7e-4b8a-9d55-0b7f3e1a2d10";
    private static final String ENROLLED_AT = "2026-01-05T09:00:00Z";
    private static boolean loaded;

    @BeforeEach
    void history() {
        TestRegistry.load();
        if (loaded) {
            return;
        }
        TestEvents.send(
                TestRegistry.bootstrap(),
                "registry.solutions.v1",
                SOLUTION,
                TestEvents.solution(SOLUTION, "Digitalt tilsyn"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> SolutionProjection.findById(SOLUTION) != null));
        sendTrack("no.ks.ehelse.track.created.v1", "Digitalt tilsyn pulje 1", "2026-01-02T08:00:00Z");
        enroll("4601", "CARRY_OUT", "LIVE", "\"2020-01-01\"");
        enroll("4602", "CARRY_OUT", "CONFIRMED", "null");
        enroll("3301", "ANCHOR_AND_PREPARE", "CONFIRMED", "null");
        enroll("1508", "CLOSE_AND_REALISE", "CONFIRMED", "null");
        enroll("1580", "ANCHOR_AND_PREPARE", "WAITLISTED", "null");
        given().auth()
                .oauth2(TestTokens.forRole("nhn"))
                .contentType(ContentType.JSON)
                .body("""
                        [{"kommunenummer": "4601", "solution": "digitalt-tilsyn", "status": "ACTIVE", "effectiveDate": "2020-01-01"},
                         {"kommunenummer": "4602", "solution": "digitalt-tilsyn", "status": "TECHNICALLY_READY", "effectiveDate": "2026-02-15"}]""")
                .post("/api/v1/adoption/reports/status")
                .then()
                .statusCode(200)
                .body("imported", equalTo(2));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> reader().get(
                        "/api/v1/adoption/tracks/" + TRACK + "/progress")
                .then()
                .statusCode(200)
                .body("municipalities.size()", equalTo(5)));
        loaded = true;
    }

    @AfterEach
    void realTime() {
        clock(Instant.now());
    }

    @Test
    void inGjennomforeTheOneInAnEarlierPhaseIsBehindAndTheOneLiveBeforeItEnrolledIsAlreadyLive() {
        clock(Instant.parse("2026-03-10T12:00:00Z"));
        reader().get("/api/v1/adoption/tracks/" + TRACK + "/progress")
                .then()
                .statusCode(200)
                .body("name", equalTo("Digitalt tilsyn pulje 1"))
                .body("solutionName", equalTo("Digitalt tilsyn"))
                .body("today", equalTo("2026-03-10"))
                .body("plannedStage", equalTo("CARRY_OUT"))
                .body("plannedSince", equalTo("2026-02-01"))
                .body("liveBy", equalTo("2026-03-31"))
                .body("enrolled", equalTo(4))
                .body("waitlisted", equalTo(1))
                .body("live", equalTo(1))
                .body("alreadyLive", equalTo(1))
                .body("behind", equalTo(1))
                .body(
                        "municipalities.kommunenummer",
                        contains(
                                "4601", "3301", "1580", "4602",
                                "1508")) // by name: Bergen, Drammen, Haram, Kinn, Ålesund
                .body("municipalities.find { it.kommunenummer == '4601' }.assessment", equalTo("ALREADY_LIVE"))
                .body("municipalities.find { it.kommunenummer == '4601' }.liveSince", equalTo("2020-01-01"))
                .body("municipalities.find { it.kommunenummer == '4602' }.assessment", equalTo("ON_PLAN"))
                .body("municipalities.find { it.kommunenummer == '4602' }.level", equalTo("TECHNICALLY_READY"))
                .body("municipalities.find { it.kommunenummer == '3301' }.assessment", equalTo("BEHIND"))
                .body("municipalities.find { it.kommunenummer == '3301' }.reasons.kind", contains("PHASE_BEHIND"))
                .body("municipalities.find { it.kommunenummer == '3301' }.reasons[0].date", equalTo("2026-02-01"))
                .body("municipalities.find { it.kommunenummer == '1508' }.assessment", equalTo("AHEAD"))
                .body("municipalities.find { it.kommunenummer == '1580' }.assessment", equalTo("WAITLISTED"))
                .body("phases.find { it.phase == 'CARRY_OUT' }.plannedNow", equalTo(true))
                .body("phases.find { it.phase == 'CARRY_OUT' }.municipalities", equalTo(2))
                .body("phases.find { it.phase == 'CARRY_OUT' }.live", equalTo(1))
                .body("phases.find { it.phase == 'CARRY_OUT' }.onPlan", equalTo(1))
                .body("phases.find { it.phase == 'ANCHOR_AND_PREPARE' }.behind", equalTo(1))
                .body("phases.find { it.phase == 'CLOSE_AND_REALISE' }.ahead", equalTo(1));
    }

    @Test
    void afterGjennomforeEveryoneNotLiveIsBehindWithWhyAndThePageNamesThem() throws Exception {
        clock(Instant.parse("2026-04-15T12:00:00Z"));
        reader().get("/api/v1/adoption/tracks/" + TRACK + "/progress")
                .then()
                .statusCode(200)
                .body("plannedStage", equalTo("CLOSE_AND_REALISE"))
                .body("behind", equalTo(3))
                .body(
                        "municipalities.find { it.kommunenummer == '4602' }.reasons.kind",
                        contains("PHASE_BEHIND", "NOT_LIVE_BY_PLAN"))
                .body("municipalities.find { it.kommunenummer == '1508' }.reasons.kind", contains("NOT_LIVE_BY_PLAN"))
                .body("municipalities.find { it.kommunenummer == '1508' }.reasons[0].date", equalTo("2026-03-31"));

        Pages.Shown page = Pages.get(null, "/tall/spor/" + TRACK);
        assertEquals(200, page.status());
        Document html = page.html();
        assertEquals("Digitalt tilsyn pulje 1", html.selectFirst("main h1").text());
        String summary = "3 av 4 kommuner er bak planen; etter planen er kommunene i fasen Avslutte og realisere"
                + " (fra 1. april 2026), og 1 er i bruk (1 var det allerede da de meldte seg på).";
        assertEquals(summary, html.selectFirst("#sammendrag").text());
        assertEquals(
                List.of("3301", "4602", "1508"),
                html.select("#liste-bak-planen li").stream()
                        .map(li -> li.attr("data-kommunenummer"))
                        .toList());
        Element kinn = html.selectFirst("#liste-bak-planen li[data-kommunenummer=4602]");
        assertEquals(
                "Kinn 4602: Er i fasen Gjennomføre, men etter planen skulle den vært i Avslutte og realisere fra"
                        + " 1. april 2026. Skulle vært i bruk da Gjennomføre sluttet 31. mars 2026, men Norsk helsenett"
                        + " melder «teknisk tilrettelagt».",
                kinn.text());
        assertEquals(
                "/tall/digitalt-tilsyn/kommuner/4602", kinn.selectFirst("a").attr("href"));

        Element svg = html.selectFirst("svg.eh-chart[role=img]");
        assertEquals(
                "Kommunene i Digitalt tilsyn pulje 1 per fase",
                svg.selectFirst("title").text());
        assertTrue(
                svg.selectFirst("desc").text().startsWith(summary),
                svg.selectFirst("desc").text());
        assertEquals(
                List.of("Avslutte og realisere (planen i dag)"),
                svg.select("text[font-weight]").stream().map(Element::text).toList(),
                "the plan's phase today in bold");
        List<String> carryOut = html.select("#tabell-faser tbody tr").get(1).select("th, td").stream()
                .map(Element::text)
                .toList();
        assertEquals(List.of("Gjennomføre", "2", "1", "0", "0", "1"), carryOut);
        assertEquals(
                "Avslutte og realisere (planen i dag)",
                html.select("#tabell-faser tbody tr").get(2).selectFirst("th").text());
        assertEquals(5, html.select("#tabell-kommuner tbody tr").size());
        assertEquals(
                "På venteliste",
                html.selectFirst("#tabell-kommuner tr[data-kommunenummer=1580] td[data-label=Vurdering]")
                        .text());

        byte[] xlsx = given().get("/tall/spor/" + TRACK + "/tabeller/kommuner?format=xlsx")
                .then()
                .statusCode(200)
                .header(
                        "Content-Disposition",
                        org.hamcrest.Matchers.containsString("digitalt-tilsyn-pulje-1-kommuner.xlsx"))
                .extract()
                .asByteArray();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals("Kommunenummer", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals(6, sheet.getPhysicalNumberOfRows());
            List<String> behind = new java.util.ArrayList<>();
            for (int i = 1; i < 6; i++) {
                assertEquals(CellType.STRING, sheet.getRow(i).getCell(0).getCellType());
                if ("Bak planen".equals(sheet.getRow(i).getCell(5).getStringCellValue())) {
                    behind.add(sheet.getRow(i).getCell(0).getStringCellValue());
                }
            }
            assertEquals(List.of("3301", "4602", "1508"), behind);
        }
        String csv = new String(
                given().get("/tall/spor/" + TRACK + "/tabeller/faser?format=csv")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray(),
                StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFFase;Planen i dag;Kommuner;I bruk;I rute;Foran planen;Bak planen"), csv);
        assertTrue(csv.contains("Avslutte og realisere;Ja;1;0;0;0;1"), csv);
    }

    @Test
    void theFunnelAndTheSolutionPageNameTheTrackAndLinkToItsPage() {
        reader().get("/api/v1/adoption/" + SOLUTION + "/funnel")
                .then()
                .statusCode(200)
                .body("tracks.trackId", contains(TRACK))
                .body("tracks.trackName", contains("Digitalt tilsyn pulje 1"))
                .body("tracks[0].enrolled", equalTo(5))
                .body("tracks[0].alreadyLive", equalTo(1));
        Document html = Pages.get(null, "/tall/" + SOLUTION).html();
        Element link = html.selectFirst("#tabell-innforingslop tr[data-track=" + TRACK + "] a");
        assertEquals("Digitalt tilsyn pulje 1", link.text());
        assertEquals("/tall/spor/" + TRACK, link.attr("href"));
    }

    @Test
    void aRedeliveredOrOlderTrackStateDoesNotOverwriteTheNewerOneAndPoisonIsDeadLettered() {
        String renamed = "Digitalt tilsyn pulje 1 (ny plan)";
        String id = UUID.randomUUID().toString();
        String newer = trackEvent(id, "no.ks.ehelse.track.changed.v1", renamed, "2026-02-01T08:00:00Z");
        TestEvents.send(TestRegistry.bootstrap(), "enrollment.tracks.v1", TRACK, newer);
        // The same event id again with other content, and an older state after the newer one: neither applies.
        TestEvents.send(
                TestRegistry.bootstrap(),
                "enrollment.tracks.v1",
                TRACK,
                trackEvent(id, "no.ks.ehelse.track.changed.v1", "Redelivered", "2026-03-01T08:00:00Z"));
        String older = trackEvent(
                UUID.randomUUID().toString(), "no.ks.ehelse.track.opened.v1", "Older", "2026-01-10T08:00:00Z");
        String poison = trackEvent(
                        UUID.randomUUID().toString(), "no.ks.ehelse.track.changed.v1", "Poison", "2026-02-05T08:00:00Z")
                .replace("\"id\": \"" + TRACK + "\",", "");
        String marker = trackEvent(
                UUID.randomUUID().toString(), "no.ks.ehelse.track.changed.v1", renamed, "2026-02-02T08:00:00Z");
        try (EventProbe dlq = EventProbe.open(TestRegistry.bootstrap(), "enrollment.tracks.v1.dlq")) {
            TestEvents.send(TestRegistry.bootstrap(), "enrollment.tracks.v1", TRACK, older);
            TestEvents.send(TestRegistry.bootstrap(), "enrollment.tracks.v1", TRACK, poison);
            TestEvents.send(TestRegistry.bootstrap(), "enrollment.tracks.v1", TRACK, marker);
            var dead = dlq.await(r -> r.rawValue().equals(poison), Duration.ofSeconds(30));
            assertTrue(dead.headers().get("dead-letter-reason").contains("'id'"), () -> "reason: " + dead.headers());
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> {
                    TrackProjection t = TrackProjection.findById(UUID.fromString(TRACK));
                    return t.announcedAt.toInstant().equals(Instant.parse("2026-02-02T08:00:00Z"));
                }));
        reader().get("/api/v1/adoption/tracks/" + TRACK + "/progress")
                .then()
                .statusCode(200)
                .body("name", equalTo(renamed))
                .body("plan.phase", hasItem("CARRY_OUT"));
        // Back to the name the other tests read.
        TestEvents.send(
                TestRegistry.bootstrap(),
                "enrollment.tracks.v1",
                TRACK,
                trackEvent(
                        UUID.randomUUID().toString(),
                        "no.ks.ehelse.track.changed.v1",
                        "Digitalt tilsyn pulje 1",
                        "2026-02-03T08:00:00Z"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> reader().get(
                        "/api/v1/adoption/tracks/" + TRACK + "/progress")
                .then()
                .body("name", equalTo("Digitalt tilsyn pulje 1")));
    }

    @Test
    void anUnknownTrackIsA404ProblemAndA404Page() {
        reader().get("/api/v1/adoption/tracks/" + UUID.randomUUID() + "/progress")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        Pages.Shown page = Pages.get(null, "/tall/spor/" + UUID.randomUUID());
        assertEquals(404, page.status());
        assertEquals("Vi finner ikke siden", page.html().selectFirst("main h1").text());
        assertEquals(404, Pages.get(null, "/tall/spor/ikke-en-id").status());
    }

    private static void sendTrack(String type, String name, String time) {
        TestEvents.send(
                TestRegistry.bootstrap(),
                "enrollment.tracks.v1",
                TRACK,
                trackEvent(UUID.randomUUID().toString(), type, name, time));
    }

    /** A whole-track event as enrollment-service writes it, announced at {@code time}. */
    private static String trackEvent(String eventId, String type, String name, String time) {
        return TestEvents.event(
                        eventId, "urn:no:ks:ehelse:enrollment", type, TRACK, """
                        {"id": "%s", "solution": "%s", "name": "%s", "cohort": "Pulje 1", "vendor": null,
                         "description": null, "capacity": 4, "registrationOpens": "2025-11-01",
                         "registrationDeadline": "2025-12-15", "kickOff": "2026-01-01", "closing": "2026-04-30",
                         "status": "RUNNING",
                         "phases": [{"phase": "CLOSE_AND_REALISE", "starts": "2026-04-01", "ends": "2026-04-30"},
                                    {"phase": "ANCHOR_AND_PREPARE", "starts": "2026-01-01", "ends": "2026-01-31"},
                                    {"phase": "CARRY_OUT", "starts": "2026-02-01", "ends": null}],
                         "milestones": [], "prerequisites": [], "workingGroup": []}""".formatted(TRACK, SOLUTION, name))
                .replaceFirst("\"time\": \"[^\"]+\"", "\"time\": \"" + time + "\"");
    }

    private static void enroll(String kommunenummer, String phase, String status, String wentLiveOn) {
        String id = UUID.randomUUID().toString();
        String event = TestEvents.event(
                        "urn:no:ks:ehelse:enrollment", "no.ks.ehelse.enrollment.enrolled.v1", id, """
                        {"id": "%s", "trackId": "%s", "solution": "%s", "kommunenummer": "%s", "status": "%s",
                         "waitlistPosition": %s, "late": false, "lateReason": null, "phase": "%s",
                         "prerequisitesDone": [], "wentLiveOn": %s, "reason": null, "deadlineItem": null,
                         "deadline": null}""".formatted(
                                        id,
                                        TRACK,
                                        SOLUTION,
                                        kommunenummer,
                                        status,
                                        "WAITLISTED".equals(status) ? "1" : "null",
                                        phase,
                                        wentLiveOn))
                .replaceFirst("\"time\": \"[^\"]+\"", "\"time\": \"" + ENROLLED_AT + "\"");
        TestEvents.send(TestRegistry.bootstrap(), "enrollment.enrollments.v1", kommunenummer, event);
    }

    private static RequestSpecification reader() {
        return given().auth().oauth2(TestTokens.forRole("reader"));
    }

    private static void clock(Instant now) {
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("{\"now\": \"" + now + "\"}")
                .put("/api/v1/admin/clock")
                .then()
                .statusCode(200);
    }
}
