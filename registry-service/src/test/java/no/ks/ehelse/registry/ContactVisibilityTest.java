package no.ks.ehelse.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.ks.ehelse.localstack.TestTokens;

/** Contact addresses only for admin, lead and the municipality itself. */
@QuarkusTest
class ContactVisibilityTest {

    private static boolean created;

    /** Once per class, after Quarkus is up (a static @BeforeAll would run before it listens). */
    @BeforeEach
    void aContactForOs() {
        if (created) {
            return;
        }
        created = true;
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("{\"role\": \"EHEALTH_CONTACT\", \"email\": \"Ehelse@Os.Kommune.example\"}")
                .post("/api/v1/municipalities/3430/contacts")
                .then()
                .statusCode(201)
                .body("email", equalTo("ehelse@os.kommune.example"));
    }

    @Test
    void adminsAndTheMunicipalityItselfSeeAddresses() {
        for (String token : new String[] {
            TestTokens.forRole("admin"), TestTokens.forRole("municipality", Map.of("kommunenummer", "3430"))
        }) {
            given().auth()
                    .oauth2(token)
                    .get("/api/v1/municipalities/3430/contacts")
                    .then()
                    .statusCode(200)
                    .body("totalItems", greaterThanOrEqualTo(1))
                    .body("items.email", hasItem("ehelse@os.kommune.example"));
        }
    }

    @Test
    void othersSeeTheRoleButNotTheAddress() {
        for (String token : new String[] {
            TestTokens.forRole("reader"),
            TestTokens.forRole("nhn"),
            TestTokens.forRole("municipality", Map.of("kommunenummer", "4601")),
            TestTokens.forRole("lead", Map.of("solutions", java.util.List.of("vkp")))
        }) {
            given().auth()
                    .oauth2(token)
                    .get("/api/v1/municipalities/3430/contacts")
                    .then()
                    .statusCode(200)
                    .body("items.role", hasItem("EHEALTH_CONTACT"))
                    .body("items.email", everyItem(nullValue()));
        }
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/networks/digi-agder/contacts")
                .then()
                .statusCode(200)
                .body("items[0].role", notNullValue())
                .body("items[0].email", nullValue());
    }

    @Test
    void leadsSeeTheNetworksContactsButNotTheMunicipalities() {
        given().auth()
                .oauth2(TestTokens.forRole("lead", Map.of("solutions", java.util.List.of("vkp"))))
                .get("/api/v1/networks/digi-agder/contacts")
                .then()
                .statusCode(200)
                .body("items[0].email", notNullValue());
        given().auth()
                .oauth2(TestTokens.forRole("lead", Map.of("solutions", java.util.List.of("vkp"))))
                .get("/api/v1/municipalities/3430/contacts")
                .then()
                .statusCode(200)
                .body("items.email", everyItem(nullValue()));
    }

    @Test
    void aContactNeedsAValidAddressAndRole() {
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("{\"role\": \"BOSS\", \"email\": \"x@kommune.example\"}")
                .post("/api/v1/municipalities/3430/contacts")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("role"));
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("{\"role\": \"IT_CONTACT\", \"email\": \"not an address\"}")
                .post("/api/v1/municipalities/3430/contacts")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("email"));
        given().auth()
                .oauth2(TestTokens.forRole("municipality", Map.of("kommunenummer", "3430")))
                .contentType(ContentType.JSON)
                .body("{\"role\": \"IT_CONTACT\", \"email\": \"it@os.kommune.example\"}")
                .post("/api/v1/municipalities/3430/contacts")
                .then()
                .statusCode(403);
    }
}
