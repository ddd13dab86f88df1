package no.ks.ehelse.adoption;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import no.ks.ehelse.localstack.AuthorizationMatrix;

/** docs/security.md's adoption-stats-service table, against the served API document and every operation × role. */
@QuarkusTest
class AuthorizationMatrixTest {

    @Test
    void everyOperationAnswersEveryRoleAsTheMatrixSays() {
        int calls = AuthorizationMatrix.of("adoption-stats-service")
                .path("/api/v1/", "solution", "vkp")
                .path("/api/v1/", "kommunenummer", "4601")
                .path("/api/v1/", "year", "2031")
                .path("/api/v1/", "healthRegion", "helse-vest")
                .path("/api/v1/", "network", "digi-vestland")
                .path("/api/v1/", "trackId", "0b6f7a52-3d0e-4c55-8f4a-5a1e2c3d4b6f")
                .query("GET /api/v1/adoption/{solution}/coverage/series", "from=2024-01")
                .query("GET /api/v1/adoption/{solution}/usage", "metric=messages&from=2024-01-01&to=2024-12-31")
                // Empty lists: the role is what is checked, not the data.
                .body("POST /api/v1/adoption/reports/status", "[]")
                .body("POST /api/v1/adoption/reports/usage", "[]")
                .body("PUT /api/v1/ambitions/{solution}/{year}", "{\"target\": 10}")
                .body("PUT /api/v1/ambitions/{solution}/{year}/health-regions/{healthRegion}", "{\"target\": 1}")
                .body("PUT /api/v1/ambitions/{solution}/{year}/networks/{network}", "{\"share\": 0.5}")
                .check();
        System.out.println("adoption-stats-service: " + calls + " authorization calls checked");
        assertTrue(calls >= 17 * 6, "every operation with every role: " + calls);
    }
}
