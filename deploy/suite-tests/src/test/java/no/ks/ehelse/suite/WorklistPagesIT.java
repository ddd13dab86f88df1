package no.ks.ehelse.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import io.restassured.path.json.JsonPath;

/**
 * Issue 19's worklist page in Chromium, as Digi Vestland's e-health contact (persona {@code nett-digi-vestland})
 * sees it: registry-, enrollment- and adoption-stats-service as processes, NHN's Kjernejournal statuses sent
 * through Kafka on nhn.adoption.v1 as in {@link DashboardPagesIT} (the same 85 non-adopters), contacts added in
 * the registry, one open Kjernejournal track. The page's items per reason must be the API's for the same network
 * and the counts the ones worked out by hand below; another network's municipality is not on it, its download is a
 * spreadsheet, and another network's list is the Norwegian 403 page. Prints {@code WORKLIST} lines with the
 * figures for the closing note.
 *
 * <p>Digi Vestland's seven Kjernejournal non-adopters of the seed, as fed here (today = the services' clock):
 *
 * <ul>
 *   <li>4611 Etne: ORDERED 8 months ago (stalled), enrolled in the open track;
 *   <li>4633 Fedje: ORDERED 7 months ago (stalled);
 *   <li>4615 Fitjar: ORDERED 11, TECHNICALLY_READY 9 months ago (stalled);
 *   <li>4617 Kvinnherad: ORDERED 5, TECHNICALLY_READY 2 months ago (not yet stalled), no e-health contact;
 *   <li>4616 Tysnes: ORDERED 1 month ago (not yet stalled);
 *   <li>4628 Vaksdal and 4643 Årdal: nothing from NHN; Vaksdal has no contacts at all.
 * </ul>
 *
 * The other 36 are ACTIVE. Every municipality of the network has an e-health contact and a HelseID orderer except
 * Vaksdal (none), Kvinnherad (HelseID orderer only), Sveio 4612 (e-health contact only) and Bergen 4601 (only the
 * post inbox).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorklistPagesIT {

    private static final String NETWORK = "digi-vestland";
    private static final String OTHER_NETWORK = "digi-agder";
    private static final String PERSONA = "nett-digi-vestland";
    private static final String TRACK = "Kjernejournal i Vestland 2027";
    private static final List<String> REASONS = List.of(
            "behind-plan",
            "prerequisite-overdue",
            "confirmation-unacknowledged",
            "not-enrolled",
            "no-contact",
            "no-ehealth-contact",
            "no-helseid-orderer",
            "nhn-level-stalled");

    /** What the worklist must hold for Digi Vestland, reason by reason, worked out from the set-up above. */
    private static final Map<String, Set<String>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("not-enrolled", Set.of("4633", "4615", "4617", "4616", "4628", "4643"));
        EXPECTED.put("no-contact", Set.of("4628"));
        EXPECTED.put("no-ehealth-contact", Set.of("4601", "4617"));
        EXPECTED.put("no-helseid-orderer", Set.of("4601", "4612"));
        EXPECTED.put("nhn-level-stalled", Set.of("4611", "4633", "4615"));
    }

    /** Ready for Kjernejournal (NHN level, both contact roles) and not enrolled: whom the page says to invite. */
    private static final Set<String> INVITE_NEXT = Set.of("4633", "4615", "4616");

    private static Suite suite;
    private static Browser browser;
    private static String enrollment;
    private static String track;
    private static List<String> vestland;
    private static Map<String, String> names;

    @BeforeAll
    static void start() {
        suite = Suite.start("worklist", List.of("registry-service", "enrollment-service", "adoption-stats-service"));
        enrollment = suite.url("enrollment-service");
        feedNhn();
        addContacts();
        track = suite.openTrack("kjernejournal", TRACK, 20);
        enroll("4611");
        awaitWorklist();
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

    /** Every current municipality ACTIVE except DashboardPagesIT's 85; Digi Vestland's seven as listed above. */
    private static void feedNhn() {
        JsonPath all = suite.admin("adoption-stats-service")
                .get("/api/v1/adoption/kjernejournal/non-adopters")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> every = all.getList("byNetwork.municipalities.flatten().kommunenummer");
        assertEquals(357, every.size());
        vestland = all.getList("byNetwork.find { it.network == '" + NETWORK + "' }.municipalities.kommunenummer");
        names = new TreeMap<>();
        List<String> vestlandNames =
                all.getList("byNetwork.find { it.network == '" + NETWORK + "' }.municipalities.name");
        for (int i = 0; i < vestland.size(); i++) {
            names.put(vestland.get(i), vestlandNames.get(i));
        }
        assertEquals(43, vestland.size(), "Digi Vestland's current municipalities");
        assertTrue(
                vestland.containsAll(List.of("4601", "4612", "4611", "4633", "4615", "4617", "4616", "4628", "4643")));
        assertEquals(
                Set.copyOf(DashboardPagesIT.SEED.get(NETWORK)),
                Set.of("4611", "4633", "4615", "4617", "4616", "4628", "4643"),
                "the seed's Digi Vestland non-adopters");

        Set<String> nonAdopters = new TreeSet<>();
        DashboardPagesIT.SEED.values().forEach(nonAdopters::addAll);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate date = LocalDate.of(2024, 3, 1);
        Nhn nhn = new Nhn("kjernejournal");
        int i = 0;
        for (String k : every) {
            if (!nonAdopters.contains(k)) {
                nhn.status(k, "ORDERED", date.minusMonths(6));
                nhn.status(k, "ACTIVE", date);
            } else if (vestland.contains(k)) {
                switch (k) {
                    case "4611" -> nhn.status(k, "ORDERED", today.minusMonths(8));
                    case "4633" -> nhn.status(k, "ORDERED", today.minusMonths(7));
                    case "4615" -> {
                        nhn.status(k, "ORDERED", today.minusMonths(11));
                        nhn.status(k, "TECHNICALLY_READY", today.minusMonths(9));
                    }
                    case "4617" -> {
                        nhn.status(k, "ORDERED", today.minusMonths(5));
                        nhn.status(k, "TECHNICALLY_READY", today.minusMonths(2));
                    }
                    case "4616" -> nhn.status(k, "ORDERED", today.minusMonths(1));
                    default -> {} // 4628, 4643: nothing from NHN
                }
            } else if (i++ % 3 == 0) {
                nhn.status(k, "TECHNICALLY_READY", date);
            } else if (i % 3 == 0) {
                nhn.status(k, "ORDERED", date);
            }
        }
        nhn.sendTo(suite.bootstrapServers(), Duration.ofSeconds(30));
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

    private static void addContacts() {
        for (String k : vestland) {
            switch (k) {
                case "4628" -> {} // Vaksdal: the registry has nobody
                case "4601" -> contact(k, "GENERAL_INBOX", "Postmottak", "postmottak-" + k);
                case "4617" -> contact(k, "HELSEID_ORDERER", "Bestiller av HelseID", "helseid-" + k);
                case "4612" -> contact(k, "EHEALTH_CONTACT", "Kontaktperson e-helse", "ehelse-" + k);
                default -> {
                    contact(k, "EHEALTH_CONTACT", "Kontaktperson e-helse", "ehelse-" + k);
                    contact(k, "HELSEID_ORDERER", "Bestiller av HelseID", "helseid-" + k);
                }
            }
        }
    }

    private static void contact(String kommunenummer, String role, String name, String local) {
        suite.admin("registry-service")
                .body("""
                        {"role": "%s", "name": "%s", "email": "%s@kommune.example"}""".formatted(role, name, local))
                .post("/api/v1/municipalities/" + kommunenummer + "/contacts")
                .then()
                .statusCode(201);
    }

    /** The municipality signs itself up, once enrollment-service has learned it from the registry. */
    private static void enroll(String kommunenummer) {
        var response = Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> suite.as("enrollment-service", suite.municipality(kommunenummer))
                                .body("{\"kommunenummer\": \"" + kommunenummer + "\"}")
                                .post("/api/v1/tracks/" + track + "/enrollments")
                                .then()
                                .extract(),
                        r -> r.statusCode() != 400);
        assertEquals(201, response.statusCode(), response.body().asString());
        assertEquals("CONFIRMED", response.path("status"));
    }

    private static String networkToken() {
        return suite.oidc.personaToken(PERSONA);
    }

    /** The API's worklist of a network, all of it, as reason → kommunenummer in the API's order. */
    private static List<String[]> apiItems(String token, String network) {
        JsonPath page = suite.as("enrollment-service", token)
                .get("/api/v1/networks/" + network + "/worklist?size=500")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(1, page.getInt("totalPages"));
        List<String> reasons = page.getList("items.reason");
        List<String> numbers = page.getList("items.kommunenummer");
        List<String[]> items = new ArrayList<>();
        for (int i = 0; i < reasons.size(); i++) {
            items.add(new String[] {reasons.get(i), numbers.get(i)});
        }
        return items;
    }

    private static Map<String, Set<String>> byReason(List<String[]> items) {
        Map<String, Set<String>> by = new LinkedHashMap<>();
        for (String[] i : items) {
            by.computeIfAbsent(i[0], r -> new TreeSet<>()).add(i[1]);
        }
        return by;
    }

    /** Until enrollment-service's projections (municipalities, contacts, NHN levels, the track) have caught up. */
    private static void awaitWorklist() {
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        EXPECTED.forEach((r, ks) -> expected.put(r, new TreeSet<>(ks)));
        List<Map<String, Set<String>>> last = new ArrayList<>(List.of(Map.of()));
        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        var r = suite.as("enrollment-service", networkToken())
                                .get("/api/v1/networks/" + NETWORK + "/worklist?size=500")
                                .then()
                                .extract();
                        if (r.statusCode() != 200) {
                            return false;
                        }
                        last.set(0, byReason(apiItems(networkToken(), NETWORK)));
                        return expected.equals(last.get(0));
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "Digi Vestland's worklist never became " + expected + "; last seen " + last.get(0), e);
        }
    }

    /** The page's rows as {reason, kommunenummer, link, since}, in the page's order. */
    private static List<String[]> pageRows() {
        List<String[]> rows = new ArrayList<>();
        Pattern number = Pattern.compile("\\((\\d{4})\\)$");
        for (Object o : (List<?>) browser.page
                .locator("#arbeidsliste tbody tr")
                .evaluateAll("rows => rows.map(r => [r.dataset.reason, r.cells[0].innerText.trim(),"
                        + " r.cells[3].querySelector('a').getAttribute('href'), r.cells[2].innerText.trim()])")) {
            List<?> cells = (List<?>) o;
            Matcher m = number.matcher(String.valueOf(cells.get(1)));
            assertTrue(m.find(), "a kommunenummer in " + cells.get(1));
            rows.add(new String[] {
                String.valueOf(cells.get(0)), m.group(1), String.valueOf(cells.get(2)), String.valueOf(cells.get(3))
            });
        }
        return rows;
    }

    /** The summary's counts: reason → {label, count}. */
    private static Map<String, String[]> pageCounts() {
        Map<String, String[]> counts = new LinkedHashMap<>();
        Pattern line = Pattern.compile("^(.+): (\\d+)$");
        for (Object o : (List<?>) browser.page
                .locator("#antall li[data-reason]")
                .evaluateAll("items => items.map(li => [li.dataset.reason, li.innerText.trim()])")) {
            List<?> item = (List<?>) o;
            Matcher m = line.matcher(String.valueOf(item.get(1)));
            assertTrue(m.matches(), "'label: count' in " + item.get(1));
            counts.put(String.valueOf(item.get(0)), new String[] {m.group(1), m.group(2)});
        }
        return counts;
    }

    @Test
    @Order(1)
    void theNetworksContactSignsInAndTheWorklistShowsTheApisItemsWithTheCountsWorkedOutByHand() {
        browser.open(enrollment + "/nettverk/" + NETWORK + "/arbeidsliste");
        browser.signInAs(PERSONA, enrollment);
        assertEquals(enrollment + "/nettverk/" + NETWORK + "/arbeidsliste", browser.page.url());
        assertEquals("Arbeidsliste", browser.page.locator("main h1").innerText());
        assertTrue(browser.page.locator(".eh-user").innerText().contains("Kontaktperson e-helse Digi Vestland"));
        browser.check("arbeidsliste-digi-vestland");

        // The page holds the API's items, in the API's order (most urgent first).
        List<String[]> rows = pageRows();
        List<String[]> api = apiItems(networkToken(), NETWORK);
        assertEquals(
                api.stream().map(i -> i[0] + "/" + i[1]).toList(),
                rows.stream().map(r -> r[0] + "/" + r[1]).toList(),
                "the page's items are the API's, in its order");
        assertEquals(
                REASONS.stream()
                        .filter(r -> rows.stream().anyMatch(x -> x[0].equals(r)))
                        .toList(),
                rows.stream().map(r -> r[0]).distinct().toList(),
                "sorted by urgency");

        // Per reason: the municipalities and the counts of the summary, as worked out by hand.
        Map<String, Set<String>> shown = byReason(rows);
        Map<String, String[]> counts = pageCounts();
        for (String reason : REASONS) {
            Set<String> expected = EXPECTED.getOrDefault(reason, Set.of());
            assertEquals(new TreeSet<>(expected), shown.getOrDefault(reason, new TreeSet<>()), reason);
            if (expected.isEmpty()) {
                assertFalse(counts.containsKey(reason), "no count for " + reason + " with nothing in it");
            } else {
                assertEquals(String.valueOf(expected.size()), counts.get(reason)[1], "the count of " + reason);
            }
        }
        assertEquals(14, rows.size());

        // Each item links to where it is fixed; NHN's stalled levels give the day they took effect.
        for (String[] r : rows) {
            String path =
                    switch (r[0]) {
                        case "not-enrolled" -> "/kommuner/" + r[1];
                        case "no-contact", "no-ehealth-contact", "no-helseid-orderer" -> "/kontakter/" + r[1];
                        case "nhn-level-stalled" -> "/tall/kjernejournal/kommuner/" + r[1];
                        default -> throw new AssertionError("unexpected reason " + r[0]);
                    };
            assertTrue(r[2].endsWith(path), r[0] + " of " + r[1] + " links to " + r[2]);
        }
        String vaksdal =
                rows.stream().filter(r -> r[0].equals("no-contact")).findFirst().orElseThrow()[3];
        assertEquals("Ukjent", vaksdal, "the registry never announced contacts for Vaksdal");
        assertTrue(
                rows.stream()
                        .filter(r -> r[0].equals("nhn-level-stalled"))
                        .allMatch(r -> r[3].matches("\\d{1,2}\\. \\p{L}+ \\d{4}")),
                "the stalled levels' days in Norwegian");

        // Invite next: the same as the API's for the open track, and the three worked out by hand.
        List<String> invited = browser.page.locator("#inviter-" + track + " li").allInnerTexts().stream()
                .map(t -> t.replaceAll(".*\\((\\d{4})\\)$", "$1"))
                .toList();
        List<String> apiInvited = suite.as("enrollment-service", networkToken())
                .get("/api/v1/tracks/" + track + "/invite-next?network=" + NETWORK)
                .then()
                .statusCode(200)
                .extract()
                .path("kommunenummer");
        assertEquals(new TreeSet<>(apiInvited), new TreeSet<>(invited));
        assertEquals(new TreeSet<>(INVITE_NEXT), new TreeSet<>(invited));

        for (String reason : REASONS) {
            String[] count = counts.get(reason);
            System.out.println("WORKLIST " + NETWORK + " " + reason + " " + (count == null ? "0" : count[1])
                    + (count == null ? "" : " «" + count[0] + "»")
                    + (count == null
                            ? ""
                            : ": "
                                    + String.join(
                                            ", ",
                                            rows.stream()
                                                    .filter(r -> r[0].equals(reason))
                                                    .map(r -> r[1] + " " + names.get(r[1]))
                                                    .toList())));
        }
    }

    @Test
    @Order(2)
    void aMunicipalityOfAnotherNetworkIsNotOnTheList() {
        // Agder's 4218 is on Agder's list (no contacts, not enrolled) ...
        Set<String> agder = new TreeSet<>();
        apiItems(suite.token("reader", Map.of()), OTHER_NETWORK).forEach(i -> agder.add(i[1]));
        assertTrue(agder.contains("4218"), "Agder's list: " + agder);
        // ... and on neither Digi Vestland's page nor its API answer, which hold only Vestland's municipalities.
        browser.open(enrollment + "/nettverk/" + NETWORK + "/arbeidsliste");
        List<String[]> rows = pageRows();
        assertFalse(rows.isEmpty());
        assertTrue(rows.stream().noneMatch(r -> r[1].equals("4218")));
        assertFalse(browser.page.locator("main").innerText().contains("4218"));
        assertTrue(vestland.containsAll(rows.stream().map(r -> r[1]).toList()), "only Vestland's municipalities");
        assertTrue(apiItems(networkToken(), NETWORK).stream().noneMatch(i -> i[1].equals("4218")));
    }

    @Test
    @Order(3)
    void theDownloadLinkGivesTheListAsASpreadsheetAndTheApiAsCsv() throws Exception {
        browser.open(enrollment + "/nettverk/" + NETWORK + "/arbeidsliste");
        Locator link = browser.page.locator("a[href$='/arbeidsliste.xlsx']");
        assertEquals("Last ned arbeidslisten som regneark (xlsx)", link.innerText());
        Download download = browser.page.waitForDownload(link::click);
        assertNull(download.failure());
        assertEquals("arbeidsliste-" + NETWORK + ".xlsx", download.suggestedFilename());

        // The same address with the browser's session, to see the answer's status and type.
        APIResponse xlsx = browser.page.request().get(enrollment + link.getAttribute("href"));
        assertEquals(200, xlsx.status());
        assertEquals(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                xlsx.headers().get("content-type"));
        List<String[]> api = apiItems(networkToken(), NETWORK);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            int header = -1;
            for (int r = 0; r <= sheet.getLastRowNum() && header < 0; r++) {
                if (sheet.getRow(r) != null
                        && "Kommunenummer".equals(sheet.getRow(r).getCell(0).getStringCellValue())) {
                    header = r;
                }
            }
            assertTrue(header >= 0, "a header row");
            List<String> numbers = new ArrayList<>();
            for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
                numbers.add(sheet.getRow(r).getCell(0).getStringCellValue());
            }
            assertEquals(api.stream().map(i -> i[1]).toList(), numbers, "the spreadsheet's rows are the list's");
        }

        var csv = suite.as("enrollment-service", networkToken())
                .get("/api/v1/networks/" + NETWORK + "/worklist?format=csv")
                .then()
                .statusCode(200)
                .extract();
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        String text = new String(csv.asByteArray(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        assertTrue(lines.get(0).startsWith("Kommunenummer"), lines.get(0));
        assertEquals(api.size() + 1, lines.size(), "a header and one line per item");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("4628")), "Vaksdal in the csv");
    }

    @Test
    @Order(4)
    void anotherNetworksWorklistIsTheNorwegian403Page() {
        Response response = browser.open(enrollment + "/nettverk/" + OTHER_NETWORK + "/arbeidsliste");
        assertEquals(403, response.status());
        assertEquals(
                "Du har ikke tilgang til denne siden",
                browser.page.locator("h1").innerText());
        assertEquals("nb", browser.page.locator("html").getAttribute("lang"));
        // It says whose list this is, not the municipality pages' rule.
        assertTrue(
                browser.page
                        .locator("main")
                        .innerText()
                        .contains("arbeidsliste kan bare nettverkets egen kontaktperson e-helse"),
                browser.page.locator("main").innerText());
        assertFalse(browser.page.locator("main").innerText().contains("4218"));
        browser.check("arbeidsliste-ingen-tilgang");
        assertEquals(
                403,
                browser.page
                        .request()
                        .get(enrollment + "/nettverk/" + OTHER_NETWORK + "/arbeidsliste.xlsx")
                        .status());
        suite.as("enrollment-service", networkToken())
                .get("/api/v1/networks/" + OTHER_NETWORK + "/worklist")
                .then()
                .statusCode(403);
    }

    @Test
    @Order(5)
    void aNotEnrolledItemLeadsToTheMunicipalitysSignUp() {
        browser.open(enrollment + "/nettverk/" + NETWORK + "/arbeidsliste");
        browser.page
                .locator("tr[data-reason=not-enrolled]", new Page.LocatorOptions().setHasText("(4633)"))
                .locator("a")
                .click();
        browser.page.waitForURL(enrollment + "/kommuner/4633");
        assertEquals(
                names.get("4633") + " kommune", browser.page.locator("main h1").innerText());
        assertTrue(browser.page.locator("main").innerText().contains(TRACK), "the open track to sign up for");
    }
}
