package no.ks.ehelse.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
        try (EventProbe probe = EventProbe.openFromBeginning(bootstrap(), "registry.municipalities.v1",
                "registry.solutions.v1", "registry.contacts.v1")) {
            Map<String, EventProbe.Received> latest = new HashMap<>();
            probe.await(r -> {
                latest.put(r.topic() + "/" + r.key(), r);
                return latest.keySet().stream().filter(k -> k.startsWith("registry.municipalities")).count() >= 835
                        && latest.containsKey("registry.solutions.v1/kjernejournal")
                        && latest.containsKey("registry.contacts.v1/digi-vestland");
            }, Duration.ofSeconds(60));
            EventProbe.Received drammen = latest.get("registry.municipalities.v1/3005");
            EventContract.assertValid(drammen.value());
            assertEquals("3301", drammen.value().at("/data/successors/0/kommunenummer").asText());
            EventContract.assertValid(latest.get("registry.solutions.v1/kjernejournal").value());
            EventProbe.Received contacts = latest.get("registry.contacts.v1/digi-vestland");
            EventContract.assertValid(contacts.value());
            assertTrue(contacts.value().at("/data/contacts/0/email").asText().endsWith(".example"));
        }
    }

    @Test
    void aCorrectionAnnouncesTheWholeNewState() {
        try (EventProbe probe = EventProbe.open(bootstrap(), "registry.municipalities.v1")) {
            given().auth().oauth2(TestTokens.forRole("admin")).contentType(ContentType.JSON)
                    .body("{\"population\": 291000, \"populationDate\": \"2025-01-01\", \"epjVendor\": \"DIPS\"}")
                    .patch("/api/v1/municipalities/4601")
                    .then().statusCode(200).body("population", equalTo(291000)).body("epjVendor", equalTo("DIPS"));
            var event = probe.await(r -> "4601".equals(r.key()), Duration.ofSeconds(20));
            EventContract.assertValid(event.value());
            assertEquals("no.ks.ehelse.municipality.changed.v1", event.type());
            assertEquals(291000, event.value().at("/data/population").asInt());
            assertEquals("digi-vestland", event.value().at("/data/network").asText());
        }
    }

    @Test
    void aMergeEndsThePredecessorsAndRegistersTheNewNumber() {
        String body = """
                {"type": "MERGED", "effectiveDate": "2030-01-01", "predecessors": ["1811", "1812"],
                 "successors": [{"kommunenummer": "1899", "name": "Testkysten", "population": 2500,
                                 "populationDate": "2030-01-01", "network": "digi-nordland",
                                 "healthRegion": "helse-nord"}]}""";
        try (EventProbe probe = EventProbe.open(bootstrap(), "registry.municipalities.v1")) {
            given().auth().oauth2(TestTokens.forRole("admin")).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/municipalities/changes").then().statusCode(201);
            var merged = probe.await(r -> "1811".equals(r.key()), Duration.ofSeconds(20));
            EventContract.assertValid(merged.value());
            assertEquals("no.ks.ehelse.municipality.merged.v1", merged.type());
            assertEquals("2029-12-31", merged.value().at("/data/validTo").asText());
            assertEquals("1899", merged.value().at("/data/successors/0/kommunenummer").asText());
            var registered = probe.await(r -> "1899".equals(r.key()), Duration.ofSeconds(20));
            EventContract.assertValid(registered.value());
            assertEquals("no.ks.ehelse.municipality.registered.v1", registered.type());
            assertEquals(2, registered.value().at("/data/predecessors").size());
        }
        // Until 2030 both are still the municipalities of today.
        given().auth().oauth2(TestTokens.forRole("reader")).get("/api/v1/municipalities/1811")
                .then().statusCode(200).body("current", equalTo(true)).body("validTo", equalTo("2029-12-31"));
        given().auth().oauth2(TestTokens.forRole("reader")).get("/api/v1/municipalities?validOn=2030-06-01&network=digi-nordland&namePrefix=Test")
                .then().statusCode(200).body("items[0].kommunenummer", equalTo("1899"));
    }

    @Test
    void aChangeWithTheWrongShapeNamesWhatIsWrong() {
        given().auth().oauth2(TestTokens.forRole("admin")).contentType(ContentType.JSON)
                .body("{\"type\": \"SPLIT\", \"effectiveDate\": \"2030-01-01\", \"predecessors\": [\"1813\"],"
                        + " \"successors\": [{\"kommunenummer\": \"1898\", \"name\": \"Halv\"}]}")
                .post("/api/v1/municipalities/changes").then().statusCode(400)
                .body("violations[0].field", equalTo("type"));
        given().auth().oauth2(TestTokens.forRole("admin")).contentType(ContentType.JSON)
                .body("{\"type\": \"RENUMBERED\", \"effectiveDate\": \"2030-01-01\", \"predecessors\": [\"3005\"],"
                        + " \"successors\": [{\"kommunenummer\": \"3399\", \"name\": \"Drammen\", \"network\": \"digi-viken\","
                        + " \"healthRegion\": \"helse-sor-ost\"}]}")
                .post("/api/v1/municipalities/changes").then().statusCode(400)
                .body("violations[0].field", equalTo("predecessors[0]"));
        given().auth().oauth2(TestTokens.forRole("admin")).contentType(ContentType.JSON)
                .body("{\"type\": \"MERGE\", \"effectiveDate\": \"2030-13-01\", \"predecessors\": [\"18\"]}")
                .post("/api/v1/municipalities/changes").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRole("lead")).contentType(ContentType.JSON)
                .body("{\"type\": \"RENUMBERED\"}").post("/api/v1/municipalities/changes").then().statusCode(403);
    }

    @Test
    void contactChangesAnnounceTheOwnersWholeList() {
        try (EventProbe probe = EventProbe.open(bootstrap(), "registry.contacts.v1")) {
            given().auth().oauth2(TestTokens.forRole("admin")).contentType(ContentType.JSON)
                    .body("{\"role\": \"EPJ_SYSTEM_OWNER\", \"name\": \"Systemeier EPJ\", \"email\": \"epj@tynset.kommune.example\"}")
                    .post("/api/v1/municipalities/3427/contacts").then().statusCode(201);
            var event = probe.await(r -> "3427".equals(r.key()), Duration.ofSeconds(20));
            EventContract.assertValid(event.value());
            assertEquals("epj@tynset.kommune.example", event.value().at("/data/contacts/0/email").asText());
        }
    }

    @Test
    void anAdminCanRepublishEverything() {
        try (EventProbe probe = EventProbe.open(bootstrap(), "registry.solutions.v1")) {
            given().auth().oauth2(TestTokens.forRole("admin")).post("/api/v1/admin/republish")
                    .then().statusCode(200).body("municipalities", greaterThanOrEqualTo(835))
                    .body("solutions", greaterThanOrEqualTo(17)).body("contactLists", greaterThanOrEqualTo(11));
            probe.await(r -> "vkp".equals(r.key()), Duration.ofSeconds(30));
        }
        given().auth().oauth2(TestTokens.forRole("reader")).post("/api/v1/admin/republish").then().statusCode(403);
    }
}
