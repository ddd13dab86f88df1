package no.ks.ehelse.enrollment;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.Map;

import io.restassured.http.ContentType;
import no.ks.ehelse.localstack.TestTokens;

/** Creates and opens tracks over the API for tests. */
final class Tracks {

    private Tracks() {}

    static String admin() {
        return TestTokens.forRole("admin");
    }

    static String municipality(String kommunenummer) {
        return TestTokens.forRole("municipality", Map.of("kommunenummer", kommunenummer));
    }

    /** An OPEN track of the solution with the capacity (or none) and a deadline, plus two prerequisites. */
    static String open(String solution, Integer capacity, LocalDate deadline, LocalDate kickOff) {
        String id = given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(plan(solution, capacity, deadline, kickOff))
                .post("/api/v1/tracks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body("{\"status\": \"OPEN\"}")
                .post("/api/v1/tracks/" + id + "/status")
                .then()
                .statusCode(200);
        return id;
    }

    /** Replaces the plan of a track made by {@link #open} (PUT), e.g. with another capacity. */
    static io.restassured.response.ValidatableResponse replacePlan(
            String trackId, String solution, Integer capacity, LocalDate deadline, LocalDate kickOff) {
        return given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(plan(solution, capacity, deadline, kickOff))
                .put("/api/v1/tracks/" + trackId)
                .then();
    }

    private static String plan(String solution, Integer capacity, LocalDate deadline, LocalDate kickOff) {
        return """
                {"solution": "%s", "name": "Testløp %s", "capacity": %s, "registrationDeadline": "%s", "kickOff": %s,
                 "phases": [{"phase": "ANCHOR_AND_PREPARE"}, {"phase": "CARRY_OUT"}, {"phase": "CLOSE_AND_REALISE"}],
                 "milestones": [{"kind": "KICK_OFF", "title": "Oppstartsmøte", "date": "%s"}],
                 "prerequisites": [{"id": "epj-api", "category": "TECHNICAL", "description": "API kjøpt fra EPJ-leverandør"},
                                   {"id": "ressurser", "category": "ADMINISTRATIVE", "description": "Ressurser satt av",
                                    "dueDate": "%s"}],
                 "workingGroup": [{"role": "LEAD", "name": "Nasjonal innføringsleder", "email": "innforing@ks.example"},
                                  {"role": "DEPUTY", "name": "Stedfortreder", "email": "stedfortreder@ks.example"}]}""".formatted(
                        solution,
                        solution,
                        capacity == null ? "null" : capacity,
                        deadline,
                        kickOff == null ? "null" : "\"" + kickOff + "\"",
                        deadline.plusDays(30),
                        deadline.plusDays(20));
    }

    static io.restassured.response.ValidatableResponse enroll(String trackId, String token, String kommunenummer) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"kommunenummer\": \"" + kommunenummer + "\"}")
                .post("/api/v1/tracks/" + trackId + "/enrollments")
                .then();
    }
}
