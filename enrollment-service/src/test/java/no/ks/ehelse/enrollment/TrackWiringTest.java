package no.ks.ehelse.enrollment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.ks.ehelse.localstack.EventContract;
import no.ks.ehelse.localstack.EventProbe;
import no.ks.ehelse.localstack.TestTokens;

/** REST with a token → database → track.created on Kafka, seen by a plain consumer; refusals as problems. */
@QuarkusTest
class TrackWiringTest {

    private static final String TRACK = """
            {"solution": "%s", "name": "DigiHelsestasjon 2024 – CGM", "vendor": "cgm", "capacity": 15,
             "registrationOpens": "2024-04-15", "registrationDeadline": "2024-06-30"}""";
    private static boolean published;

    @BeforeEach
    void theCatalogueKnowsTheSolutions() {
        if (published) {
            return;
        }
        published = true;
        TestRegistry.load();
        TestSolutions.publishAndAwait("dhs-wiring", "DigiHelsestasjon", () -> given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body(TRACK.formatted("dhs-wiring"))
                .post("/api/v1/tracks")
                .then()
                .statusCode(201));
        TestSolutions.publishAndAwait("vkp-wiring", "VKP", () -> given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body(TRACK.formatted("vkp-wiring"))
                .post("/api/v1/tracks")
                .then()
                .statusCode(201));
    }

    @Test
    void creatingATrackStoresItAndAnnouncesItOnKafka() {
        try (EventProbe probe = EventProbe.open(TestSolutions.bootstrap(), "enrollment.tracks.v1")) {
            String id = given().auth()
                    .oauth2(TestTokens.forRole("admin"))
                    .contentType(ContentType.JSON)
                    .body(TRACK.formatted("dhs-wiring"))
                    .when()
                    .post("/api/v1/tracks")
                    .then()
                    .statusCode(201)
                    .body("status", equalTo("DRAFT"))
                    .extract()
                    .path("id");
            var event = probe.await(r -> id.equals(r.key()), Duration.ofSeconds(20));
            EventContract.assertValid(event.value());
            assertEquals("no.ks.ehelse.track.created.v1", event.type());
            assertEquals(
                    "urn:no:ks:ehelse:enrollment", event.value().path("source").asText());
            assertEquals(15, event.value().at("/data/capacity").asInt());
            given().auth()
                    .oauth2(TestTokens.forRole("reader"))
                    .get("/api/v1/tracks/" + id)
                    .then()
                    .statusCode(200)
                    .body("vendor", equalTo("cgm"));
            given().auth()
                    .oauth2(TestTokens.forRole("reader"))
                    .get("/api/v1/tracks?solution=dhs-wiring")
                    .then()
                    .statusCode(200)
                    .body("items.id", hasItem(id));
        }
    }

    @Test
    void aLeadCreatesTracksOnlyForItsSolutions() {
        String lead = TestTokens.forRole("lead", Map.of("solutions", List.of("vkp-wiring")));
        given().auth()
                .oauth2(lead)
                .contentType(ContentType.JSON)
                .body(TRACK.formatted("vkp-wiring"))
                .post("/api/v1/tracks")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(lead)
                .contentType(ContentType.JSON)
                .body(TRACK.formatted("dhs-wiring"))
                .post("/api/v1/tracks")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void badTracksAreProblemsNamingTheField() {
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("{\"solution\": \"Not a code\", \"capacity\": 0}")
                .post("/api/v1/tracks")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("solution", "name", "capacity", "registrationDeadline"));
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body(TRACK.formatted("no-such-solution"))
                .post("/api/v1/tracks")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("solution"));
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body(TRACK.formatted("dhs-wiring").replace("2024-04-15", "2024-07-15"))
                .post("/api/v1/tracks")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("registrationDeadline"));
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body(TRACK.formatted("dhs-wiring").replace("\"2024-06-30\"", "\"30.06.2024\""))
                .post("/api/v1/tracks")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("registrationDeadline"));
    }

    @Test
    void theClockTestHookIsOffUnlessConfigured() {
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("{\"now\": \"2030-01-01T00:00:00Z\"}")
                .put("/api/v1/admin/clock")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .contentType(ContentType.JSON)
                .body("{\"now\": \"2030-01-01T00:00:00Z\"}")
                .put("/api/v1/admin/clock")
                .then()
                .statusCode(403);
    }

    @Test
    void writesNeedATokenAndARoleThatMayWrite() {
        given().contentType(ContentType.JSON)
                .body(TRACK.formatted("dhs-wiring"))
                .post("/api/v1/tracks")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .contentType(ContentType.JSON)
                .body(TRACK.formatted("dhs-wiring"))
                .post("/api/v1/tracks")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/tracks/00000000-0000-0000-0000-000000000000")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
