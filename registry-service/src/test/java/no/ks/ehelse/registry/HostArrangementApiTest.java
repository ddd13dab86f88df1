package no.ks.ehelse.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.ks.ehelse.localstack.EventContract;
import no.ks.ehelse.localstack.EventProbe;
import no.ks.ehelse.localstack.TestTokens;

/**
 * Host municipality arrangements (vertskommune): recorded, corrected and ended by an admin, each change announced on
 * {@code registry.host-arrangements.v1}; ending keeps the arrangement as history; a partner has one host per solution
 * on any day; a municipality and a network read only those of their municipalities.
 */
@QuarkusTest
class HostArrangementApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final String admin = TestTokens.forRole("admin");

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    // Trøndelag: Stjørdal (5035) as host for Meråker (5034) and Frosta (5036), as a Værnesregionen-like cooperation.
    private static final String VAERNES = """
            {"name": "Vertskommunesamarbeid e-helse (test)", "host": "5035", "partners": ["5034", "5036"],
             "allSolutions": false, "solutions": ["vkp", "digihelse"], "validFrom": "2025-01-01"}""";

    @Test
    void anAdminRecordsCorrectsAndEndsAnArrangementWhichStaysAsHistory() {
        String id;
        try (EventProbe probe = EventProbe.open(bootstrap(), "registry.host-arrangements.v1")) {
            id = given().auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body(VAERNES)
                    .post("/api/v1/host-arrangements")
                    .then()
                    .statusCode(201)
                    .body("host.kommunenummer", equalTo("5035"))
                    .body("host.name", equalTo("Stjørdal"))
                    .body("partners.kommunenummer", contains("5034", "5036"))
                    .body("solutions", contains("digihelse", "vkp"))
                    .body("status", equalTo("ACTIVE"))
                    .extract()
                    .path("id");
            var registered = probe.await(r -> id.equals(r.key()), WAIT);
            EventContract.assertValid(registered.value());
            assertEquals("no.ks.ehelse.host-arrangement.registered.v1", registered.type());
            assertEquals("5035", registered.value().at("/data/host").asText());
            assertEquals(2, registered.value().at("/data/partners").size());
        }
        try (EventProbe probe = EventProbe.open(bootstrap(), "registry.host-arrangements.v1")) {
            given().auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body(VAERNES.replace("\"5036\"]", "\"5036\", \"5037\"]"))
                    .put("/api/v1/host-arrangements/" + id)
                    .then()
                    .statusCode(200)
                    .body("partners.kommunenummer", contains("5034", "5036", "5037"));
            var changed = probe.await(r -> id.equals(r.key()), WAIT);
            EventContract.assertValid(changed.value());
            assertEquals("no.ks.ehelse.host-arrangement.changed.v1", changed.type());
        }
        try (EventProbe probe = EventProbe.open(bootstrap(), "registry.host-arrangements.v1")) {
            given().auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body("{\"validTo\": \"2025-12-31\", \"reason\": \"Samarbeidet er avviklet\"}")
                    .post("/api/v1/host-arrangements/" + id + "/end")
                    .then()
                    .statusCode(200)
                    .body("validTo", equalTo("2025-12-31"))
                    .body("endReason", equalTo("Samarbeidet er avviklet"));
            var ended = probe.await(r -> id.equals(r.key()), WAIT);
            EventContract.assertValid(ended.value());
            assertEquals("no.ks.ehelse.host-arrangement.ended.v1", ended.type());
            assertEquals("2025-12-31", ended.value().at("/data/validTo").asText());
        }
        // History: still there, and in force on a day within its period only.
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/host-arrangements?kommunenummer=5034")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/host-arrangements?kommunenummer=5034&validOn=2025-06-01")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/host-arrangements?kommunenummer=5034&validOn=2026-01-01")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
        // An ended arrangement is not changed or ended again; a new one is recorded (the partners are free again).
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(VAERNES)
                .put("/api/v1/host-arrangements/" + id)
                .then()
                .statusCode(409)
                .body("type", containsString("arrangement-ended"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"validTo\": \"2025-12-31\", \"reason\": \"igjen\"}")
                .post("/api/v1/host-arrangements/" + id + "/end")
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(VAERNES.replace("2025-01-01", "2026-01-01"))
                .post("/api/v1/host-arrangements")
                .then()
                .statusCode(201);
    }

    @Test
    void aPartnerHasOneHostPerSolutionOnAnyDay() {
        String first = given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("""
                        {"name": "Vertskommune Sunnhordland (test)", "host": "4614", "partners": ["4615"],
                         "allSolutions": true, "validFrom": "2025-01-01"}""")
                .post("/api/v1/host-arrangements")
                .then()
                .statusCode(201)
                .body("allSolutions", equalTo(true))
                .extract()
                .path("id");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("""
                        {"name": "Annen vertskommune (test)", "host": "4613", "partners": ["4616", "4615"],
                         "allSolutions": false, "solutions": ["vkp"], "validFrom": "2026-01-01"}""")
                .post("/api/v1/host-arrangements")
                .then()
                .statusCode(409)
                .body("type", containsString("partner-already-hosted"))
                .body("partner", equalTo("4615"))
                .body("arrangement", equalTo(first));
        // Before the first one starts there is room.
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("""
                        {"name": "Tidligere vertskommune (test)", "host": "4613", "partners": ["4615"],
                         "allSolutions": false, "solutions": ["vkp"], "validFrom": "2024-01-01",
                         "validTo": "2024-12-31"}""")
                .post("/api/v1/host-arrangements")
                .then()
                .statusCode(201)
                .body("status", equalTo("ENDED"))
                .body("endReason", nullValue());
    }

    @Test
    void aBadArrangementIsRefusedNamingEachField() {
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("""
                        {"name": "Feil", "host": "9999", "partners": ["4601", "4601", "3005"],
                         "allSolutions": true, "solutions": ["vkp"], "validFrom": "2025-01-01",
                         "validTo": "2024-01-01"}""")
                .post("/api/v1/host-arrangements")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("host", "partners[1]", "partners[2]", "solutions", "validTo"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("""
                        {"name": "Feil", "host": "4601", "partners": ["4601"], "allSolutions": false,
                         "solutions": [], "validFrom": "2025-01-01"}""")
                .post("/api/v1/host-arrangements")
                .then()
                .statusCode(400)
                .body("violations.field", contains("partners[0]", "solutions"))
                .body("violations[0].message", containsString("host itself"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"host\": \"46\", \"partners\": []}")
                .post("/api/v1/host-arrangements")
                .then()
                .statusCode(400)
                .body("violations.field", hasItems("name", "host", "partners", "allSolutions", "validFrom"));
    }

    @Test
    void aMunicipalityAndANetworkReadOnlyArrangementsOfTheirMunicipalities() {
        String id = given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("""
                        {"name": "Vertskommune Kvinnherad (test)", "host": "4617", "partners": ["4618"],
                         "allSolutions": false, "solutions": ["vkp"], "validFrom": "2025-01-01"}""")
                .post("/api/v1/host-arrangements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String vestland = TestTokens.forRole("network", Map.of("network", "digi-vestland"));
        String rogaland = TestTokens.forRole("network", Map.of("network", "digi-rogaland"));
        given().auth()
                .oauth2(vestland)
                .get("/api/v1/host-arrangements/" + id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(rogaland)
                .get("/api/v1/host-arrangements/" + id)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(vestland)
                .get("/api/v1/host-arrangements")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        var rogalandsList = given().auth()
                .oauth2(rogaland)
                .get("/api/v1/host-arrangements")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id");
        assertTrue(!rogalandsList.contains(id), "another network's list leaves it out");

        String partner = TestTokens.forRole("municipality", Map.of("kommunenummer", "4618"));
        String other = TestTokens.forRole("municipality", Map.of("kommunenummer", "4601"));
        given().auth()
                .oauth2(partner)
                .get("/api/v1/host-arrangements/" + id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(other)
                .get("/api/v1/host-arrangements/" + id)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(other)
                .get("/api/v1/host-arrangements?kommunenummer=4618")
                .then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        given().auth()
                .oauth2(vestland)
                .contentType(ContentType.JSON)
                .body("{\"validTo\": \"2025-12-31\", \"reason\": \"Nettverket kan ikke avslutte\"}")
                .post("/api/v1/host-arrangements/" + id + "/end")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.forRole("nhn"))
                .get("/api/v1/host-arrangements")
                .then()
                .statusCode(403);
    }
}
