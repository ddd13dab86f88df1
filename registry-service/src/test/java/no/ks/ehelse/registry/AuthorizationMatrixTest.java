package no.ks.ehelse.registry;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import no.ks.ehelse.localstack.AuthorizationMatrix;

/** docs/security.md's registry-service table, against the served API document and every operation × role. */
@QuarkusTest
class AuthorizationMatrixTest {

    @Test
    void everyOperationAnswersEveryRoleAsTheMatrixSays() {
        int calls = AuthorizationMatrix.of("registry-service")
                .path("/api/v1/", "id", UUID.randomUUID().toString())
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
        assertTrue(calls >= 24 * 6, "every operation with every role: " + calls);
    }
}
