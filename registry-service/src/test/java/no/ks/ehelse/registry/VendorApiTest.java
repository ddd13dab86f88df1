package no.ks.ehelse.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/**
 * EPJ and welfare-technology vendors as reference data: the seeded vendors, admin registration and replacement with
 * the solutions their products support, a municipality's vendor references, and the events on
 * {@code registry.vendors.v1} and {@code registry.municipalities.v1}.
 */
@QuarkusTest
class VendorApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final String admin = TestTokens.forRole("admin");
    private final String reader = TestTokens.forRole("reader");

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    @Test
    void theSeedsVendorsAreListedWithWhatTheySupportAndOnTheCompactedTopic() {
        given().auth()
                .oauth2(reader)
                .get("/api/v1/vendors?kind=EPJ&size=50")
                .then()
                .statusCode(200)
                .body("items.code", hasItems("visma", "cgm", "infodoc", "dips"))
                .body("items.code", not(hasItem("careium")));
        given().auth()
                .oauth2(reader)
                .get("/api/v1/vendors?solution=digihelsestasjon")
                .then()
                .statusCode(200)
                .body("items.code", contains("cgm", "infodoc", "visma"));
        given().auth()
                .oauth2(reader)
                .get("/api/v1/vendors/visma")
                .then()
                .statusCode(200)
                .body("name", equalTo("Visma"))
                .body("supports[0].solution", equalTo("digihelsestasjon"))
                .body("supports[0].product", equalTo("HsPro"))
                .body("supports[0].from", equalTo("2024-09-10"));
        given().auth()
                .oauth2(reader)
                .get("/api/v1/vendors?kind=WELFARE_TECHNOLOGY")
                .then()
                .statusCode(200)
                .body("items.code", contains("careium", "dignio", "netnordic"));
        try (EventProbe probe = EventProbe.openFromBeginning(bootstrap(), "registry.vendors.v1")) {
            Map<String, EventProbe.Received> latest = new HashMap<>();
            probe.await(
                    r -> {
                        latest.put(r.key(), r);
                        return latest.containsKey("cgm") && latest.containsKey("careium");
                    },
                    WAIT);
            EventContract.assertValid(latest.get("cgm").value());
            EventContract.assertValid(latest.get("careium").value());
            assertEquals(
                    "2024-09-17",
                    latest.get("cgm").value().at("/data/supports/0/from").asText());
        }
    }

    @Test
    void anAdminRegistersAndReplacesAVendorAndEachChangeIsAnnounced() {
        try (EventProbe probe = EventProbe.open(bootstrap(), "registry.vendors.v1")) {
            given().auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body("""
                            {"code": "testvakt", "name": "Testvakt AS", "kind": "WELFARE_TECHNOLOGY",
                             "supports": [{"solution": "vkp", "product": "Trygghetsalarm", "from": "2026-03-01"}]}""")
                    .post("/api/v1/vendors")
                    .then()
                    .statusCode(201)
                    .header("Location", endsWith("/api/v1/vendors/testvakt"))
                    .body("supports[0].product", equalTo("Trygghetsalarm"));
            var registered = probe.await(r -> "testvakt".equals(r.key()), WAIT);
            EventContract.assertValid(registered.value());
            assertEquals("no.ks.ehelse.vendor.registered.v1", registered.type());
            assertEquals(
                    "vkp", registered.value().at("/data/supports/0/solution").asText());
        }
        try (EventProbe probe = EventProbe.open(bootstrap(), "registry.vendors.v1")) {
            given().auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body("""
                            {"code": "testvakt", "name": "Testvakt Norge AS", "kind": "WELFARE_TECHNOLOGY",
                             "supports": [{"solution": "vkp", "product": "Trygghetsalarm", "from": "2026-03-01"},
                                          {"solution": "htm", "from": "2027-01-01"}]}""")
                    .put("/api/v1/vendors/testvakt")
                    .then()
                    .statusCode(200)
                    .body("name", equalTo("Testvakt Norge AS"))
                    .body("supports.solution", contains("htm", "vkp"));
            var changed = probe.await(r -> "testvakt".equals(r.key()), WAIT);
            EventContract.assertValid(changed.value());
            assertEquals("no.ks.ehelse.vendor.changed.v1", changed.type());
            assertEquals(2, changed.value().at("/data/supports").size());
        }
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"code\": \"testvakt\", \"name\": \"Dobbel\", \"kind\": \"EPJ\"}")
                .post("/api/v1/vendors")
                .then()
                .statusCode(409);
    }

    @Test
    void aBadVendorIsRefusedNamingTheField() {
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("""
                        {"code": "feil", "name": "Feil AS", "kind": "EPJ",
                         "supports": [{"solution": "finnes-ikke", "from": "2026-01-01"}]}""")
                .post("/api/v1/vendors")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("supports[0].solution"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("""
                        {"code": "feil", "name": "Feil AS", "kind": "EPJ",
                         "supports": [{"solution": "vkp", "from": "2026-01-01"}, {"solution": "vkp", "from": "2027-01-01"}]}""")
                .post("/api/v1/vendors")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("supports[1]"))
                .body("violations[0].message", containsString("twice"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"code\": \"feil\", \"name\": \"Feil AS\", \"kind\": \"JOURNAL\"}")
                .post("/api/v1/vendors")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("kind"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(
                        "{\"code\": \"Feil AS\", \"name\": \"\", \"kind\": \"EPJ\", \"supports\": [{\"solution\": \"vkp\"}]}")
                .post("/api/v1/vendors")
                .then()
                .statusCode(400)
                .body("violations.field", hasItems("code", "name", "supports[0].from"));
        given().auth().oauth2(admin).get("/api/v1/vendors/feil").then().statusCode(404);
        given().auth().oauth2(reader).get("/api/v1/vendors?kind=ANNET").then().statusCode(400);
    }

    @Test
    void aMunicipalitysVendorsAreReferencesBesideTheFreeTextAndAreAnnounced() {
        try (EventProbe probe = EventProbe.open(bootstrap(), "registry.municipalities.v1")) {
            given().auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body("{\"vendors\": [\"cgm\", \"careium\"], \"epjVendor\": \"CGM Journal\"}")
                    .patch("/api/v1/municipalities/1806")
                    .then()
                    .statusCode(200)
                    .body("vendors", contains("careium", "cgm"))
                    .body("epjVendor", equalTo("CGM Journal"));
            var changed = probe.await(r -> "1806".equals(r.key()), WAIT);
            EventContract.assertValid(changed.value());
            assertEquals("careium", changed.value().at("/data/vendors/0").asText());
            assertEquals("CGM Journal", changed.value().at("/data/epjVendor").asText());
        }
        given().auth()
                .oauth2(reader)
                .get("/api/v1/municipalities?vendor=cgm")
                .then()
                .statusCode(200)
                .body("items.kommunenummer", hasItem("1806"));
        given().auth()
                .oauth2(reader)
                .get("/api/v1/municipalities?vendor=ukjent")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("vendor"));
        // Other fields leave the references alone; an unknown or repeated code changes nothing.
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"population\": 21000, \"populationDate\": \"2025-01-01\"}")
                .patch("/api/v1/municipalities/1806")
                .then()
                .statusCode(200)
                .body("vendors", contains("careium", "cgm"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"vendors\": [\"cgm\", \"ukjent\", \"cgm\"]}")
                .patch("/api/v1/municipalities/1806")
                .then()
                .statusCode(400)
                .body("violations.field", contains("vendors[1]", "vendors[2]"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"vendors\": []}")
                .patch("/api/v1/municipalities/1806")
                .then()
                .statusCode(200)
                .body("vendors", empty());
    }
}
