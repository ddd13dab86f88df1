package no.ks.ehelse.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
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

/** The foundation's proof: REST with a token → database → event on Kafka, seen by a plain consumer. */
@QuarkusTest
class SolutionWiringTest {

    private static final String BODY = """
            {"code": "%s", "name": "Velferdsteknologisk knutepunkt", "area": "WELFARE_TECHNOLOGY",
             "owner": "Norsk helsenett", "description": "Knutepunkt for velferdsteknologi", "stage": "ROLLOUT"}""";

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    @Test
    void publishingASolutionStoresItAndAnnouncesItOnKafka() {
        try (EventProbe probe = EventProbe.open(bootstrap(), "registry.solutions.v1")) {
            given().auth()
                    .oauth2(TestTokens.forRole("admin"))
                    .contentType(ContentType.JSON)
                    .body(BODY.formatted("vkp-wiring"))
                    .when()
                    .post("/api/v1/solutions")
                    .then()
                    .statusCode(201)
                    .header("Location", endsWith("/api/v1/solutions/vkp-wiring"));

            var event = probe.await(r -> "vkp-wiring".equals(r.key()), Duration.ofSeconds(20));
            EventContract.assertValid(event.value());
            assertEquals("no.ks.ehelse.solution.published.v1", event.type());
            assertEquals(
                    "urn:no:ks:ehelse:registry", event.value().path("source").asText());
            assertEquals(
                    "Norsk helsenett", event.value().path("data").path("owner").asText());
            assertEquals(
                    "application/cloudevents+json; charset=UTF-8",
                    event.headers().get("content-type"));
        }
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .when()
                .get("/api/v1/solutions/vkp-wiring")
                .then()
                .statusCode(200)
                .body("name", equalTo("Velferdsteknologisk knutepunkt"));
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .when()
                .get("/api/v1/solutions?area=WELFARE_TECHNOLOGY&size=10")
                .then()
                .statusCode(200)
                .body("items.code", hasItem("vkp-wiring"))
                .body("size", equalTo(10));
    }

    @Test
    void changingASolutionAnnouncesTheNewState() {
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body(BODY.formatted("htm-wiring"))
                .post("/api/v1/solutions")
                .then()
                .statusCode(201);
        try (EventProbe probe = EventProbe.open(bootstrap(), "registry.solutions.v1")) {
            given().auth()
                    .oauth2(TestTokens.forRole("admin"))
                    .contentType(ContentType.JSON)
                    .body(BODY.formatted("htm-wiring").replace("ROLLOUT", "OPERATION"))
                    .when()
                    .put("/api/v1/solutions/htm-wiring")
                    .then()
                    .statusCode(200)
                    .body("stage", equalTo("OPERATION"));
            var event = probe.awaitType("no.ks.ehelse.solution.changed.v1", Duration.ofSeconds(20));
            EventContract.assertValid(event.value());
            assertEquals("OPERATION", event.value().path("data").path("stage").asText());
        }
    }

    @Test
    void anInvalidBodyIsAProblemNamingEachField() {
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("""
                        {"code": "Not A Slug", "area": "WELFARE_TECHNOLOGY", "owner": "KS", "stage": "ROLLOUT"}""")
                .when()
                .post("/api/v1/solutions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:no:ks:ehelse:problem:validation"))
                .body("violations.field", containsInAnyOrder("code", "name"));
    }

    @Test
    void anUnknownEnumValueNamesTheFieldAndTheAllowedValues() {
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body(BODY.formatted("enum-check").replace("ROLLOUT", "SOMEDAY"))
                .when()
                .post("/api/v1/solutions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("stage"))
                .body(
                        "violations[0].message",
                        equalTo("cannot read 'SOMEDAY' as one of [PLANNED, PILOT, ROLLOUT, OPERATION, RETIRED]"));
    }

    @Test
    void malformedJsonIsAProblem() {
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("{\"code\": ")
                .when()
                .post("/api/v1/solutions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:no:ks:ehelse:problem:unreadable-body"));
    }

    @Test
    void aBadPageSizeNamesTheQueryParameter() {
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .when()
                .get("/api/v1/solutions?size=100000")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("size"));
    }

    @Test
    void aDuplicateCodeIsAConflict() {
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body(BODY.formatted("dup-check"))
                .post("/api/v1/solutions")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body(BODY.formatted("dup-check"))
                .post("/api/v1/solutions")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void writesNeedATokenAndTheAdminRole() {
        given().contentType(ContentType.JSON)
                .body(BODY.formatted("no-token"))
                .when()
                .post("/api/v1/solutions")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .contentType(ContentType.JSON)
                .body(BODY.formatted("wrong-role"))
                .when()
                .post("/api/v1/solutions")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().when().get("/api/v1/solutions").then().statusCode(401);
    }

    @Test
    void anUnknownSolutionIsANotFoundProblem() {
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .when()
                .get("/api/v1/solutions/does-not-exist")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("Solution does-not-exist does not exist"));
    }
}
