package no.ks.ehelse.enrollment;

import static io.restassured.RestAssured.given;

import java.time.LocalDateTime;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Schedules information meetings and registers for them over the API, for tests. */
final class TestMeetings {

    private TestMeetings() {}

    /** A meeting of the solution, online, with the capacity (or none), starting at {@code start} for 90 minutes. */
    static String schedule(String solution, Integer capacity, LocalDateTime start) {
        return given().auth()
                .oauth2(Tracks.admin())
                .contentType(ContentType.JSON)
                .body(body(solution, "Informasjonsmøte om " + solution, capacity, start, null))
                .post("/api/v1/meetings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String body(String solution, String title, Integer capacity, LocalDateTime start, LocalDateTime closes) {
        return """
                {"solution": "%s", "title": "%s", "description": "Hva løsningen gir kommunen.",
                 "start": "%s", "end": "%s", "onlineUrl": "https://teams.example/mote/%s", "capacity": %s,
                 "registrationClosesAt": %s,
                 "organizerName": "Innføringsleder %s", "organizerEmail": "innforing-%s@ks.example.test"}""".formatted(
                        solution,
                        title,
                        start,
                        start.plusMinutes(90),
                        solution,
                        capacity == null ? "null" : capacity,
                        closes == null ? "null" : "\"" + closes + "\"",
                        solution,
                        solution);
    }

    /** Registers without a token, from {@code client} (X-Forwarded-For; the tests trust it). */
    static ValidatableResponse register(String meeting, String name, String email, String municipality, String client) {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", client)
                .body("""
                        {"name": "%s", "email": "%s", "municipality": "%s", "role": "Kommuneoverlege"}""".formatted(name, email, municipality))
                .post("/api/v1/meetings/" + meeting + "/registrations")
                .then();
    }

    /** A client address of its own for a test, so the per-client limit of one test does not reach another. */
    static String client() {
        UUID id = UUID.randomUUID();
        return "10." + (id.hashCode() & 0xff) + "." + ((id.hashCode() >> 8) & 0xff) + "."
                + ((id.hashCode() >> 16) & 0xff);
    }
}
