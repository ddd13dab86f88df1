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

/**
 * The progress pages of adoption-stats-service in Debian's Chromium, against the registry and adoption-stats-service
 * as processes (the registry's 357 municipalities over Kafka): NHN's statuses arrive through the REST import, the
 * burn-up chart's table on {@code /tall/kjernejournal/fremdrift} matches the API's series month by month, and the
 * national overview lists the solution. axe-core checks each page (WCAG 2.1 A/AA); screenshots in target/screenshots.
 */
class ProgressPagesIT {

    private static final String SOLUTION = "kjernejournal";

    private static Suite suite;
    private static Browser browser;
    private static String stats;

    @BeforeAll
    static void start() {
        suite = Suite.start("progress", List.of("registry-service", "adoption-stats-service"));
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
}
