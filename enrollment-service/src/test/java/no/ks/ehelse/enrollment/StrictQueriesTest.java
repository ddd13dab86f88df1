package no.ks.ehelse.enrollment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import no.ks.ehelse.localstack.TestTokens;

/** Filters that used to be ignored or answered empty, and dates no column stores, refused naming the parameter. */
@QuarkusTest
class StrictQueriesTest {

    private static final LocalDate TODAY = LocalDate.parse("2024-05-01");

    @BeforeEach
    void registry() {
        TestClock.set(TODAY);
        TestRegistry.load();
    }

    private static RequestSpecification reader() {
        return given().auth().oauth2(TestTokens.forRole("reader"));
    }

    private static String draft(String registrationDeadline) {
        return """
                {"solution": "digihelse", "name": "Strengt utkast", "registrationDeadline": "%s"}""".formatted(registrationDeadline);
    }

    @Test
    void theStatusFilterListsOnlyTracksOfThatStatus() {
        String open = Tracks.open("digihelse", null, TODAY.plusDays(30), null);
        String drafted = given().auth()
                .oauth2(Tracks.admin())
                .contentType(ContentType.JSON)
                .body(draft("2024-06-30"))
                .post("/api/v1/tracks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        reader().get("/api/v1/tracks?solution=digihelse&status=OPEN&size=500")
                .then()
                .statusCode(200)
                .body("items.status", everyItem(equalTo("OPEN")))
                .body("items.id", hasItem(open))
                .body("items.id", not(hasItem(drafted)));
        reader().get("/api/v1/tracks?status=OPENED")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("status"))
                .body("violations[0].message", containsString("REGISTRATION_CLOSED"));
    }

    @Test
    void aMalformedIdInThePathIs400NamingItNot404() {
        for (String path : java.util.List.of(
                "/api/v1/enrollments/not-a-uuid",
                "/api/v1/enrollments/not-a-uuid/history",
                "/api/v1/tracks/12345",
                "/api/v1/tracks/12345/enrollments")) {
            reader().get(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo("id"))
                    .body("violations[0].message", equalTo("must be a UUID"));
        }
        reader().get("/api/v1/enrollments/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aSingleValueFilterGivenTwiceIsRefusedNamingIt() {
        reader().get("/api/v1/tracks?solution=digihelse&solution=kjernejournal")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("solution"))
                .body("violations[0].message", containsString("2 times"));
        reader().get("/api/v1/tracks?size=5&size=500")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("size"));
    }

    @Test
    void anUnknownSolutionOrNetworkIsRefusedWithTheKnownCodes() {
        reader().get("/api/v1/tracks?solution=DigiHelse")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("solution"))
                .body("allowed", hasItem("digihelse"));
        String track = Tracks.open("digihelse", null, TODAY.plusDays(30), null);
        reader().queryParam("network", "Digi Vestland")
                .get("/api/v1/tracks/" + track + "/not-enrolled")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("network"))
                .body("allowed", hasItem("digi-vestland"));
        reader().get("/api/v1/tracks/" + track + "/enrollments?status=ACTIVE")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("status"))
                .body("violations[0].message", containsString("WAITLISTED"));
    }

    @Test
    void aDeadlineNoColumnStoresIsRefusedNamingTheField() {
        given().auth()
                .oauth2(Tracks.admin())
                .contentType(ContentType.JSON)
                .body(draft("+999999999-12-31"))
                .post("/api/v1/tracks")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("registrationDeadline"))
                .body("violations[0].message", containsString("9999-12-31"));
        String track = Tracks.open("digihelse", null, TODAY.plusDays(30), null);
        given().auth()
                .oauth2(Tracks.admin())
                .contentType(ContentType.JSON)
                .body("{\"registrationDeadline\": \"+999999999-12-31\", \"reason\": \"Test\"}")
                .put("/api/v1/tracks/" + track + "/deadline")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("registrationDeadline"));
    }
}
