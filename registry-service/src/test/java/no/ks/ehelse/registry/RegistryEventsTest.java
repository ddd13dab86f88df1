package no.ks.ehelse.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import no.ks.ehelse.localstack.EventContract;
import no.ks.ehelse.localstack.EventProbe;
import no.ks.ehelse.localstack.TestTokens;

/** Each registry write announces itself, schema-valid, and the compacted topics hold the whole registry. */
@QuarkusTest
class RegistryEventsTest {

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    @Test
    void theFirstStartPutsTheWholeRegistryOnItsCompactedTopics() {
        try (EventProbe probe = EventProbe.openFromBeginning(
                bootstrap(), "registry.municipalities.v1", "registry.solutions.v1", "registry.contacts.v1")) {
            Map<String, EventProbe.Received> latest = new HashMap<>();
            probe.await(
                    r -> {
                        latest.put(r.topic() + "/" + r.key(), r);
                        return latest.keySet().stream()
                                                .filter(k -> k.startsWith("registry.municipalities"))
                                                .count()
                                        >= 835
                                && latest.containsKey("registry.solutions.v1/kjernejournal")
                                && latest.containsKey("registry.contacts.v1/digi-vestland");
                    },
                    Duration.ofSeconds(60));
            EventProbe.Received drammen = latest.get("registry.municipalities.v1/3005");
            EventContract.assertValid(drammen.value());
            assertEquals(
                    "3301",
                    drammen.value().at("/data/successors/0/kommunenummer").asText());
            EventContract.assertValid(
                    latest.get("registry.solutions.v1/kjernejournal").value());
            EventProbe.Received contacts = latest.get("registry.contacts.v1/digi-vestland");
            EventContract.assertValid(contacts.value());
            assertTrue(contacts.value().at("/data/contacts/0/email").asText().endsWith(".example"));
        }
    }

    @Test
    void aCorrectionAnnouncesTheWholeNewState() {
        try (EventProbe probe = EventProbe.open(bootstrap(), "registry.municipalities.v1")) {
            given().auth()
                    .oauth2(TestTokens.forRole("admin"))
                    .contentType(ContentType.JSON)
                    .body("{\"population\": 291000, \"populationDate\": \"2025-01-01\", \"epjVendor\": \"DIPS\"}")
                    .patch("/api/v1/municipalities/4601")
                    .then()
                    .statusCode(200)
                    .body("population", equalTo(291000))
                    .body("epjVendor", equalTo("DIPS"));
            var event = probe.await(r -> "4601".equals(r.key()), Duration.ofSeconds(20));
            EventContract.assertValid(event.value());
            assertEquals("no.ks.ehelse.municipality.changed.v1", event.type());
            assertEquals(291000, event.value().at("/data/population").asInt());
            assertEquals("digi-vestland", event.value().at("/data/network").asText());
        }
    }

    @Test
    void aMunicipalitysMaalformIsBokmaalUntilCorrectedAndTheCorrectionIsAnnounced() {
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .get("/api/v1/municipalities/4640")
                .then()
                .statusCode(200)
                .body("language", equalTo("BOKMAL"));
        try (EventProbe probe = EventProbe.open(bootstrap(), "registry.municipalities.v1")) {
            given().auth()
                    .oauth2(TestTokens.forRole("admin"))
                    .contentType(ContentType.JSON)
                    .body("{\"language\": \"NYNORSK\"}")
                    .patch("/api/v1/municipalities/4640")
                    .then()
                    .statusCode(200)
                    .body("language", equalTo("NYNORSK"));
            var event = probe.await(r -> "4640".equals(r.key()), Duration.ofSeconds(20));
            EventContract.assertValid(event.value());
            assertEquals("no.ks.ehelse.municipality.changed.v1", event.type());
            assertEquals("NYNORSK", event.value().at("/data/language").asText());
        }
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("{\"language\": \"SAMISK\"}")
                .patch("/api/v1/municipalities/4640")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("language"));
    }

    @Test
    void aMergeEndsThePredecessorsAndRegistersTheNewNumber() {
        String body = """
                {"type": "MERGED", "effectiveDate": "2030-01-01", "predecessors": ["1811", "1812"],
                 "successors": [{"kommunenummer": "1899", "name": "Testkysten", "population": 2500,
                                 "populationDate": "2030-01-01", "network": "digi-nordland",
                                 "healthRegion": "helse-nord"}]}""";
        try (EventProbe probe = EventProbe.open(bootstrap(), "registry.municipalities.v1")) {
            given().auth()
                    .oauth2(TestTokens.forRole("admin"))
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/municipalities/changes")
                    .then()
                    .statusCode(201);
            var merged = probe.await(r -> "1811".equals(r.key()), Duration.ofSeconds(20));
            EventContract.assertValid(merged.value());
            assertEquals("no.ks.ehelse.municipality.merged.v1", merged.type());
            assertEquals("2029-12-31", merged.value().at("/data/validTo").asText());
            assertEquals(
                    "1899",
                    merged.value().at("/data/successors/0/kommunenummer").asText());
            var registered = probe.await(r -> "1899".equals(r.key()), Duration.ofSeconds(20));
            EventContract.assertValid(registered.value());
            assertEquals("no.ks.ehelse.municipality.registered.v1", registered.type());
            assertEquals(2, registered.value().at("/data/predecessors").size());
        }
        // Until 2030 both are still the municipalities of today.
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/municipalities/1811")
                .then()
                .statusCode(200)
                .body("current", equalTo(true))
                .body("validTo", equalTo("2029-12-31"));
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/municipalities?validOn=2030-06-01&network=digi-nordland&namePrefix=Test")
                .then()
                .statusCode(200)
                .body("items[0].kommunenummer", equalTo("1899"));
    }

    @Test
    void aChangeWithTheWrongShapeNamesWhatIsWrong() {
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("{\"type\": \"SPLIT\", \"effectiveDate\": \"2030-01-01\", \"predecessors\": [\"1813\"],"
                        + " \"successors\": [{\"kommunenummer\": \"1898\", \"name\": \"Halv\"}]}")
                .post("/api/v1/municipalities/changes")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("type"));
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("{\"type\": \"RENUMBERED\", \"effectiveDate\": \"2030-01-01\", \"predecessors\": [\"3005\"],"
                        + " \"successors\": [{\"kommunenummer\": \"3399\", \"name\": \"Drammen\", \"network\": \"digi-viken\","
                        + " \"healthRegion\": \"helse-sor-ost\"}]}")
                .post("/api/v1/municipalities/changes")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("predecessors[0]"));
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("{\"type\": \"MERGE\", \"effectiveDate\": \"2030-13-01\", \"predecessors\": [\"18\"]}")
                .post("/api/v1/municipalities/changes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.forRole("lead"))
                .contentType(ContentType.JSON)
                .body("{\"type\": \"RENUMBERED\"}")
                .post("/api/v1/municipalities/changes")
                .then()
                .statusCode(403);
    }

    @Test
    void aSplitEndsTheNumberAndRegistersEachPartWithItsPredecessor() {
        String body = """
                {"type": "SPLIT", "effectiveDate": "2031-01-01", "predecessors": ["1815"],
                 "successors": [{"kommunenummer": "1896", "name": "Vegaøyan", "population": 700,
                                 "populationDate": "2031-01-01", "network": "digi-nordland", "healthRegion": "helse-nord"},
                                {"kommunenummer": "1897", "name": "Ytre Vega", "population": 508,
                                 "populationDate": "2031-01-01", "network": "digi-nordland", "healthRegion": "helse-nord"}]}""";
        try (EventProbe probe = EventProbe.open(bootstrap(), "registry.municipalities.v1")) {
            given().auth()
                    .oauth2(TestTokens.forRole("admin"))
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/municipalities/changes")
                    .then()
                    .statusCode(201)
                    .body("kommunenummer", contains("1815", "1896", "1897"))
                    .body("[0].validTo", equalTo("2030-12-31"))
                    .body("[0].current", equalTo(false))
                    .body("[0].successors.kommunenummer", containsInAnyOrder("1896", "1897"))
                    .body("[0].successors.changeType", everyItem(equalTo("SPLIT")))
                    .body("[1].predecessors.kommunenummer", contains("1815"))
                    .body("[2].predecessors.kommunenummer", contains("1815"));

            var split = probe.await(r -> "1815".equals(r.key()), Duration.ofSeconds(20));
            EventContract.assertValid(split.value());
            assertEquals("no.ks.ehelse.municipality.split.v1", split.type());
            assertEquals("2030-12-31", split.value().at("/data/validTo").asText());
            JsonNode successors = split.value().at("/data/successors");
            assertEquals(
                    Set.of("1896", "1897"),
                    Set.of(
                            successors.at("/0/kommunenummer").asText(),
                            successors.at("/1/kommunenummer").asText()));
            assertEquals(2, successors.size());
            for (JsonNode link : successors) {
                assertEquals("SPLIT", link.path("changeType").asText());
                assertEquals("2031-01-01", link.path("effectiveDate").asText());
            }
            for (String part : List.of("1896", "1897")) {
                var registered = probe.await(r -> part.equals(r.key()), Duration.ofSeconds(20));
                EventContract.assertValid(registered.value());
                assertEquals("no.ks.ehelse.municipality.registered.v1", registered.type());
                assertEquals(
                        "2031-01-01", registered.value().at("/data/validFrom").asText());
                assertEquals("18", registered.value().at("/data/county").asText());
                assertEquals(
                        "digi-nordland", registered.value().at("/data/network").asText());
                assertEquals(1, registered.value().at("/data/predecessors").size());
                assertEquals(
                        "1815",
                        registered
                                .value()
                                .at("/data/predecessors/0/kommunenummer")
                                .asText());
                assertEquals(
                        "SPLIT",
                        registered.value().at("/data/predecessors/0/changeType").asText());
            }
        }
        // Until 2031 Vega is still a municipality of today; the parts exist already, with what they came from.
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/municipalities/1815")
                .then()
                .statusCode(200)
                .body("current", equalTo(true))
                .body("validTo", equalTo("2030-12-31"));
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/municipalities/1897")
                .then()
                .statusCode(200)
                .body("name", equalTo("Ytre Vega"))
                .body("validFrom", equalTo("2031-01-01"))
                .body("predecessors.kommunenummer", contains("1815"))
                .body("predecessors[0].changeType", equalTo("SPLIT"));
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/municipalities?validOn=2031-06-01&county=18&namePrefix=Ve")
                .then()
                .statusCode(200)
                .body("items.kommunenummer", hasItem("1896"))
                .body("items.kommunenummer", not(hasItem("1815")));
    }

    @Test
    void aSplitThatCannotBeRecordedNamesTheFieldAtFaultAndChangesNothing() {
        String part = """
                {"kommunenummer": "%s", "name": "%s", "network": "%s", "healthRegion": "helse-nord"}""";
        String split = """
                {"type": "SPLIT", "effectiveDate": "2031-01-01", "predecessors": ["%s"], "successors": [%s]}""";
        try (EventProbe probe = EventProbe.open(bootstrap(), "registry.municipalities.v1")) {
            refused(split.formatted("1816", part.formatted("1894", "Indre Vevelstad", "digi-nordland")), "type");
            refused(
                            split.formatted(
                                    "1890",
                                    part.formatted("1894", "Indre Vevelstad", "digi-nordland") + ","
                                            + part.formatted("1893", "Ytre Vevelstad", "digi-nordland")),
                            "predecessors[0]")
                    .body("detail", equalTo("predecessors[0]: 1890 is not a municipality valid on 2030-12-31"));
            refused(
                    split.formatted(
                            "1816",
                            part.formatted("1894", "Indre Vevelstad", "digi-nordland") + ","
                                    + part.formatted("1893", " ", "digi-nordland")),
                    "successors[1].name");
            refused(
                    split.formatted(
                            "1816",
                            part.formatted("1894", "Indre Vevelstad", "digi-nordland") + ","
                                    + part.formatted("1893", "Ytre Vevelstad", "digi-atlantis")),
                    "successors[1].network");
            refused(
                    split.formatted(
                            "1816",
                            part.formatted("1816", "Vevelstad", "digi-nordland") + ","
                                    + part.formatted("1893", "Ytre Vevelstad", "digi-nordland")),
                    "successors[0].kommunenummer");

            // Nothing of the refused splits was kept: the first part was not stored, Vevelstad did not end ...
            given().auth()
                    .oauth2(TestTokens.forRole("reader"))
                    .get("/api/v1/municipalities/1894")
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(TestTokens.forRole("reader"))
                    .get("/api/v1/municipalities/1816")
                    .then()
                    .statusCode(200)
                    .body("validTo", nullValue())
                    .body("predecessors", hasSize(0));
            // ... and nothing was announced: the first event of Vevelstad's key is this later correction.
            given().auth()
                    .oauth2(TestTokens.forRole("admin"))
                    .contentType(ContentType.JSON)
                    .body("{\"epjVendor\": \"Testleverandør\"}")
                    .patch("/api/v1/municipalities/1816")
                    .then()
                    .statusCode(200);
            var first = probe.await(
                    r -> "1816".equals(r.key()) || "1894".equals(r.key()) || "1893".equals(r.key()),
                    Duration.ofSeconds(20));
            assertEquals("1816", first.key());
            assertEquals("no.ks.ehelse.municipality.changed.v1", first.type());
            assertEquals("Testleverandør", first.value().at("/data/epjVendor").asText());
        }
    }

    private static ValidatableResponse refused(String body, String field) {
        return given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/municipalities/changes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:no:ks:ehelse:problem:validation"))
                .body("violations.field", contains(field));
    }

    @Test
    void contactChangesAnnounceTheOwnersWholeList() {
        try (EventProbe probe = EventProbe.open(bootstrap(), "registry.contacts.v1")) {
            given().auth()
                    .oauth2(TestTokens.forRole("admin"))
                    .contentType(ContentType.JSON)
                    .body(
                            "{\"role\": \"EPJ_SYSTEM_OWNER\", \"name\": \"Systemeier EPJ\", \"email\": \"epj@tynset.kommune.example\"}")
                    .post("/api/v1/municipalities/3427/contacts")
                    .then()
                    .statusCode(201);
            var event = probe.await(r -> "3427".equals(r.key()), Duration.ofSeconds(20));
            EventContract.assertValid(event.value());
            assertEquals(
                    "epj@tynset.kommune.example",
                    event.value().at("/data/contacts/0/email").asText());
        }
    }

    @Test
    void anAdminCanRepublishEverything() {
        try (EventProbe probe = EventProbe.open(bootstrap(), "registry.solutions.v1")) {
            given().auth()
                    .oauth2(TestTokens.forRole("admin"))
                    .post("/api/v1/admin/republish")
                    .then()
                    .statusCode(200)
                    .body("municipalities", greaterThanOrEqualTo(835))
                    .body("solutions", greaterThanOrEqualTo(17))
                    .body("contactLists", greaterThanOrEqualTo(11));
            probe.await(r -> "vkp".equals(r.key()), Duration.ofSeconds(30));
        }
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .post("/api/v1/admin/republish")
                .then()
                .statusCode(403);
    }
}
