package no.ks.ehelse.enrollment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import no.ks.ehelse.enrollment.domain.AdoptionLevel;
import no.ks.ehelse.enrollment.domain.ConfirmationReceipt;
import no.ks.ehelse.enrollment.domain.ContactRoles;
import no.ks.ehelse.enrollment.domain.MunicipalityProjection;
import no.ks.ehelse.enrollment.domain.SolutionProjection;
import no.ks.ehelse.enrollment.domain.VendorProjection;
import no.ks.ehelse.localstack.EventProbe;
import no.ks.ehelse.localstack.Pages;
import no.ks.ehelse.localstack.TestEvents;
import no.ks.ehelse.localstack.TestTokens;

/**
 * The worklist, readiness and invite next on a constructed network (digi-arbeid, fictitious numbers 99xx), fed
 * as the other services feed this one: the registry's municipalities, solutions, vendors and contacts,
 * adoption-stats' levels and notification-service's receipts on Kafka; tracks and enrollments over the API.
 *
 * <ul>
 *   <li>9901 Arbeidvik (Visma, all contacts): enrolled in the wl-basis track, behind plan, a prerequisite overdue,
 *       its confirmation escalated;
 *   <li>9902 Bakkebygd (CGM, only an e-health contact): TECHNICALLY_READY on wl-basis since 2024-04-01;
 *   <li>9903 Dalheim (no vendor, an empty contact list);
 *   <li>9904 Fjordnes (Visma, all contacts): ORDERED on wl-basis since 2023-06-01, ORDERED on wl-hoved;
 *   <li>9905 Granli (Visma, all contacts): ACTIVE on wl-basis, TECHNICALLY_READY on wl-hoved: ready for wl-hoved;
 *   <li>9906 Hagen, in another network, as ready as Granli.
 * </ul>
 *
 * wl-hoved requires wl-basis; Visma supports wl-hoved from 2024-01-01, CGM from 2025-01-01.
 */
@QuarkusTest
class WorklistTest {

    private static final LocalDate TODAY = LocalDate.parse("2024-05-01");
    private static final String NETWORK = "digi-arbeid";
    private static String basisTrack;
    private static String hovedTrack;
    private static String arbeidvikEnrollment;

    private static String network(String code) {
        return TestTokens.forRole("network", Map.of("network", code));
    }

    @BeforeEach
    void theNetworkIsKnown() {
        TestClock.set(TODAY);
        if (basisTrack != null) {
            return;
        }
        TestRegistry.load();
        Map<String, String> municipalities = new LinkedHashMap<>();
        municipalities.put("9901", municipality("9901", "Arbeidvik", NETWORK, "[\"visma\"]"));
        municipalities.put("9902", municipality("9902", "Bakkebygd", NETWORK, "[\"cgm\"]"));
        municipalities.put("9903", municipality("9903", "Dalheim", NETWORK, "[]"));
        municipalities.put("9904", municipality("9904", "Fjordnes", NETWORK, "[\"visma\"]"));
        municipalities.put("9905", municipality("9905", "Granli", NETWORK, "[\"visma\"]"));
        municipalities.put("9906", municipality("9906", "Hagen", "digi-annet", "[\"visma\"]"));
        TestEvents.sendAll(TestSolutions.bootstrap(), "registry.municipalities.v1", municipalities);
        TestRegistry.send("registry.solutions.v1", "wl-basis", solution("wl-basis", "Basisløsning", "[]"));
        TestRegistry.send("registry.solutions.v1", "wl-hoved", solution("wl-hoved", "Hovedløsning", "[\"wl-basis\"]"));
        TestRegistry.send(
                "registry.vendors.v1",
                "visma",
                TestRegistry.vendor(
                        "visma",
                        "Visma",
                        "EPJ",
                        "[{\"solution\": \"wl-hoved\", \"product\": \"HsPro\", \"from\": \"2024-01-01\"}]"));
        TestRegistry.send(
                "registry.vendors.v1",
                "cgm",
                TestRegistry.vendor(
                        "cgm",
                        "CGM",
                        "EPJ",
                        "[{\"solution\": \"wl-hoved\", \"product\": null, \"from\": \"2025-01-01\"}]"));
        contacts("9901", "EHEALTH_CONTACT", "HELSEID_ORDERER");
        contacts("9902", "EHEALTH_CONTACT");
        contacts("9903");
        contacts("9904", "EHEALTH_CONTACT", "HELSEID_ORDERER", "IT_CONTACT");
        contacts("9905", "EHEALTH_CONTACT", "HELSEID_ORDERER");
        contacts("9906", "EHEALTH_CONTACT", "HELSEID_ORDERER");
        level("9902", "wl-basis", "TECHNICALLY_READY", "2024-04-01");
        level("9904", "wl-basis", "ORDERED", "2023-06-01");
        level("9904", "wl-hoved", "ORDERED", "2024-04-01");
        level("9905", "wl-basis", "ACTIVE", "2024-02-01");
        level("9905", "wl-hoved", "TECHNICALLY_READY", "2024-04-15");
        level("9906", "wl-basis", "ACTIVE", "2024-02-01");
        level("9906", "wl-hoved", "TECHNICALLY_READY", "2024-04-15");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> {
                    MunicipalityProjection hagen = MunicipalityProjection.findById("9906");
                    SolutionProjection hoved = SolutionProjection.findById("wl-hoved");
                    VendorProjection cgm = VendorProjection.findById("cgm");
                    return hagen != null
                            && hoved != null
                            && hoved.requires.equals(List.of("wl-basis"))
                            && cgm != null
                            && !cgm.supports.isEmpty()
                            && ContactRoles.count("kommunenummer LIKE '99%'") == 6
                            && AdoptionLevel.count("kommunenummer LIKE '99%'") == 7;
                }));

        basisTrack = openTrack("""
                {"solution": "wl-basis", "name": "Basisløsning – pulje 1", "registrationDeadline": "2024-06-30",
                 "phases": [{"phase": "ANCHOR_AND_PREPARE", "ends": "2024-04-20"}, {"phase": "CARRY_OUT"}],
                 "prerequisites": [{"id": "epj-api", "category": "TECHNICAL", "description": "API kjøpt fra EPJ-leverandør",
                                    "dueDate": "2024-04-25"},
                                   {"id": "ressurser", "category": "ADMINISTRATIVE", "description": "Ressurser satt av",
                                    "dueDate": "2024-06-01"}]}""");
        hovedTrack = openTrack("""
                {"solution": "wl-hoved", "name": "Hovedløsning – Visma", "vendor": "visma",
                 "registrationDeadline": "2024-07-31",
                 "prerequisites": [{"id": "api", "category": "TECHNICAL", "description": "API bestilt"}]}""");
        arbeidvikEnrollment = Tracks.enroll(basisTrack, Tracks.admin(), "9901")
                .statusCode(201)
                .extract()
                .path("id");
        acknowledgement(
                "no.ks.ehelse.notification.acknowledgement-escalated.v1", arbeidvikEnrollment, "9901", "2024-04-28");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ConfirmationReceipt.findById(UUID.fromString(arbeidvikEnrollment)) != null));
    }

    @Test
    void eachRulePutsTheMunicipalitiesItConcernsOnTheListMostUrgentFirst() {
        JsonPath list = worklist(network(NETWORK));
        Set<String> items = items(list);

        assertTrue(items.contains("9901 behind-plan wl-basis"), items::toString);
        assertTrue(items.contains("9901 prerequisite-overdue wl-basis"), items::toString);
        assertTrue(items.contains("9901 confirmation-unacknowledged wl-basis"), items::toString);
        // Not enrolled in an open track it could join: not live, not enrolled, the track's vendor among its own.
        assertTrue(items.contains("9902 not-enrolled wl-basis"), items::toString);
        assertTrue(items.contains("9903 not-enrolled wl-basis"), items::toString);
        assertTrue(items.contains("9904 not-enrolled wl-basis"), items::toString);
        assertFalse(items.contains("9905 not-enrolled wl-basis"), "live by NHN's data: " + items);
        assertFalse(items.contains("9901 not-enrolled wl-basis"), "enrolled: " + items);
        assertTrue(items.contains("9901 not-enrolled wl-hoved"), items::toString);
        assertTrue(items.contains("9904 not-enrolled wl-hoved"), items::toString);
        assertTrue(items.contains("9905 not-enrolled wl-hoved"), items::toString);
        assertFalse(items.contains("9902 not-enrolled wl-hoved"), "CGM, the track is Visma's: " + items);
        assertFalse(items.contains("9903 not-enrolled wl-hoved"), "no vendor in the registry: " + items);
        // Contacts.
        assertTrue(items.contains("9902 no-helseid-orderer -"), items::toString);
        assertFalse(items.contains("9902 no-ehealth-contact -"), items::toString);
        assertTrue(items.contains("9903 no-contact -"), items::toString);
        assertFalse(items.contains("9904 no-contact -"), items::toString);
        // NHN's level ORDERED for more than six months without ACTIVE; TECHNICALLY_READY for one month is not.
        assertTrue(items.contains("9904 nhn-level-stalled wl-basis"), items::toString);
        assertFalse(items.contains("9904 nhn-level-stalled wl-hoved"), items::toString);
        assertFalse(items.contains("9902 nhn-level-stalled wl-basis"), items::toString);
        assertFalse(items.stream().anyMatch(i -> i.startsWith("9906")), "Hagen is in another network: " + items);

        List<Map<String, Object>> all = list.getList("items");
        Map<String, Object> behind = find(all, "9901", "behind-plan");
        assertEquals("2024-04-21", behind.get("since"));
        assertEquals(arbeidvikEnrollment, behind.get("enrollmentId"));
        assertTrue(((String) behind.get("fixUrl")).endsWith("/pameldinger/" + arbeidvikEnrollment), behind::toString);
        assertTrue(((String) behind.get("why")).contains("Forankre og forberede"), behind::toString);
        Map<String, Object> prerequisite = find(all, "9901", "prerequisite-overdue");
        assertTrue(((String) prerequisite.get("why")).contains("API kjøpt fra EPJ-leverandør"), prerequisite::toString);
        assertFalse(((String) prerequisite.get("why")).contains("Ressurser"), "not due yet: " + prerequisite);
        assertTrue(((String) find(all, "9903", "no-contact").get("fixUrl")).endsWith("/kontakter/9903"));
        assertTrue(((String) find(all, "9904", "nhn-level-stalled").get("fixUrl"))
                .endsWith("/tall/wl-basis/kommuner/9904"));
        assertEquals("2023-06-01", find(all, "9904", "nhn-level-stalled").get("since"));
        assertTrue(((String) find(all, "9902", "not-enrolled").get("fixUrl")).endsWith("/kommuner/9902"));

        List<String> order = List.of(
                "behind-plan",
                "prerequisite-overdue",
                "confirmation-unacknowledged",
                "not-enrolled",
                "no-contact",
                "no-ehealth-contact",
                "no-helseid-orderer",
                "nhn-level-stalled");
        List<Integer> ranks =
                all.stream().map(i -> order.indexOf((String) i.get("reason"))).toList();
        for (int i = 1; i < ranks.size(); i++) {
            assertTrue(ranks.get(i - 1) <= ranks.get(i), "sorted by urgency: " + ranks);
        }
    }

    @Test
    void anAcknowledgementTakesTheConfirmationOffTheList() {
        // A municipality of its own (no vendor, so it joins no vendor track), so the other tests' lists stay as set up.
        TestRegistry.send("registry.municipalities.v1", "9907", municipality("9907", "Innvik", NETWORK, "[]"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> MunicipalityProjection.findById("9907") != null));
        String enrollment = Tracks.enroll(basisTrack, Tracks.admin(), "9907")
                .statusCode(201)
                .extract()
                .path("id");
        acknowledgement("no.ks.ehelse.notification.acknowledgement-escalated.v1", enrollment, "9907", "2024-04-29");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> items(worklist(network(NETWORK)))
                .contains("9907 confirmation-unacknowledged wl-basis"));
        acknowledgement("no.ks.ehelse.notification.enrollment-acknowledged.v1", enrollment, "9907", "2024-04-30");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !items(worklist(network(NETWORK)))
                .contains("9907 confirmation-unacknowledged wl-basis"));
        assertFalse(items(worklist(network(NETWORK))).contains("9907 not-enrolled wl-basis"), "enrolled now");
    }

    @Test
    void aNetworkReadsOnlyItsOwnListAndUnknownValuesAreNamed() {
        given().auth().oauth2(network("digi-annet")).get(path()).then().statusCode(403);
        given().auth().oauth2(Tracks.municipality("9901")).get(path()).then().statusCode(403);
        given().auth().oauth2(TestTokens.forRole("reader")).get(path()).then().statusCode(200);
        given().auth()
                .oauth2(Tracks.admin())
                .get("/api/v1/networks/digi-ukjent/worklist")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("network"))
                .body("allowed", hasItem(NETWORK));
        given().auth()
                .oauth2(network(NETWORK))
                .queryParam("format", "pdf")
                .get(path())
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("format"))
                .body("allowed", hasItem("xlsx"));
    }

    @Test
    void theListDownloadsAsCsvAndXlsx() {
        String csv = given().auth()
                .oauth2(network(NETWORK))
                .queryParam("format", "csv")
                .get(path())
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("arbeidsliste-digi-arbeid.csv"))
                .extract()
                .asString();
        assertTrue(csv.startsWith("\uFEFFKommunenummer;Kommune;Årsak;Hvorfor;Siden;Løsning;Rettes her"), csv);
        assertTrue(csv.contains("9903;Dalheim;no-contact;"), csv);
        byte[] xlsx = given().auth()
                .oauth2(network(NETWORK))
                .queryParam("format", "xlsx")
                .get(path())
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertTrue(xlsx.length > 100 && xlsx[0] == 'P' && xlsx[1] == 'K', "an xlsx is a zip");
    }

    @Test
    void aVendorTrackTakesOnlyItsVendorsMunicipalitiesAndNamesKnownVendors() {
        given().auth()
                .oauth2(Tracks.admin())
                .contentType(ContentType.JSON)
                .body("""
                        {"solution": "wl-hoved", "name": "Hovedløsning – ukjent", "vendor": "ukjent-leverandor",
                         "registrationDeadline": "2024-07-31"}""")
                .post("/api/v1/tracks")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("vendor"))
                .body("allowed", hasItem("visma"));
        Tracks.enroll(hovedTrack, Tracks.municipality("9902"), "9902")
                .statusCode(409)
                .body("type", containsString("vendor-mismatch"))
                .body("vendor", equalTo("visma"))
                .body("vendors", hasItem("cgm"));
        Tracks.enroll(hovedTrack, Tracks.admin(), "9903")
                .statusCode(409)
                .body("type", containsString("vendor-mismatch"));
    }

    @Test
    void readinessExplainsEveryItemAndFollowsTheSolutionsItRequires() {
        JsonPath granli = readiness(network(NETWORK), "9905", "wl-hoved");
        assertTrue(granli.getBoolean("ready"), granli.prettify());
        assertEquals(
                List.of("nhn-level", "prerequisites", "contacts", "vendor-support", "required-solutions"),
                granli.getList("items.check"));
        assertTrue(granli.getString("items.find { it.check == 'vendor-support' }.reason")
                .contains("Visma"));
        assertEquals("2024-01-01", granli.getString("items.find { it.check == 'vendor-support' }.since"));

        JsonPath fjordnes = readiness(network(NETWORK), "9904", "wl-hoved");
        assertFalse(fjordnes.getBoolean("ready"));
        assertFalse(fjordnes.getBoolean("items.find { it.check == 'required-solutions' }.met"));
        assertTrue(fjordnes.getString("items.find { it.check == 'required-solutions' }.reason")
                .contains("Basisløsning"));
        assertTrue(fjordnes.getBoolean("items.find { it.check == 'nhn-level' }.met"));

        JsonPath bakkebygd = readiness(Tracks.municipality("9902"), "9902", "wl-hoved");
        assertFalse(bakkebygd.getBoolean("items.find { it.check == 'vendor-support' }.met"));
        assertTrue(bakkebygd
                .getString("items.find { it.check == 'vendor-support' }.reason")
                .contains("01.01.2025"));
        assertFalse(bakkebygd.getBoolean("items.find { it.check == 'contacts' }.met"));
        assertTrue(bakkebygd
                .getString("items.find { it.check == 'contacts' }.reason")
                .contains("HelseID"));
        assertFalse(bakkebygd.getBoolean("items.find { it.check == 'nhn-level' }.met"));

        // An older report than the held level is history only (as in adoption-stats' ledger).
        level("9902", "wl-basis", "ORDERED", "2024-03-01");
        level("9902", "wl-hoved", "ORDERED", "2024-04-20");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> readiness(Tracks.admin(), "9902", "wl-hoved")
                .getBoolean("items.find { it.check == 'nhn-level' }.met"));
        assertTrue(readiness(Tracks.admin(), "9902", "wl-basis")
                .getString("items.find { it.check == 'nhn-level' }.reason")
                .contains("teknisk klar"));

        JsonPath arbeidvik = readiness(Tracks.admin(), "9901", "wl-basis");
        assertFalse(arbeidvik.getBoolean("items.find { it.check == 'prerequisites' }.met"));
        assertTrue(arbeidvik
                .getString("items.find { it.check == 'prerequisites' }.reason")
                .contains("Ressurser"));

        given().auth()
                .oauth2(network(NETWORK))
                .get("/api/v1/readiness/9906/wl-hoved")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tracks.municipality("9901"))
                .get("/api/v1/readiness/9905/wl-hoved")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tracks.admin())
                .get("/api/v1/readiness/9905/ukjent")
                .then()
                .statusCode(404);
    }

    @Test
    void inviteNextListsTheReadyMunicipalitiesThatCouldJoin() {
        List<String> ofNetwork = given().auth()
                .oauth2(network(NETWORK))
                .get("/api/v1/tracks/" + hovedTrack + "/invite-next")
                .then()
                .statusCode(200)
                .extract()
                .path("kommunenummer");
        assertEquals(List.of("9905"), ofNetwork);
        List<String> everywhere = given().auth()
                .oauth2(Tracks.admin())
                .get("/api/v1/tracks/" + hovedTrack + "/invite-next")
                .then()
                .statusCode(200)
                .extract()
                .path("kommunenummer");
        assertTrue(everywhere.containsAll(List.of("9905", "9906")), everywhere::toString);
        given().auth()
                .oauth2(network(NETWORK))
                .queryParam("network", "digi-annet")
                .get("/api/v1/tracks/" + hovedTrack + "/invite-next")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tracks.municipality("9905"))
                .get("/api/v1/tracks/" + hovedTrack + "/invite-next")
                .then()
                .statusCode(403);
    }

    @Test
    void theWorklistPageShowsTheCountsTheItemsAndWhomToInviteNext() {
        Pages.Shown page = Pages.get(network(NETWORK), "/nettverk/" + NETWORK + "/arbeidsliste");
        assertEquals(200, page.status(), page.html().toString());
        org.jsoup.nodes.Document html = page.html();
        assertEquals("Arbeidsliste", html.selectFirst("h1").text());
        assertTrue(html.select("#antall li[data-reason=no-contact]").text().startsWith("Ingen kontaktpersoner: "));
        org.jsoup.nodes.Element stalled = html.select("#arbeidsliste tr[data-reason=nhn-level-stalled]").stream()
                .filter(tr -> tr.text().contains("Fjordnes"))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError(html.select("#arbeidsliste").toString()));
        assertTrue(stalled.text().contains("01.06.2023"), stalled::text);
        assertTrue(stalled.selectFirst("a").attr("href").endsWith("/tall/wl-basis/kommuner/9904"));
        org.jsoup.nodes.Element invite = html.getElementById("inviter-" + hovedTrack);
        assertTrue(invite.text().contains("Granli (9905)"), invite::text);
        assertFalse(invite.text().contains("Hagen"), invite::text);
        assertEquals(
                403,
                Pages.get(network("digi-annet"), "/nettverk/" + NETWORK + "/arbeidsliste")
                        .status());
        byte[] xlsx = given().auth()
                .oauth2(network(NETWORK))
                .get("/nettverk/" + NETWORK + "/arbeidsliste.xlsx")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertTrue(xlsx[0] == 'P' && xlsx[1] == 'K', "an xlsx is a zip");
    }

    @Test
    void theMunicipalityPageSaysInNorwegianWhyAVendorTrackRefusesIt() {
        Pages.Shown page = Pages.get(Tracks.municipality("9902"), "/kommuner/9902");
        assertEquals(200, page.status());
        var refused = Pages.postElsewhere(
                Tracks.municipality("9902"), page, "/kommuner/9902/pameldinger", "track", hovedTrack);
        assertEquals(409, refused.statusCode());
        String message = Pages.html(refused).getElementById("avvist").text();
        assertTrue(message.contains("Visma") && message.contains("9902"), message);
    }

    @Test
    void poisonRecordsOfTheNewTopicsGoToTheirDeadLetterTopics() {
        try (EventProbe dlq = EventProbe.open(
                TestSolutions.bootstrap(),
                "registry.vendors.v1.dlq",
                "registry.contacts.v1.dlq",
                "notification.acknowledgements.v1.dlq",
                "adoption.events.v1.dlq")) {
            TestRegistry.send(
                    "registry.vendors.v1",
                    "bad-kind",
                    TestRegistry.vendor("bad-kind", "Feil", "EPJ", "[]").replace("\"EPJ\"", "\"OTHER\""));
            TestRegistry.send(
                    "registry.contacts.v1",
                    "no-contacts-field",
                    TestEvents.event(
                                    "urn:no:ks:ehelse:registry",
                                    "no.ks.ehelse.contacts.changed.v1",
                                    "9906",
                                    "{\"kommunenummer\": \"9906\", \"network\": null, \"contacts\": []}")
                            .replace("\"contacts\": []", "\"kontakter\": []"));
            TestRegistry.send("notification.acknowledgements.v1", "broken", "{\"specversion\": \"1.0\", \"id\": ");
            TestRegistry.send(
                    "adoption.events.v1",
                    "bad-level",
                    levelEvent("9901", "wl-basis", "ACTIVE", "2024-04-01").replace("\"ACTIVE\"", "\"LIVE\""));
            var vendor = dlq.await(r -> "bad-kind".equals(r.key()), Duration.ofSeconds(30));
            assertEquals("invalid-value", vendor.headers().get("dead-letter-category"), vendor::toString);
            var contacts = dlq.await(r -> "no-contacts-field".equals(r.key()), Duration.ofSeconds(30));
            assertEquals("missing-field", contacts.headers().get("dead-letter-category"), contacts::toString);
            var ack = dlq.await(r -> "broken".equals(r.key()), Duration.ofSeconds(30));
            assertEquals("malformed", ack.headers().get("dead-letter-category"), ack::toString);
            var level = dlq.await(r -> "bad-level".equals(r.key()), Duration.ofSeconds(30));
            assertEquals("invalid-value", level.headers().get("dead-letter-category"), level::toString);
        }
    }

    private static String path() {
        return "/api/v1/networks/" + NETWORK + "/worklist";
    }

    /**
     * The whole list, every page: beside this test's tracks the module's other tests leave tracks open, each an item
     * per municipality that could join, so the test's items need not all be on the first page.
     */
    private static JsonPath worklist(String token) {
        List<Object> all = new java.util.ArrayList<>();
        int totalPages;
        int page = 0;
        do {
            JsonPath one = given().auth()
                    .oauth2(token)
                    .queryParam("size", 100)
                    .queryParam("page", page)
                    .get(path())
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            all.addAll(one.getList("items"));
            totalPages = one.getInt("totalPages");
            page++;
        } while (page < totalPages);
        try {
            return JsonPath.from(
                    new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("items", all)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonPath readiness(String token, String kommunenummer, String solution) {
        return given().auth()
                .oauth2(token)
                .get("/api/v1/readiness/" + kommunenummer + "/" + solution)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** "kommunenummer reason solution" per item ('-' for an item about no solution), of the test's solutions. */
    private static Set<String> items(JsonPath list) {
        List<Map<String, Object>> all = list.getList("items");
        return all.stream()
                .filter(i -> i.get("solution") == null || ((String) i.get("solution")).startsWith("wl-"))
                .map(i -> i.get("kommunenummer") + " " + i.get("reason") + " "
                        + (i.get("solution") == null ? "-" : i.get("solution")))
                .collect(Collectors.toSet());
    }

    private static Map<String, Object> find(List<Map<String, Object>> all, String kommunenummer, String reason) {
        return all.stream()
                .filter(i -> kommunenummer.equals(i.get("kommunenummer")) && reason.equals(i.get("reason")))
                .filter(i -> i.get("solution") == null || ((String) i.get("solution")).startsWith("wl-"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(kommunenummer + " " + reason + " not in " + all));
    }

    private static String openTrack(String body) {
        String id = given().auth()
                .oauth2(Tracks.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/tracks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(Tracks.admin())
                .contentType(ContentType.JSON)
                .body("{\"status\": \"OPEN\"}")
                .post("/api/v1/tracks/" + id + "/status")
                .then()
                .statusCode(200);
        return id;
    }

    private static String municipality(String number, String name, String network, String vendors) {
        return TestEvents.municipality(number, name, network, "helse-vest", null, null, Map.of())
                .replace("\"epjVendor\": null,", "\"epjVendor\": null, \"vendors\": " + vendors + ",");
    }

    private static String solution(String code, String name, String requires) {
        return TestEvents.event("urn:no:ks:ehelse:registry", "no.ks.ehelse.solution.published.v1", code, """
                {"code": "%s", "name": "%s", "area": "CITIZEN_SERVICES", "owner": "KS", "description": null,
                 "stage": "ROLLOUT", "requires": %s}""".formatted(
                        code, name, requires));
    }

    private static void contacts(String kommunenummer, String... roles) {
        String list = java.util.Arrays.stream(roles)
                .map(role -> """
                        {"id": "%s", "role": "%s", "name": "Test Testesen", "email": "%s@example.test", "phone": null}""".formatted(UUID.randomUUID(), role, role.toLowerCase() + "." + kommunenummer))
                .collect(Collectors.joining(", ", "[", "]"));
        TestRegistry.send(
                "registry.contacts.v1",
                kommunenummer,
                TestEvents.event(
                        "urn:no:ks:ehelse:registry",
                        "no.ks.ehelse.contacts.changed.v1",
                        kommunenummer,
                        "{\"kommunenummer\": \"%s\", \"network\": null, \"contacts\": %s}"
                                .formatted(kommunenummer, list)));
    }

    private static String levelEvent(String kommunenummer, String solution, String level, String since) {
        return TestEvents.event(
                "urn:no:ks:ehelse:adoption",
                "no.ks.ehelse.adoption.level-changed.v1",
                kommunenummer + "/" + solution,
                "{\"kommunenummer\": \"%s\", \"solution\": \"%s\", \"level\": \"%s\", \"effectiveDate\": \"%s\"}"
                        .formatted(kommunenummer, solution, level, since));
    }

    private static void level(String kommunenummer, String solution, String level, String since) {
        TestRegistry.send("adoption.events.v1", kommunenummer, levelEvent(kommunenummer, solution, level, since));
    }

    private static void acknowledgement(String type, String enrollment, String kommunenummer, String day) {
        TestRegistry.send(
                "notification.acknowledgements.v1",
                enrollment,
                TestEvents.event("urn:no:ks:ehelse:notification", type, enrollment, """
                        {"enrollmentId": "%s", "trackId": "%s", "kommunenummer": "%s", "solution": "wl-basis",
                         "requestedAt": "2024-04-20T08:00:00Z", "remindedAt": "2024-04-24T08:00:00Z",
                         "at": "%sT08:00:00Z"}""".formatted(
                                enrollment, basisTrack, kommunenummer, day)));
    }
}
