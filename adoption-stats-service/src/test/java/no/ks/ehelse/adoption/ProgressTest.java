package no.ks.ehelse.adoption;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import no.ks.ehelse.adoption.domain.EnrollmentProjection;
import no.ks.ehelse.adoption.domain.SolutionProjection;
import no.ks.ehelse.localstack.EventContract;
import no.ks.ehelse.localstack.EventProbe;
import no.ks.ehelse.localstack.Pages;
import no.ks.ehelse.localstack.TestEvents;
import no.ks.ehelse.localstack.TestTokens;

/**
 * Figures over time on constructed histories whose answers are known by hand: a late correction and knownAt, the
 * municipalities valid on a past day, the monthly series, the forecast and ambitions per level and scope. The
 * histories are imported over REST with the service's clock moved to the day each report arrived.
 */
@QuarkusTest
class ProgressTest {

    @BeforeEach
    void registry() {
        TestRegistry.load();
        List<String> codes = List.of("tidslinje", "prognose", "prognose-lite", "ambisjon");
        for (String code : codes) {
            TestEvents.send(TestRegistry.bootstrap(), "registry.solutions.v1", code, TestEvents.solution(code, code));
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> codes.stream().allMatch(c -> SolutionProjection.findById(c) != null)));
    }

    @AfterEach
    void realTime() {
        clock(Instant.now());
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

    /** Imports status rows as NHN would send them, received at {@code at}. */
    private static void arrive(String at, String... rows) {
        clock(Instant.parse(at));
        StringBuilder body = new StringBuilder("[");
        for (String row : rows) {
            String[] f = row.split(" ");
            if (body.length() > 1) {
                body.append(',');
            }
            body.append("""
                    {"kommunenummer": "%s", "solution": "%s", "status": "%s", "effectiveDate": "%s"}""".formatted(f[0], f[1], f[2], f[3]));
        }
        given().auth()
                .oauth2(TestTokens.forRole("nhn"))
                .contentType(ContentType.JSON)
                .body(body.append(']').toString())
                .post("/api/v1/adoption/reports/status")
                .then()
                .statusCode(200)
                .body("rejected.size()", equalTo(0));
    }

    @Test
    void aFigureAsKnownOnADayStaysTheSameAfterALateCorrection() {
        arrive("2024-02-10T12:00:00Z", "4601 tidslinje ACTIVE 2024-02-01");
        // NHN corrects in April: Bergen was only ordered on 1 February.
        arrive("2024-04-10T12:00:00Z", "4601 tidslinje ORDERED 2024-02-01");
        String coverage = "/api/v1/adoption/tidslinje/coverage?groupBy=NATION&asOf=2024-03-01";
        reader().get(coverage + "&knownAt=2024-03-01")
                .then()
                .statusCode(200)
                .body("asOf", equalTo("2024-03-01"))
                .body("knownAt", startsWith("2024-03-01T23:59:59"))
                .body("groups[0].byLevel.ACTIVE", equalTo(1))
                .body("groups[0].byLevel.ORDERED", equalTo(0));
        reader().get(coverage)
                .then()
                .statusCode(200)
                .body("knownAt", startsWith("2024-04-10T12:00"))
                .body("groups[0].byLevel.ACTIVE", equalTo(0))
                .body("groups[0].byLevel.ORDERED", equalTo(1));
        // Before the first report arrived nothing was known.
        reader().get(coverage + "&knownAt=2024-02-09T00:00:00Z")
                .then()
                .body("groups[0].byLevel.ACTIVE", equalTo(0))
                .body("groups[0].byLevel.NONE", equalTo(5));
        reader().get("/api/v1/adoption/tidslinje/non-adopters?asOf=2024-03-01&knownAt=2024-03-01")
                .then()
                .statusCode(200)
                .body("count", equalTo(4))
                .body("of", equalTo(5))
                .body("asOf", equalTo("2024-03-01"));
        reader().get("/api/v1/adoption/tidslinje/non-adopters?asOf=2024-03-01")
                .then()
                .body("count", equalTo(5));
        reader().get("/api/v1/adoption/tidslinje/coverage/series?from=2024-01&to=2024-03&knownAt=2024-03-01")
                .then()
                .statusCode(200)
                .body("points.month", contains("2024-01", "2024-02", "2024-03"))
                .body("points.reached", contains(0, 1, 1));
        reader().get("/api/v1/adoption/tidslinje/coverage/series?from=2024-01&to=2024-03")
                .then()
                .body("points.reached", contains(0, 0, 0))
                .body("points.byLevel.ORDERED", contains(0, 1, 1));
    }

    @Test
    void aPastDayCountsTheMunicipalitiesValidThenWithTheSuccessorsPopulationStated() {
        clock(Instant.parse("2024-07-15T12:00:00Z"));
        arrive("2024-07-15T12:00:00Z", "1507 tidslinje ACTIVE 2023-03-01");
        reader().get("/api/v1/adoption/tidslinje/coverage?groupBy=NETWORK&asOf=2023-04-01")
                .then()
                .statusCode(200)
                .body("municipalities", equalTo(4))
                .body("groups.find { it.group == 'digi-more-og-romsdal' }.municipalities", equalTo(1))
                .body("groups.find { it.group == 'digi-more-og-romsdal' }.byLevel.ACTIVE", equalTo(1))
                .body("groups.find { it.group == 'digi-more-og-romsdal' }.inhabitants", equalTo(58509 + 9357))
                .body("groups.find { it.group == 'digi-viken' }.municipalities", equalTo(1))
                .body("approximations", hasItem(startsWith("1507 Ålesund: population is the sum of its successors")));
        reader().get("/api/v1/adoption/tidslinje/coverage?groupBy=NETWORK&asOf=2024-06-01")
                .then()
                .body("municipalities", equalTo(5))
                .body("groups.find { it.group == 'digi-more-og-romsdal' }.municipalities", equalTo(2))
                .body("groups.find { it.group == 'digi-more-og-romsdal' }.byLevel.ACTIVE", equalTo(2));
        reader().get("/api/v1/adoption/tidslinje/coverage/series?from=2023-12&to=2024-01&level=ACTIVE")
                .then()
                .body("points.municipalities", contains(4, 5))
                .body("points.reached", contains(1, 2));
    }

    private static boolean prognoseLoaded;

    /**
     * Went-lives in January to April 2024, one a month, and one made available in May, all received on 15 July;
     * two enrollments and the 2024 ambition of 5 made available. The clock is left on 15 July 2024.
     */
    private static void prognoseHistory() {
        if (prognoseLoaded) {
            clock(Instant.parse("2024-07-15T12:00:00Z"));
            return;
        }
        arrive(
                "2024-07-15T12:00:00Z",
                "4601 prognose ACTIVE 2024-01-10",
                "4602 prognose ACTIVE 2024-02-10",
                "3301 prognose ACTIVE 2024-03-10",
                "1508 prognose ACTIVE 2024-04-10",
                "1580 prognose TECHNICALLY_READY 2024-05-10");
        enroll("4602", "prognose");
        enroll("1580", "prognose");
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("{\"target\": 5, \"outOf\": 5, \"level\": \"TECHNICALLY_READY\"}")
                .put("/api/v1/ambitions/prognose/2024")
                .then()
                .statusCode(200)
                .body("reachedNow", equalTo(5))
                .body("activeNow", equalTo(4));
        prognoseLoaded = true;
    }

    @Test
    void theProgressPageShowsTheSeriesTheForecastAndAPermanentLink() {
        prognoseHistory();
        var series = reader().get(
                        "/api/v1/adoption/prognose/coverage/series?from=2023-01&to=2024-07&level=TECHNICALLY_READY")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Pages.Shown page = Pages.get(null, "/tall/prognose/fremdrift");
        org.junit.jupiter.api.Assertions.assertEquals(200, page.status());
        var rows = page.html().select("#maneder tbody tr");
        org.junit.jupiter.api.Assertions.assertEquals(series.getList("points").size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            org.junit.jupiter.api.Assertions.assertEquals(
                    series.getString("points[" + i + "].month"), rows.get(i).attr("data-month"));
            org.junit.jupiter.api.Assertions.assertEquals(
                    series.getString("points[" + i + "].reached"),
                    rows.get(i).select("td").get(0).text());
        }
        org.junit.jupiter.api.Assertions.assertNotNull(page.html().selectFirst("svg[role=img] title"));
        org.junit.jupiter.api.Assertions.assertEquals(
                "5 av 5 kommuner har fått gjort tilgjengelig (teknisk tilrettelagt eller i bruk) prognose i juli 2024."
                        + " Ambisjonen for 2024 på 5 kommuner er nådd.",
                page.html().selectFirst("#sammendrag").text());
        var all = page.html().select("#prognose tbody tr").stream()
                .filter(r -> r.selectFirst("th").text().equals("Alle kommuner"))
                .findFirst()
                .orElseThrow();
        org.junit.jupiter.api.Assertions.assertEquals(
                List.of("5", "4", "september 2024", "august 2024", "Ikke med denne takten"),
                all.select("td").eachText());
        String permalink = page.html().select("#grunnlag a").attr("href");
        org.junit.jupiter.api.Assertions.assertTrue(
                permalink.startsWith("/tall/prognose/fremdrift?fra=2023-01&til=2024-07&kjent=2024-07-15T12"),
                permalink);
        String links = page.html()
                .select("a[href^=/tall/prognose/fremdrift/maneder?format=xlsx]")
                .attr("href");
        byte[] xlsx = given().get(links).then().statusCode(200).extract().asByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            org.junit.jupiter.api.Assertions.assertEquals(
                    "Kommuner som har nådd nivået", sheet.getRow(0).getCell(1).getStringCellValue());
            for (int i = 0; i < rows.size(); i++) {
                org.junit.jupiter.api.Assertions.assertEquals(
                        series.getString("points[" + i + "].month"),
                        sheet.getRow(i + 1).getCell(0).getStringCellValue());
                org.junit.jupiter.api.Assertions.assertEquals(
                        series.getDouble("points[" + i + "].reached"),
                        sheet.getRow(i + 1).getCell(1).getNumericCellValue());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        given().get("/tall/prognose/fremdrift/prognose?format=csv")
                .then()
                .statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"prognose-anslag.csv\""));
        given().get("/tall/prognose/fremdrift/maneder").then().statusCode(400);
        // A later report (Bergen stopped in June) does not change the figures the permanent link fixes.
        arrive("2024-07-16T12:00:00Z", "4601 prognose DISCONTINUED 2024-06-20");
        Pages.Shown again = Pages.get(null, permalink);
        org.junit.jupiter.api.Assertions.assertEquals(
                page.html().select("#maneder").outerHtml(),
                again.html().select("#maneder").outerHtml());
        Pages.Shown now = Pages.get(null, "/tall/prognose/fremdrift?fra=2023-01");
        org.junit.jupiter.api.Assertions.assertEquals(
                "4",
                now.html()
                        .select("#maneder tbody tr[data-month=2024-06] td")
                        .get(0)
                        .text());
        Pages.Shown overview = Pages.get(null, "/tall");
        org.junit.jupiter.api.Assertions.assertEquals(200, overview.status());
        var row = overview.html().select("#oversikt tbody tr").stream()
                .filter(r -> r.selectFirst("th").text().equals("prognose"))
                .findFirst()
                .orElseThrow();
        org.junit.jupiter.api.Assertions.assertEquals(
                List.of("3", "5", "5 gjort tilgjengelig", "1"),
                row.select("td").eachText().subList(0, 4));
    }

    @Test
    void theForecastProjectsFromTheTrendWithALowHighRange() {
        prognoseHistory();
        reader().get("/api/v1/adoption/prognose/coverage/series?from=2023-12&to=2024-07&knownAt=2024-07-15T13:00:00Z")
                .then()
                .statusCode(200)
                .body("points.reached", contains(0, 1, 2, 3, 4, 4, 4, 4));
        // Month-end counts 2023-12..2024-06: 0 1 2 3 4 4 4; least squares slope 20/28 = 0.71 a month, changes
        // 1 1 1 1 0 0 (low 0, high 1). One more to go: 1/0.71 → 2 months, 1/1 → 1 month, never at 0.
        // As known on 15 July, before the page test's later report.
        reader().get("/api/v1/adoption/prognose/forecast?knownAt=2024-07-15T13:00:00Z")
                .then()
                .statusCode(200)
                .body("asOf", equalTo("2024-07-15"))
                .body("windowMonths", equalTo(6))
                .body("active.enoughData", equalTo(true))
                .body("active.monthsWithWentLives", equalTo(4))
                .body("active.perMonth", equalTo(0.71f))
                .body("active.low", equalTo(0.0f))
                .body("active.high", equalTo(1.0f))
                .body("active.observed.change", contains(1, 1, 1, 1, 0, 0))
                .body("projections.find { it.target == 'ALL' }.goal", equalTo(5))
                .body("projections.find { it.target == 'ALL' }.reachedNow", equalTo(4))
                .body("projections.find { it.target == 'ALL' }.projectedMonth", equalTo("2024-09"))
                .body("projections.find { it.target == 'ALL' }.earliestMonth", equalTo("2024-08"))
                .body("projections.find { it.target == 'ALL' }.latestMonth", nullValue())
                .body("projections.find { it.target == 'ENROLLED' }.goal", equalTo(2))
                .body("projections.find { it.target == 'ENROLLED' }.reachedNow", equalTo(1))
                .body("projections.find { it.target == 'ENROLLED' }.projectedMonth", equalTo("2024-09"))
                .body("projections.find { it.target == 'AMBITION' }.level", equalTo("TECHNICALLY_READY"))
                .body("projections.find { it.target == 'AMBITION' }.reached", equalTo(true));
        // As known before the April and May reports arrived (they all arrived in July): nothing was known.
        reader().get("/api/v1/adoption/prognose/forecast?knownAt=2024-07-01")
                .then()
                .body("active.enoughData", equalTo(false))
                .body("projections.find { it.target == 'ALL' }.reachedNow", equalTo(0))
                .body("projections.find { it.target == 'ALL' }.projectedMonth", nullValue());
    }

    @Test
    void withFewMonthsOfWentLivesThereIsNotEnoughData() {
        arrive("2024-07-15T12:00:00Z", "4601 prognose-lite ACTIVE 2024-03-10", "4602 prognose-lite ACTIVE 2024-05-10");
        reader().get("/api/v1/adoption/prognose-lite/forecast")
                .then()
                .statusCode(200)
                .body("active.enoughData", equalTo(false))
                .body("active.monthsWithWentLives", equalTo(2))
                .body("active.perMonth", nullValue())
                .body("projections.find { it.target == 'ALL' }.reachedNow", equalTo(2))
                .body("projections.find { it.target == 'ALL' }.reached", equalTo(false))
                .body("projections.find { it.target == 'ALL' }.projectedMonth", nullValue())
                .body("projections.find { it.target == 'AMBITION' }.goal", nullValue());
    }

    @Test
    void ambitionsCountALevelInAScopeAsANumberOrAShare() {
        arrive("2024-07-15T12:00:00Z", "4601 ambisjon TECHNICALLY_READY 2024-03-10", "1508 ambisjon ACTIVE 2024-03-10");
        try (EventProbe probe = EventProbe.open(TestRegistry.bootstrap(), "adoption.ambitions.v1")) {
            given().auth()
                    .oauth2(TestTokens.forRole("admin"))
                    .contentType(ContentType.JSON)
                    .body(
                            "{\"share\": 0.5, \"level\": \"TECHNICALLY_READY\", \"note\": \"Halvparten gjort tilgjengelig\"}")
                    .put("/api/v1/ambitions/ambisjon/2024/networks/digi-vestland")
                    .then()
                    .statusCode(200)
                    .body("scope", equalTo("NETWORK"))
                    .body("scopeCode", equalTo("digi-vestland"))
                    .body("municipalitiesInScope", equalTo(2))
                    .body("target", equalTo(1))
                    .body("share", equalTo(0.5f))
                    .body("reachedNow", equalTo(1))
                    .body("activeNow", equalTo(0))
                    .body("achieved", equalTo(1.0f));
            var event = probe.await(
                    r -> r.value().at("/data/solution").asText().equals("ambisjon"), Duration.ofSeconds(30));
            EventContract.assertValid(event.value());
            org.junit.jupiter.api.Assertions.assertEquals(
                    "NETWORK", event.value().at("/data/scope").asText());
            org.junit.jupiter.api.Assertions.assertEquals(
                    1, event.value().at("/data/target").asInt());
        }
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("{\"target\": 2}")
                .put("/api/v1/ambitions/ambisjon/2024/health-regions/helse-midt-norge")
                .then()
                .statusCode(200)
                .body("level", equalTo("ACTIVE"))
                .body("municipalitiesInScope", equalTo(2))
                .body("reachedNow", equalTo(1))
                .body("remaining", equalTo(1))
                .body("achieved", equalTo(0.5f));
        reader().get("/api/v1/ambitions/ambisjon/2024/health-regions/helse-midt-norge")
                .then()
                .statusCode(200)
                .body("target", equalTo(2));
        reader().get("/api/v1/ambitions?solution=ambisjon")
                .then()
                .body("items.scope", contains("HEALTH_REGION", "NETWORK"));
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("{\"target\": 2}")
                .put("/api/v1/ambitions/ambisjon/2024/networks/digi-vestlandet")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("network"))
                .body("allowed", hasItem("digi-vestland"));
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("{\"target\": 2, \"share\": 0.4}")
                .put("/api/v1/ambitions/ambisjon/2024")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("target"));
    }

    @Test
    void seriesParametersAreStrict() {
        String series = "/api/v1/adoption/tidslinje/coverage/series";
        reader().get(series + "?from=2024-01&groupBy=KOMMUNE")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("groupBy"))
                .body("violations[0].message", equalTo("must be one of NATION, HEALTH_REGION, COUNTY, NETWORK"));
        reader().get(series + "?from=2024-01&level=NONE")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("level"))
                .body("violations[0].message", equalTo("must be one of ORDERED, TECHNICALLY_READY, ACTIVE"));
        reader().get(series + "?from=2024-05&to=2024-01")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("from"));
        reader().get(series + "?from=2010-01&to=2024-01")
                .then()
                .statusCode(400)
                .body("violations[0].message", equalTo("a series spans at most 120 months"));
        reader().get(series + "?from=2024-01&to=2999-01")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("to"));
        reader().get(series).then().statusCode(400).body("violations[0].field", equalTo("from"));
        reader().get(series + "?from=januar").then().statusCode(400).body("violations[0].field", equalTo("from"));
        reader().get(series + "?from=2024-01&knownAt=i-fjor")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("knownAt"));
        reader().get("/api/v1/adoption/finnes-ikke/coverage/series?from=2024-01")
                .then()
                .statusCode(404);
    }

    private static void enroll(String kommunenummer, String solution) {
        UUID id = UUID.randomUUID();
        TestEvents.send(
                TestRegistry.bootstrap(),
                "enrollment.enrollments.v1",
                id.toString(),
                TestEvents.event(
                        "urn:no:ks:ehelse:enrollment",
                        "no.ks.ehelse.enrollment.enrolled.v1",
                        id.toString(),
                        """
                        {"id": "%s", "trackId": "%s", "solution": "%s", "kommunenummer": "%s", "status": "CONFIRMED",
                         "late": false, "prerequisitesDone": [], "phase": "ANCHOR_AND_PREPARE", "wentLiveOn": null}""".formatted(id, UUID.randomUUID(), solution, kommunenummer)));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> EnrollmentProjection.findById(id) != null));
    }
}
