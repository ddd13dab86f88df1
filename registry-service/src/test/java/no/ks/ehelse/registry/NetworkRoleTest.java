package no.ks.ehelse.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import no.ks.ehelse.localstack.EventContract;
import no.ks.ehelse.localstack.EventProbe;
import no.ks.ehelse.localstack.Pages;
import no.ks.ehelse.localstack.TestTokens;

/**
 * The network role (a Diginettverk's e-health contact) in the registry: it reads its municipalities' contacts with
 * their addresses, adds and corrects them through the API and the contacts page, and is refused (403) for a
 * municipality of another network and for what stays with admins (removing, a network's own list).
 */
@QuarkusTest
class NetworkRoleTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final String vestland = TestTokens.forRole("network", Map.of("network", "digi-vestland"));
    private final String admin = TestTokens.forRole("admin");

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private String addAsAdmin(String kommunenummer, String email) {
        return given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"role\": \"EPJ_SYSTEM_OWNER\", \"name\": \"Systemeier\", \"email\": \"" + email + "\"}")
                .post("/api/v1/municipalities/" + kommunenummer + "/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void theNetworkReadsAddsAndCorrectsItsMunicipalitiesContactsThroughTheApi() {
        String kinns = addAsAdmin("4611", "epj@etne.kommune.example.test");
        given().auth()
                .oauth2(vestland)
                .get("/api/v1/municipalities/4611/contacts")
                .then()
                .statusCode(200)
                .body("items.email", hasItem("epj@etne.kommune.example.test"));
        // Another network's municipality: readable as for every role, but without the addresses.
        String stavangers = addAsAdmin("1103", "epj@stavanger.kommune.example.test");
        given().auth()
                .oauth2(vestland)
                .get("/api/v1/contacts/" + stavangers)
                .then()
                .statusCode(200)
                .body("role", equalTo("EPJ_SYSTEM_OWNER"))
                .body("email", nullValue());
        // Its own network contacts with addresses, another network's without.
        given().auth()
                .oauth2(vestland)
                .get("/api/v1/networks/digi-vestland/contacts")
                .then()
                .statusCode(200)
                .body("items[0].email", equalTo("ehelse@digi-vestland.example"));
        given().auth()
                .oauth2(vestland)
                .get("/api/v1/networks/digi-rogaland/contacts")
                .then()
                .statusCode(200)
                .body("items[0].email", nullValue());

        try (EventProbe probe = EventProbe.open(bootstrap(), "registry.contacts.v1")) {
            given().auth()
                    .oauth2(vestland)
                    .contentType(ContentType.JSON)
                    .body("{\"role\": \"HELSEID_ORDERER\", \"email\": \"helseid@etne.kommune.example.test\"}")
                    .post("/api/v1/municipalities/4611/contacts")
                    .then()
                    .statusCode(201)
                    .body("email", equalTo("helseid@etne.kommune.example.test"));
            EventProbe.Received event = probe.await(
                    r -> "4611".equals(r.key())
                            && r.value().at("/data/contacts").size() == 2,
                    WAIT);
            EventContract.assertValid(event.value());
        }
        given().auth()
                .oauth2(vestland)
                .contentType(ContentType.JSON)
                .body("{\"role\": \"EPJ_SYSTEM_OWNER\", \"name\": \"Systemeier EPJ\","
                        + " \"email\": \"systemeier@etne.kommune.example.test\"}")
                .put("/api/v1/contacts/" + kinns)
                .then()
                .statusCode(200)
                .body("email", equalTo("systemeier@etne.kommune.example.test"));

        // Outside its network, and what stays with admins: 403, and nothing changes.
        given().auth()
                .oauth2(vestland)
                .contentType(ContentType.JSON)
                .body("{\"role\": \"HELSEID_ORDERER\", \"email\": \"helseid@stavanger.kommune.example.test\"}")
                .post("/api/v1/municipalities/1103/contacts")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(vestland)
                .contentType(ContentType.JSON)
                .body("{\"role\": \"EPJ_SYSTEM_OWNER\", \"email\": \"overtatt@stavanger.kommune.example.test\"}")
                .put("/api/v1/contacts/" + stavangers)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(vestland)
                .delete("/api/v1/contacts/" + kinns)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(vestland)
                .contentType(ContentType.JSON)
                .body("{\"role\": \"EHEALTH_CONTACT\", \"email\": \"ehelse2@digi-vestland.example\"}")
                .post("/api/v1/networks/digi-vestland/contacts")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(admin)
                .get("/api/v1/municipalities/1103/contacts")
                .then()
                .statusCode(200)
                .body("items.email", not(hasItem("helseid@stavanger.kommune.example.test")))
                .body("items.email", hasItem("epj@stavanger.kommune.example.test"));
        // A network token without its claim is no network at all.
        given().auth()
                .oauth2(TestTokens.forRole("network"))
                .contentType(ContentType.JSON)
                .body("{\"role\": \"EPJ_SYSTEM_OWNER\", \"email\": \"overtatt@etne.kommune.example.test\"}")
                .put("/api/v1/contacts/" + kinns)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.forRole("network"))
                .contentType(ContentType.JSON)
                .body("{\"role\": \"HELSEID_ORDERER\", \"email\": \"helseid@etne.kommune.example.test\"}")
                .post("/api/v1/municipalities/4611/contacts")
                .then()
                .statusCode(403);
    }

    @Test
    void theNetworkAddsAndCorrectsOnTheContactsPageButDoesNotRemoveAndAnotherNetworkIsRefused() {
        addAsAdmin("4612", "epj@sveio.kommune.example.test");
        Pages.Shown page = Pages.get(vestland, "/kontakter/4612");
        assertEquals(200, page.status());
        assertEquals("Kontakter for Sveio", page.html().selectFirst("main h1").text());
        Element row = page.html().selectFirst("main table tbody tr");
        assertEquals("epj@sveio.kommune.example.test", row.select("td").get(1).text(), "with the addresses");
        assertNotNull(row.selectFirst("a[href$=/endre]"));
        assertNull(row.selectFirst("a[href$=/fjern]"), "the network corrects but does not remove");
        assertEquals("Endre", page.html().select("main table thead th").last().text());

        try (EventProbe probe = EventProbe.open(bootstrap(), "registry.contacts.v1")) {
            Response added = Pages.post(
                    vestland, page, "/kontakter/4612", "role", "IT_CONTACT", "email", "it@sveio.kommune.example.test");
            assertEquals(303, added.statusCode(), added.asString());
            EventProbe.Received event = probe.await(r -> "4612".equals(r.key()), WAIT);
            EventContract.assertValid(event.value());
            assertEquals(2, event.value().at("/data/contacts").size());
        }
        String editPath = row.selectFirst("a[href$=/endre]").attr("href");
        Pages.Shown edit = Pages.get(vestland, editPath);
        assertEquals(200, edit.status());
        Response changed = Pages.post(
                vestland,
                edit,
                editPath,
                "role",
                "EPJ_SYSTEM_OWNER",
                "name",
                "Systemeier EPJ",
                "email",
                "systemeier@sveio.kommune.example.test");
        assertEquals(303, changed.statusCode(), changed.asString());
        page = Pages.get(vestland, "/kontakter/4612?melding=endret");
        assertEquals(
                "Endringen er lagret.", page.html().selectFirst(".ds-alert").text());
        assertTrue(page.html().select("main table td").text().contains("systemeier@sveio.kommune.example.test"));

        String removePath = editPath.replace("/endre", "/fjern");
        assertEquals(403, Pages.get(vestland, removePath).status());
        assertEquals(403, Pages.postElsewhere(vestland, page, removePath).statusCode());

        // Stavanger is in Digi Rogaland: the Norwegian 403 page, and its form is refused.
        Pages.Shown other = Pages.get(vestland, "/kontakter/1103");
        assertEquals(403, other.status());
        assertEquals(
                "Du har ikke tilgang til denne siden",
                other.html().selectFirst("main h1").text());
        Response refused = Pages.postElsewhere(
                vestland, page, "/kontakter/1103", "role", "IT_CONTACT", "email", "it@stavanger.kommune.example.test");
        assertEquals(403, refused.statusCode());
    }
}
