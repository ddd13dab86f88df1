package no.ks.ehelse.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import no.ks.ehelse.localstack.Management;

/** Health, metrics and the API document are on the management port only, and need no token there. */
@QuarkusTest
class ManagementPortTest {

    @Test
    void managementEndpointsAnswerOnTheManagementPort() {
        for (String path : new String[] {"/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi"}) {
            given().baseUri(Management.url()).get(path).then().statusCode(200);
        }
        given().baseUri(Management.url())
                .get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .body(containsString("swagger"));
    }

    @Test
    void theApiPortDoesNotServeThem() {
        for (String path : new String[] {"/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/"}) {
            given().get(path).then().statusCode(not(200));
        }
    }
}
