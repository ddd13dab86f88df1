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
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.awaitility.Awaitility;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import no.ks.ehelse.adoption.domain.SolutionProjection;
import no.ks.ehelse.localstack.Pages;
import no.ks.ehelse.localstack.TestEvents;
import no.ks.ehelse.localstack.TestTokens;

/**
 * The solution dashboard as a browser without a session reads it (the dashboards are public by default), its
 * downloads, a municipality's history page, and the API's tables as downloads with strict filters. TestRegistry's
 * five municipalities: Bergen ACTIVE, Kinn ORDERED, Ålesund TECHNICALLY_READY, Drammen and Haram nothing.
 */
@QuarkusTest
class DashboardPagesTest {

    static final String SOLUTION = "helseplattformen";
    private static boolean loaded;

    @BeforeEach
    void data() {
        TestRegistry.load();
        if (loaded) {
            return;
        }
        TestEvents.send(
                TestRegistry.bootstrap(),
                "registry.solutions.v1",
                SOLUTION,
                TestEvents.solution(SOLUTION, "Helseplattformen"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> SolutionProjection.findById(SOLUTION) != null));
        nhn().contentType(ContentType.JSON)
                .body("""
                        [{"kommunenummer": "4601", "solution": "helseplattformen", "status": "ACTIVE", "effectiveDate": "2024-03-01"},
                         {"kommunenummer": "4602", "solution": "helseplattformen", "status": "ORDERED", "effectiveDate": "2024-03-01"},
                         {"kommunenummer": "1508", "solution": "helseplattformen", "status": "TECHNICALLY_READY", "effectiveDate": "2024-02-01"}]""")
                .post("/api/v1/adoption/reports/status")
                .then()
                .statusCode(200)
                .body("imported", equalTo(3));
        nhn().contentType(ContentType.JSON)
                .body("""
                        [{"kommunenummer": "4601", "solution": "helseplattformen", "metric": "timebestillinger", "period": "2024-05", "value": 2910},
                         {"kommunenummer": "4602", "solution": "helseplattformen", "metric": "timebestillinger", "period": "2024-05", "value": 170},
                         {"kommunenummer": "4601", "solution": "helseplattformen", "metric": "timebestillinger", "period": "2024-04", "value": 291}]""")
                .post("/api/v1/adoption/reports/usage")
                .then()
                .statusCode(200)
                .body("imported", equalTo(3));
        loaded = true;
    }

    private static RequestSpecification nhn() {
        return given().auth().oauth2(TestTokens.forRole("nhn"));
    }

    private static RequestSpecification reader() {
        return given().auth().oauth2(TestTokens.forRole("reader"));
    }

    @Test
    void thePageKeptForReadersWithoutASessionFollowsTheNextReport() {
        String solution = "kept-page";
        TestEvents.send(
                TestRegistry.bootstrap(), "registry.solutions.v1", solution, TestEvents.solution(solution, "Kept"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> SolutionProjection.findById(solution) != null));
        String path = "/tall/" + solution;
        assertEquals(
                "5 kommuner har ikke tatt i bruk Kept",
                Pages.get(null, path).html().selectFirst("main h1").text());
        assertEquals(
                "5 kommuner har ikke tatt i bruk Kept",
                Pages.get(null, path).html().selectFirst("main h1").text());
        nhn().contentType(ContentType.JSON)
                .body("""
                        [{"kommunenummer": "3301", "solution": "kept-page", "status": "ACTIVE", "effectiveDate": "2024-03-01"}]""")
                .post("/api/v1/adoption/reports/status")
                .then()
                .statusCode(200)
                .body("imported", equalTo(1));
        // Written on this replica: the next request already sees it (KeptAnswers).
        Document after = Pages.get(null, path).html();
        assertEquals(
                "4 kommuner har ikke tatt i bruk Kept",
                after.selectFirst("main h1").text());
        assertEquals(null, after.selectFirst("main a[href$=/kommuner/3301]"));
    }

    @Test
    void theHeadlineCountsTheNonAdoptersAndListsThemPerNetworkWithLinksToTheirHistory() {
        Pages.Shown page = Pages.get(null, "/tall/" + SOLUTION);
        assertEquals(200, page.status());
        Document html = page.html();
        assertEquals("nb", html.selectFirst("html").attr("lang"));
        assertEquals(
                "4 kommuner har ikke tatt i bruk Helseplattformen",
                html.selectFirst("main h1").text());

        Element vestland = html.selectFirst("[data-network=digi-vestland]");
        assertEquals("Digi Vestland (1)", vestland.selectFirst("h3").text());
        assertEquals("Kinn", vestland.selectFirst("li a").text());
        assertEquals(
                "/tall/helseplattformen/kommuner/4602",
                vestland.selectFirst("li a").attr("href"));
        assertTrue(vestland.selectFirst("li").text().contains("Bestilt"), vestland.text());
        Element more = html.selectFirst("[data-network=digi-more-og-romsdal]");
        assertEquals(
                List.of("Ålesund", "Haram"),
                more.select("li a").stream().map(Element::text).toList());
        assertEquals(
                "Digi Viken (1)",
                html.selectFirst("[data-network=digi-viken] h3").text());

        assertEquals(
                "60,6 % av innbyggerne bor i en kommune der Helseplattformen er i aktiv bruk: 291000 av 480353"
                        + " innbyggere.",
                html.selectFirst("#andel-innbyggere").text());
    }

    @Test
    void eachChartIsAnSvgImageWithItsDataInATableAndASummary() {
        Document html = Pages.get(null, "/tall/" + SOLUTION).html();
        Element svg = html.selectFirst("section[aria-labelledby=graf-nettverk] svg");
        assertEquals("img", svg.attr("role"));
        assertEquals(
                "Kommuner per status, per Diginettverk",
                svg.selectFirst("title").text());
        assertTrue(svg.selectFirst("desc").text().startsWith("Størst andel kommuner med Helseplattformen"), svg.text());
        assertEquals(3, svg.select("text").size() / 2, "a label and a total per network");

        Element table = html.selectFirst("#tabell-nettverk");
        List<String> vestland = table.select("tbody tr").stream()
                .filter(tr -> tr.selectFirst("th").text().equals("Digi Vestland"))
                .findFirst()
                .orElseThrow()
                .select("td")
                .eachText();
        // Kommuner, ACTIVE, TECHNICALLY_READY, ORDERED, DISCONTINUED, NONE, share of inhabitants
        assertEquals(List.of("2", "1", "0", "1", "0", "0", "94,5 %"), vestland);
        assertEquals(
                "Størst andel kommuner med Helseplattformen i aktiv bruk har Digi Vestland (1 av 2), minst har"
                        + " Digi Møre og Romsdal (0 av 2).",
                html.selectFirst("#graf-nettverk-sammendrag").text());
        assertEquals(
                List.of("Helse Midt-Norge RHF", "Helse Sør-Øst RHF", "Helse Vest RHF"),
                html.select("#tabell-helseregion tbody th").eachText());
        assertEquals(
                List.of("Buskerud", "Møre og Romsdal", "Vestland"),
                html.select("#tabell-fylke tbody th").eachText());

        List<String> usage = html.select("#tabell-bruk tbody tr").stream()
                .map(tr -> String.join(" | ", tr.select("th, td").eachText()))
                .toList();
        assertEquals(
                List.of("timebestillinger | mai 2024 | 3 080 | 2 | 10", "timebestillinger | april 2024 | 291 | 1 | 1"),
                usage.stream().map(u -> u.replace('\u00a0', ' ')).toList());
    }

    @Test
    void theNonAdoptersDownloadAsAWorkbookWithCodesAsTextAndAsCsvForNorwegianExcel() throws Exception {
        Response xlsx = given().get("/tall/" + SOLUTION + "/tabeller/ikke-tatt-i-bruk?format=xlsx");
        assertEquals(200, xlsx.statusCode());
        assertEquals(
                "attachment; filename=\"helseplattformen-ikke-tatt-i-bruk.xlsx\"", xlsx.header("Content-Disposition"));
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx.asByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals(4, sheet.getLastRowNum());
            assertEquals("Kommunenummer", sheet.getRow(0).getCell(1).getStringCellValue());
            assertEquals(CellType.STRING, sheet.getRow(1).getCell(1).getCellType());
            assertEquals("Digi Møre og Romsdal", sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals("1508", sheet.getRow(1).getCell(1).getStringCellValue());
            assertEquals("Teknisk tilrettelagt", sheet.getRow(1).getCell(3).getStringCellValue());
        }
        Response csv = given().get("/tall/" + SOLUTION + "/tabeller/dekning-nettverk?format=csv");
        assertEquals(200, csv.statusCode());
        String body = new String(csv.asByteArray(), StandardCharsets.UTF_8);
        assertTrue(body.startsWith("\uFEFFDiginettverk (kode);Diginettverk;Kommuner;"), body);
        assertTrue(body.contains("\r\ndigi-vestland;Digi Vestland;2;1;0;1;0;0;291000;308000;94,5%\r\n"), body);

        Pages.Shown refused = Pages.get(null, "/tall/" + SOLUTION + "/tabeller/ikke-tatt-i-bruk?format=xls");
        assertEquals(400, refused.status());
    }

    @Test
    void aMunicipalitysHistoryIsAPageAndADownload() throws Exception {
        Pages.Shown page = Pages.get(null, "/tall/" + SOLUTION + "/kommuner/4602");
        assertEquals(200, page.status());
        assertEquals(
                "Helseplattformen i Kinn", page.html().selectFirst("main h1").text());
        assertEquals(
                List.of("1. mars 2024", "Bestilt", "4602"),
                page.html()
                        .select("#historikk tbody tr")
                        .get(0)
                        .select("th, td")
                        .eachText()
                        .subList(0, 3));
        Response xlsx = given().get("/tall/" + SOLUTION + "/kommuner/4602?format=xlsx");
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx.asByteArray()))) {
            assertEquals("Kinn", workbook.getSheetAt(0).getRow(1).getCell(1).getStringCellValue());
        }
        assertEquals(
                404, Pages.get(null, "/tall/" + SOLUTION + "/kommuner/9999").status());
    }

    @Test
    void theCataloguesLinkLeadsToTheDashboard() {
        Pages.Shown moved = Pages.get(null, "/tall/losninger/" + SOLUTION);
        assertEquals(301, moved.status());
        assertEquals(404, Pages.get(null, "/tall/losninger/ukjent").status());
    }

    @Test
    void anUnknownSolutionIsTheNorwegianNotFoundPage() {
        Pages.Shown page = Pages.get(null, "/tall/helse-plattformen");
        assertEquals(404, page.status());
        assertEquals("Vi finner ikke siden", page.html().selectFirst("main h1").text());
    }

    @Test
    void theApiTablesDownloadByFormatAndTheAcceptFormStaysAsItWas() throws Exception {
        Response xlsx =
                reader().get("/api/v1/adoption/" + SOLUTION + "/non-adopters?format=xlsx&network=digi-vestland");
        assertEquals(200, xlsx.statusCode(), xlsx.asString());
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx.asByteArray()))) {
            assertEquals(1, workbook.getSheetAt(0).getLastRowNum(), "only Digi Vestland's");
            assertEquals("4602", workbook.getSheetAt(0).getRow(1).getCell(1).getStringCellValue());
        }
        String comma = reader().get("/api/v1/adoption/" + SOLUTION + "/coverage?groupBy=COUNTY&format=csv-comma")
                .then()
                .statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"helseplattformen-dekning-fylke.csv\"")
                .extract()
                .asString();
        assertTrue(comma.startsWith("Fylkesnummer,Fylke,Kommuner,"), comma);
        assertTrue(comma.contains("\r\n46,Vestland,2,1,0,1,0,0,291000,308000,0.9448\r\n"), comma);
        String legacy = reader().accept("text/csv")
                .get("/api/v1/adoption/" + SOLUTION + "/non-adopters")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(legacy.startsWith("network,kommunenummer,name,level"), legacy);
        String usage = reader().get(
                        "/api/v1/adoption/" + SOLUTION + "/usage?metric=timebestillinger&period=2024-05&format=csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(usage.contains("4601;Bergen;timebestillinger;2024-05;2910;291000;10\r\n"), usage);
    }

    @Test
    void filtersAreStrict() {
        reader().get("/api/v1/adoption/" + SOLUTION + "/non-adopters?network=digi-vestland")
                .then()
                .statusCode(200)
                .body("count", equalTo(1))
                .body("of", equalTo(2))
                .body("byNetwork.network", contains("digi-vestland"));
        reader().get("/api/v1/adoption/" + SOLUTION + "/non-adopters?network=vestland")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("network"))
                .body("allowed", hasItem("digi-vestland"));
        reader().get("/api/v1/adoption/" + SOLUTION + "/coverage?format=xls")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("format"))
                .body("allowed", contains("xlsx", "csv", "csv-comma"));
    }
}
