package no.ks.ehelse.adoption;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.ks.ehelse.localstack.EventContract;
import no.ks.ehelse.localstack.EventProbe;
import no.ks.ehelse.localstack.TestTokens;

/** REST with a token → database → ambition-set on Kafka, seen by a plain consumer; refusals as problems. */
@QuarkusTest
class AmbitionWiringTest {

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    @Test
    void settingAnAmbitionStoresItAndAnnouncesIt() {
        try (EventProbe probe = EventProbe.open(bootstrap(), "adoption.ambitions.v1")) {
            given().auth()
                    .oauth2(TestTokens.forRole("admin"))
                    .contentType(ContentType.JSON)
                    .body("{\"target\": 356, \"note\": \"Alle kommuner\"}")
                    .put("/api/v1/ambitions/kjernejournal/2023")
                    .then()
                    .statusCode(200)
                    .body("target", equalTo(356));
            var first = probe.await(r -> "kjernejournal".equals(r.key()), Duration.ofSeconds(20));
            EventContract.assertValid(first.value());
            assertEquals("no.ks.ehelse.adoption.ambition-set.v1", first.type());
            assertEquals("kjernejournal/2023", first.value().path("subject").asText());

            given().auth()
                    .oauth2(TestTokens.forRole("admin"))
                    .contentType(ContentType.JSON)
                    .body("{\"target\": 215}")
                    .put("/api/v1/ambitions/kjernejournal/2023")
                    .then()
                    .statusCode(200);
            var second = probe.await(
                    r -> "kjernejournal".equals(r.key())
                            && r.value().at("/data/target").asInt() == 215,
                    Duration.ofSeconds(20));
            EventContract.assertValid(second.value());
        }
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/ambitions/kjernejournal/2023")
                .then()
                .statusCode(200)
                .body("target", equalTo(215));
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/ambitions?year=2023")
                .then()
                .statusCode(200)
                .body("items.solution", hasItem("kjernejournal"));
    }

    @Test
    void badInputIsAProblemNamingEachField() {
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("{\"target\": -1}")
                .put("/api/v1/ambitions/Not_A_Slug/1999")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("solution", "year", "target"));
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("{\"target\": \"many\"}")
                .put("/api/v1/ambitions/vkp/2024")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("target"));
    }

    @Test
    void onlyAdminsSetAmbitions() {
        given().contentType(ContentType.JSON)
                .body("{\"target\": 50}")
                .put("/api/v1/ambitions/vkp/2023")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        for (String role : new String[] {"reader", "nhn", "lead"}) {
            given().auth()
                    .oauth2(TestTokens.forRole(role))
                    .contentType(ContentType.JSON)
                    .body("{\"target\": 50}")
                    .put("/api/v1/ambitions/vkp/2023")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/ambitions/vkp/2031")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
