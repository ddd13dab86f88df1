package no.ks.ehelse.registry;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.ks.ehelse.localstack.AuthorizationMatrix;
import no.ks.ehelse.localstack.TestTokens;

/** docs/security.md's registry-service table, against the served API document and every operation × role. */
@QuarkusTest
class AuthorizationMatrixTest {

    @Test
    void everyOperationAnswersEveryRoleAsTheMatrixSays() {
        String contact = """
                {"role": "IT_CONTACT", "name": "IT-ressurs", "email": "it@bergen.kommune.example.test"}""";
        // A network corrects contacts of its municipalities: it needs one that exists in Bergen (Digi Vestland).
        String bergensContact = given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body(contact)
                .post("/api/v1/municipalities/4601/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // Bergen hosts Kinn: in scope of the municipality token (4601) and the network token (Digi Vestland).
        String arrangement = given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("""
                        {"name": "Vertskommune VKP", "host": "4601", "partners": ["4602"], "allSolutions": false,
                         "solutions": ["vkp"], "validFrom": "2025-01-01"}""")
                .post("/api/v1/host-arrangements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        int calls = AuthorizationMatrix.of("registry-service")
                .networkScope("digi-vestland", "digi-rogaland")
                .path("/api/v1/", "id", UUID.randomUUID().toString())
                .path("network", "/api/v1/contacts/", "id", bergensContact)
                .path("/api/v1/host-arrangements/", "id", arrangement)
                .path("/api/v1/vendors/", "code", "visma")
                .body("PUT /api/v1/contacts/{id}", contact)
                .body("POST /api/v1/municipalities/{kommunenummer}/contacts", contact)
                .path("/api/v1/", "kommunenummer", "4601")
                .path("/api/v1/", "fylkesnummer", "46")
                .path("/api/v1/health-regions/", "code", "helse-vest")
                .path("/api/v1/networks/", "code", "digi-vestland")
                .path("/api/v1/solutions/", "code", "vkp")
                .query("GET /api/v1/municipalities/match", "name=Bergen")
                .body("POST /api/v1/municipalities/match", "{\"names\": [\"Bergen\"]}")
                .last("POST /api/v1/admin/republish")
                .check();
        System.out.println("registry-service: " + calls + " authorization calls checked");
        assertTrue(calls >= 33 * 7, "every operation with every role: " + calls);
    }
}
