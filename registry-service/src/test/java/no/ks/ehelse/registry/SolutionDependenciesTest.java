package no.ks.ehelse.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
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

/** Solution dependencies (requires): seeded, in the API and in the solution events, checked against cycles. */
@QuarkusTest
class SolutionDependenciesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final String admin = TestTokens.forRole("admin");

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static String solution(String code, String requires) {
        return """
                {"code": "%s", "name": "Testløsning %s", "area": "MEDICINES", "owner": "Norsk helsenett",
                 "stage": "PILOT"%s}""".formatted(code, code, requires == null ? "" : ", \"requires\": " + requires);
    }

    @Test
    void sfmAndPllRequireKjernejournalInTheApiAndOnTheCompactedTopic() {
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/solutions/sfm")
                .then()
                .statusCode(200)
                .body("requires", contains("kjernejournal"));
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/solutions/kjernejournal")
                .then()
                .statusCode(200)
                .body("requires", empty());
        try (EventProbe probe = EventProbe.openFromBeginning(bootstrap(), "registry.solutions.v1")) {
            Map<String, EventProbe.Received> latest = new HashMap<>();
            probe.await(
                    r -> {
                        latest.put(r.key(), r);
                        return latest.containsKey("pll") && latest.containsKey("sfm");
                    },
                    WAIT);
            EventContract.assertValid(latest.get("pll").value());
            assertEquals(
                    "kjernejournal",
                    latest.get("pll").value().at("/data/requires/0").asText());
        }
    }

    @Test
    void aNewSolutionNamesWhatItRequiresAndAReplaceWithoutTheFieldKeepsIt() {
        try (EventProbe probe = EventProbe.open(bootstrap(), "registry.solutions.v1")) {
            given().auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body(solution("dep-a", "[\"kjernejournal\", \"pll\"]"))
                    .post("/api/v1/solutions")
                    .then()
                    .statusCode(201)
                    .body("requires", contains("kjernejournal", "pll"));
            var published = probe.await(r -> "dep-a".equals(r.key()), WAIT);
            EventContract.assertValid(published.value());
            assertEquals(2, published.value().at("/data/requires").size());
        }
        // A client that does not know requires replaces the rest and leaves the dependencies.
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(solution("dep-a", null).replace("PILOT", "ROLLOUT"))
                .put("/api/v1/solutions/dep-a")
                .then()
                .statusCode(200)
                .body("stage", equalTo("ROLLOUT"))
                .body("requires", contains("kjernejournal", "pll"));
        try (EventProbe probe = EventProbe.open(bootstrap(), "registry.solutions.v1")) {
            given().auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body(solution("dep-a", "[]"))
                    .put("/api/v1/solutions/dep-a")
                    .then()
                    .statusCode(200)
                    .body("requires", empty());
            var changed = probe.await(r -> "dep-a".equals(r.key()), WAIT);
            EventContract.assertValid(changed.value());
            assertEquals("no.ks.ehelse.solution.changed.v1", changed.type());
            assertEquals(0, changed.value().at("/data/requires").size());
        }
    }

    @Test
    void anUnknownASelfAndACyclicDependencyAreRefusedNamingTheField() {
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(solution("dep-b", "[\"kjernejournal\", \"finnes-ikke\"]"))
                .post("/api/v1/solutions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("requires[1]"))
                .body("violations[0].message", containsString("not a solution"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(solution("dep-b", "[\"dep-b\"]"))
                .post("/api/v1/solutions")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("requires[0]"));
        given().auth().oauth2(admin).get("/api/v1/solutions/dep-b").then().statusCode(404);
        // Kjernejournal requiring SFM would close the loop SFM → Kjernejournal → SFM.
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("""
                        {"code": "kjernejournal", "name": "Kjernejournal i sykehjem og hjemmetjenesten",
                         "area": "MEDICINES", "owner": "Norsk helsenett", "stage": "ROLLOUT", "requires": ["sfm"]}""")
                .put("/api/v1/solutions/kjernejournal")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("requires[0]"))
                .body("violations[0].message", containsString("cycle"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(solution("dep-c", "[\"pll\", \"pll\"]"))
                .post("/api/v1/solutions")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("requires[1]"))
                .body("violations[0].message", containsString("twice"));
    }
}
