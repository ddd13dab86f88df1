package no.ks.ehelse.suite;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;

/**
 * The seed's slide "Det er 85 kommuner som har ikke tatt i bruk Kjernejournal" rebuilt from NHN's events: the
 * registry and adoption-stats-service as processes, NHN's status reports sent through Kafka on nhn.adoption.v1,
 * then the solution dashboard read in Chromium (axe-core, WCAG 2.1 A/AA) and its download opened with Apache POI.
 * The 85 are the slide's names per Diginettverk, as kommunenummer of 2024.
 */
class DashboardPagesIT {

    /** The slide's non-adopters per Diginettverk (seed 000), by kommunenummer. */
    static final Map<String, List<String>> SEED = new LinkedHashMap<>();

    static {
        SEED.put("digi-nordland", List.of("1839", "1841", "1838", "1866", "1851", "1837", "1806", "1845", "1816"));
        SEED.put(
                "digi-viken",
                List.of(
                        "3124", "3220", "3320", "3324", "3310", "3236", "3318", "3322", "3212", "3232", "3338", "3305",
                        "3336", "3218", "3316"));
        SEED.put(
                "digi-innlandet",
                List.of(
                        "3428", "3425", "3429", "3417", "3432", "3412", "3436", "3414", "3424", "3438", "3415", "3426",
                        "3427", "3419", "3442", "3418"));
        SEED.put("digi-vestfold-og-telemark", List.of("4032", "4024", "4028", "4001", "4022", "4010", "4034"));
        SEED.put("digi-agder", List.of("4218", "4225", "4228"));
        SEED.put("digi-vestland", List.of("4611", "4633", "4615", "4617", "4616", "4628", "4643"));
        SEED.put("digi-trondelag", List.of("5014", "5055", "5031", "5028", "5027", "5021", "5059", "5022", "5029"));
        SEED.put(
                "digi-troms-og-finnmark",
                List.of(
                        "5520", "5626", "5516", "5514", "5610", "5534", "5540", "5624", "5518", "5614", "5524", "5618",
                        "5544", "5622", "5522", "5542", "5538", "5605", "5634"));
    }

    private static Suite suite;
    private static Browser browser;
    private static String adoption;
    private static Set<String> nonAdopters;

    @BeforeAll
    static void start() {
        suite = Suite.start("dashboards", List.of("registry-service", "adoption-stats-service"));
        adoption = suite.url("adoption-stats-service");
        nonAdopters = new TreeSet<>();
        SEED.values().forEach(nonAdopters::addAll);
        assertEquals(85, nonAdopters.size());
        feedNhn();
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

    /**
     * Every current municipality (as adoption-stats knows them, before any report: all non-adopters) ACTIVE except
     * the 85; of those, some TECHNICALLY_READY or ORDERED and the rest never reported, as on the slide.
     */
    private static void feedNhn() {
        List<String> all = suite.admin("adoption-stats-service")
                .get("/api/v1/adoption/kjernejournal/non-adopters")
                .then()
                .statusCode(200)
                .extract()
                .path("byNetwork.municipalities.flatten().kommunenummer");
        assertEquals(357, all.size());
        Nhn nhn = new Nhn("kjernejournal");
        LocalDate date = LocalDate.of(2024, 3, 1);
        int i = 0;
        for (String k : all) {
            if (!nonAdopters.contains(k)) {
                nhn.status(k, "ORDERED", date.minusMonths(6));
                nhn.status(k, "ACTIVE", date);
            } else if (i++ % 3 == 0) {
                nhn.status(k, "TECHNICALLY_READY", date);
            } else if (i % 3 == 0) {
                nhn.status(k, "ORDERED", date);
            }
        }
        nhn.sendTo(suite.kafka.bootstrapServers(), Duration.ofSeconds(30));
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Integer.valueOf(272)
                        .equals(suite.admin("adoption-stats-service")
                                .get("/api/v1/adoption/kjernejournal/coverage")
                                .then()
                                .extract()
                                .path("groups[0].byLevel.ACTIVE")));
    }

    @Test
    void theDashboardShowsThe85AndEachNetworksListAndTheDownloadHoldsTheSameRows() throws Exception {
        assertEquals(200, browser.open(adoption + "/tall/kjernejournal").status());
        assertEquals(
                "85 kommuner har ikke tatt i bruk Kjernejournal i sykehjem og hjemmetjenesten",
                browser.page.locator("main h1").innerText());
        for (Map.Entry<String, List<String>> network : SEED.entrySet()) {
            Locator list = browser.page.locator("[data-network=" + network.getKey() + "] li a");
            List<String> shown = new ArrayList<>();
            for (Object href : (List<?>) list.evaluateAll("links => links.map(a => a.getAttribute('href'))")) {
                String link = String.valueOf(href);
                shown.add(link.substring(link.lastIndexOf('/') + 1));
            }
            assertEquals(
                    new TreeSet<>(network.getValue()), new TreeSet<>(shown), network.getKey() + "'s list on the page");
            assertTrue(
                    browser.page
                            .locator("[data-network=" + network.getKey() + "] h3")
                            .innerText()
                            .endsWith("(" + network.getValue().size() + ")"),
                    network.getKey());
        }
        assertEquals(8, browser.page.locator("[data-network]").count(), "no other network lacks it");
        browser.check("dashboard-kjernejournal");

        byte[] xlsx = given().get(adoption + "/tall/kjernejournal/tabeller/ikke-tatt-i-bruk?format=xlsx")
                .then()
                .statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"kjernejournal-ikke-tatt-i-bruk.xlsx\"")
                .extract()
                .asByteArray();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals("Kommunenummer", sheet.getRow(0).getCell(1).getStringCellValue());
            Set<String> rows = new HashSet<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                assertEquals(CellType.STRING, row.getCell(1).getCellType(), "kommunenummer is text in row " + r);
                rows.add(row.getCell(1).getStringCellValue());
            }
            assertEquals(85, sheet.getLastRowNum());
            assertEquals(nonAdopters, new TreeSet<>(rows));
        }
    }

    @Test
    void aMunicipalityOnTheListLinksToItsHistory() {
        browser.open(adoption + "/tall/kjernejournal");
        browser.page.locator("[data-network=digi-vestland] li a").first().click();
        browser.page.waitForURL("**/tall/kjernejournal/kommuner/*");
        assertTrue(browser.page
                .locator("main h1")
                .innerText()
                .startsWith("Kjernejournal i sykehjem og hjemmetjenesten i "));
        browser.check("dashboard-kjernejournal-historikk");
    }
}
