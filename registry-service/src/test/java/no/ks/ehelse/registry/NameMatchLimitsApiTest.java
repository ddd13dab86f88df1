package no.ks.ehelse.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import no.ks.ehelse.localstack.TestTokens;

/**
 * The bounds on name matching over HTTP: at most 5,000 names per request, and per caller (token subject) 20,000
 * names per minute by default, whatever the role.
 */
@QuarkusTest
class NameMatchLimitsApiTest {

    private static final List<String> FIVE_THOUSAND = Collections.nCopies(5_000, "Nord Fron");

    @Test
    void aCallerOverItsRateIsToldWhenToComeBackWhileAnotherCallerIsServed() {
        String greedy = token("admin");
        int accepted = 0;
        Response refused = null;
        // 20,000 names fit at once; the bucket refills 20,000 per minute, so a refusal comes within a few more.
        for (int i = 0; i < 8 && refused == null; i++) {
            Response response = post(greedy, FIVE_THOUSAND);
            if (response.statusCode() == 200) {
                accepted += FIVE_THOUSAND.size();
            } else {
                refused = response;
            }
        }
        assertNotNull(refused, "no request was refused after 40,000 names");
        assertTrue(accepted >= 20_000, "refused after only " + accepted + " names");
        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:no:ks:ehelse:problem:rate-limited"))
                .body("status", equalTo(429))
                .body("instance", equalTo("/api/v1/municipalities/match"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        // 5,000 names at 20,000 per minute take at most 15 s to refill.
        assertTrue(retryAfter >= 1 && retryAfter <= 15, () -> "Retry-After " + retryAfter);
        assertTrue(refused.jsonPath().getLong("retryAfterSeconds") == retryAfter, refused::asString);

        // Same role, same user principal name, another subject: its own bucket.
        post(token("admin"), FIVE_THOUSAND).then().statusCode(200);
        given().auth()
                .oauth2(token("reader"))
                .queryParam("name", "Nord Fron")
                .get("/api/v1/municipalities/match")
                .then()
                .statusCode(200)
                .body("municipality.kommunenummer", equalTo("3436"));
    }

    @Test
    void moreThanFiveThousandNamesInOneRequestAreRefusedNamingTheField() {
        List<String> tooMany = Collections.nCopies(5_001, "Nord Fron");
        post(token("reader"), tooMany)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("names"))
                .body("violations[0].message", equalTo("at most 5000 names per request"));
    }

    /** A real signed token of a caller of its own: the default test tokens share one subject per role. */
    private static String token(String role) {
        return TestTokens.forRole(role, Map.of("sub", "limits-" + role + "-" + UUID.randomUUID()));
    }

    private static Response post(String token, List<String> names) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("names", names))
                .post("/api/v1/municipalities/match");
    }
}
