package no.ks.ehelse.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import no.ks.ehelse.localstack.TestEvents;

/**
 * The progress pages of adoption-stats-service in Debian's Chromium, against the registry and adoption-stats-service
 * as processes (the registry's 357 municipalities over Kafka): NHN's statuses arrive through the REST import, the
 * burn-up chart's table on {@code /tall/kjernejournal/fremdrift} matches the API's series month by month, and the
 * national overview lists the solution. A track made through enrollment-service's API, its enrollments and NHN's
 * statuses over {@code nhn.adoption.v1} reach the per-track page {@code /tall/spor/{trackId}} over Kafka, reached
 * from the solution dashboard by the track's name. axe-core checks each page (WCAG 2.1 A/AA); screenshots in
 * target/screenshots.
 */
class ProgressPagesIT {

    private static final String SOLUTION = "kjernejournal";
    /** Another solution for the track, so its went-lives leave the burn-up test's counts alone. */
    private static final String TRACK_SOLUTION = "vkp";

    private static Suite suite;
    private static Browser browser;
    private static String stats;

    @BeforeAll
    static void start() {
        suite = Suite.start("progress", List.of("registry-service", "enrollment-service", "adoption-stats-service"));
        stats = suite.url("adoption-stats-service");
        importHistory();
        browser = Browser.launch();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (suite != null) {
            suite.close();
        }
    }

    /** One municipality live per month over the last five months, one made available before. */
    private static void importHistory() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<String> numbers = List.of("4601", "4602", "3301", "1508", "5001");
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < numbers.size(); i++) {
            rows.append(i == 0 ? "" : ",").append("""
                    {"kommunenummer": "%s", "solution": "%s", "status": "ACTIVE", "effectiveDate": "%s"}""".formatted(
                            numbers.get(i), SOLUTION, today.minusMonths(5 - i).withDayOfMonth(5)));
        }
        rows.append(",").append("""
                {"kommunenummer": "1580", "solution": "%s", "status": "TECHNICALLY_READY", "effectiveDate": "%s"}""".formatted(SOLUTION, today.minusMonths(3).withDayOfMonth(5)));
        rows.append("]");
        String nhn = suite.token("nhn", Map.of());
        // The import waits for the registry's municipalities and solutions to reach adoption-stats over Kafka.
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> suite.as("adoption-stats-service", nhn)
                                .contentType(ContentType.JSON)
                                .body(rows.toString())
                                .post("/api/v1/adoption/reports/status")
                                .then()
                                .extract()
                                .jsonPath()
                                .getInt("imported")
                        == 6);
    }

    @Test
    void theBurnUpTableMatchesTheApiSeriesAndThePagesPassAxe() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String from = today.minusMonths(8).toString().substring(0, 7);
        browser.open(stats + "/tall/" + SOLUTION + "/fremdrift?fra=" + from);
        browser.check("fremdrift-kjernejournal");
        String permalink = browser.page.locator("#grunnlag a").getAttribute("href");
        String kjent = permalink.substring(permalink.indexOf("kjent=") + "kjent=".length());
        JsonPath series = suite.as("adoption-stats-service", suite.token("reader", Map.of()))
                .get("/api/v1/adoption/" + SOLUTION + "/coverage/series?from=" + from + "&knownAt=" + kjent)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Locator rows = browser.page.locator("#maneder tbody tr");
        List<Map<String, Object>> points = series.getList("points");
        assertEquals(points.size(), rows.count());
        assertEquals(9, rows.count());
        for (int i = 0; i < rows.count(); i++) {
            assertEquals(points.get(i).get("month"), rows.nth(i).getAttribute("data-month"));
            assertEquals(
                    String.valueOf(points.get(i).get("reached")),
                    rows.nth(i).locator("td").first().innerText());
            assertEquals(
                    String.valueOf(points.get(i).get("municipalities")),
                    rows.nth(i).locator("td").nth(2).innerText());
        }
        assertEquals(5, series.getInt("points[-1].reached"));
        assertEquals(357, series.getInt("points[-1].municipalities"));
        assertTrue(browser.page.locator("svg[role=img] title").count() == 1);
        String summary = browser.page.locator("#sammendrag").innerText();
        assertTrue(summary.startsWith("5 av 357 kommuner har tatt i bruk"), summary);

        browser.open(stats + "/tall");
        browser.check("nasjonal-oversikt");
        Locator row = browser.page.locator(
                "#oversikt tbody tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Kjernejournal"));
        assertEquals("5", row.locator("td").first().innerText());
        assertEquals("357", row.locator("td").nth(1).innerText());
    }

    /**
     * The plan: Forankre og forberede from 60 to 31 days ago, Gjennomføre from 30 days ago to yesterday, Avslutte og
     * realisere from today. 4611 is still in the first phase with no status, 4612 in Gjennomføre and reported ACTIVE
     * today, 4613 in Avslutte og realisere but only technically ready: 4611 and 4613 are behind, 4612 is live.
     */
    @Test
    void theTrackPageShowsItsMunicipalitiesAgainstThePlanAndNamesThoseBehind() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String track = suite.openTrack("""
                {"solution": "%s", "name": "VKP pulje 3", "cohort": "Pulje 3", "capacity": 10,
                 "registrationOpens": "%s", "registrationDeadline": "%s",
                 "phases": [{"phase": "ANCHOR_AND_PREPARE", "starts": "%s", "ends": "%s"},
                            {"phase": "CARRY_OUT", "starts": "%s", "ends": "%s"},
                            {"phase": "CLOSE_AND_REALISE", "starts": "%s", "ends": "%s"}],
                 "workingGroup": [{"role": "LEAD", "name": "Innføringsleder", "email": "leder@example.test"}]}""".formatted(
                        TRACK_SOLUTION,
                        today.minusDays(90),
                        today.plusDays(10),
                        today.minusDays(60),
                        today.minusDays(31),
                        today.minusDays(30),
                        today.minusDays(1),
                        today,
                        today.plusDays(30)));
        Map<String, String> phases =
                Map.of("4611", "ANCHOR_AND_PREPARE", "4612", "CARRY_OUT", "4613", "CLOSE_AND_REALISE");
        for (String k : List.of("4611", "4612", "4613")) {
            String enrollment = Awaitility.await()
                    .atMost(Duration.ofSeconds(90))
                    .until(
                            () -> suite.as("enrollment-service", suite.municipality(k))
                                    .body("{\"kommunenummer\": \"" + k + "\"}")
                                    .post("/api/v1/tracks/" + track + "/enrollments")
                                    .then()
                                    .extract(),
                            r -> r.statusCode() == 201)
                    .path("id");
            if (!phases.get(k).equals("ANCHOR_AND_PREPARE")) {
                suite.admin("enrollment-service")
                        .body("{\"phase\": \"" + phases.get(k) + "\"}")
                        .put("/api/v1/enrollments/" + enrollment + "/phase")
                        .then()
                        .statusCode(200);
            }
        }
        nhn("4612", "ACTIVE", today);
        nhn("4613", "TECHNICALLY_READY", today.minusDays(3));

        String reader = suite.token("reader", Map.of());
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> {
            JsonPath p = suite.as("adoption-stats-service", reader)
                    .get("/api/v1/adoption/tracks/" + track + "/progress")
                    .then()
                    .extract()
                    .jsonPath();
            return p.getInt("enrolled") == 3
                    && p.getInt("live") == 1
                    && "CLOSE_AND_REALISE"
                            .equals(p.getString("municipalities.find { it.kommunenummer == '4613' }.phase"))
                    && "TECHNICALLY_READY"
                            .equals(p.getString("municipalities.find { it.kommunenummer == '4613' }.level"));
        });

        browser.open(stats + "/tall/" + TRACK_SOLUTION);
        Locator link = browser.page.locator("#tabell-innforingslop tr[data-track='" + track + "'] a");
        assertEquals("VKP pulje 3", link.innerText());
        link.click();
        browser.page.waitForURL(url -> url.endsWith("/tall/spor/" + track));
        browser.check("spor-vkp-pulje-3");
        assertEquals("VKP pulje 3", browser.page.locator("main h1").innerText());
        String summary = browser.page.locator("#sammendrag").innerText();
        assertTrue(
                summary.startsWith(
                        "2 av 3 kommuner er bak planen; etter planen er kommunene i fasen Avslutte og" + " realisere"),
                summary);
        assertTrue(summary.endsWith("og 1 er i bruk."), summary);
        Locator behind = browser.page.locator("#liste-bak-planen li");
        assertEquals(2, behind.count());
        assertEquals(
                List.of("4611", "4613"),
                List.of(
                                behind.nth(0).getAttribute("data-kommunenummer"),
                                behind.nth(1).getAttribute("data-kommunenummer"))
                        .stream()
                        .sorted()
                        .toList());
        String why4613 = browser.page
                .locator("#liste-bak-planen li[data-kommunenummer='4613']")
                .innerText();
        assertTrue(why4613.contains("Skulle vært i bruk da Gjennomføre sluttet"), why4613);
        assertTrue(why4613.contains("«teknisk tilrettelagt»"), why4613);
        assertEquals(
                "I bruk",
                browser.page
                        .locator("#tabell-kommuner tr[data-kommunenummer='4612'] td[data-label='Vurdering']")
                        .innerText());
        assertEquals(1, browser.page.locator("svg.eh-chart[role=img] title").count());
        assertEquals(3, browser.page.locator("#tabell-faser tbody tr").count());
        browser.page.setViewportSize(390, 844);
        browser.check("spor-vkp-pulje-3-smal");
        browser.page.setViewportSize(1280, 900);
    }

    /** A status report as NHN sends it on nhn.adoption.v1 (the documented contract). */
    private static void nhn(String kommunenummer, String status, LocalDate effective) {
        TestEvents.send(
                suite.bootstrapServers(),
                "nhn.adoption.v1",
                kommunenummer,
                TestEvents.event("urn:no:nhn:adoption", "no.nhn.adoption.status.v1", kommunenummer, """
                        {"kommunenummer": "%s", "solution": "%s", "status": "%s", "effectiveDate": "%s"}""".formatted(
                                kommunenummer, TRACK_SOLUTION, status, effective)));
    }
}
