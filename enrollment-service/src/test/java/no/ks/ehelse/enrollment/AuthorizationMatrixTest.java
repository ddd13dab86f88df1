package no.ks.ehelse.enrollment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import no.ks.ehelse.localstack.AuthorizationMatrix;

/**
 * docs/security.md's enrollment-service table, against the served API document and every operation × role: on a
 * real track of digihelse and a real enrollment of Bergen (4601), so that a lead of vkp, Kinn (4602) and the
 * network Digi Rogaland are outside the scope.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final LocalDate TODAY = LocalDate.parse("2024-05-01");

    @Test
    void everyOperationAnswersEveryRoleAsTheMatrixSays() {
        TestClock.set(TODAY);
        TestRegistry.load();
        String track = Tracks.open("digihelse", null, TODAY.plusDays(30), TODAY.plusDays(60));
        String enrollment = Tracks.enroll(track, Tracks.municipality("4601"), "4601")
                .statusCode(201)
                .extract()
                .path("id");
        String meeting = TestMeetings.schedule("digihelse", null, java.time.LocalDateTime.parse("2024-06-01T10:00"));
        String meetingBody = TestMeetings.body(
                "digihelse", "Matrisemøte", null, java.time.LocalDateTime.parse("2024-06-01T10:00"), null);
        String plan = """
                {"solution": "digihelse", "name": "Matriseløp", "registrationDeadline": "%s"}""".formatted(TODAY.plusDays(30));

        int calls = AuthorizationMatrix.of("enrollment-service")
                .scope("4601", List.of("digihelse"), "4602", List.of("vkp"))
                .path("/api/v1/tracks/", "id", track)
                .path("/api/v1/enrollments/", "id", enrollment)
                .path("/api/v1/", "kommunenummer", "4601")
                .path("/api/v1/meetings/", "id", meeting)
                .path("/api/v1/networks/", "network", "digi-vestland")
                .path("/api/v1/readiness/", "solution", "digihelse")
                // A network's token without ?network= asks about its own network, which is always in scope.
                .query("GET /api/v1/tracks/{id}/invite-next", "network=digi-vestland")
                .body("POST /api/v1/meetings", meetingBody)
                .body("PUT /api/v1/meetings/{id}", meetingBody)
                .body("POST /api/v1/meetings/{id}/cancellation", "{\"reason\": \"Matrisetest\"}")
                .body(
                        "POST /api/v1/meetings/{id}/registrations",
                        "{\"name\": \"Matrise Testesen\", \"email\": \"matrise@example.test\", \"municipality\": \"4601\", \"role\": \"Fastlege\"}")
                .body("POST /api/v1/meeting-registrations/cancellation", "{\"token\": \"ikke.gyldig\"}")
                .query("GET /api/v1/meetings/attended-not-enrolled", "solution=digihelse")
                .body("POST /api/v1/tracks", plan)
                .body("PUT /api/v1/tracks/{id}", plan)
                .body(
                        "PUT /api/v1/tracks/{id}/deadline",
                        "{\"registrationDeadline\": \"" + TODAY.plusDays(40) + "\", \"reason\": \"Matrisetest\"}")
                .body("POST /api/v1/tracks/{id}/status", "{\"status\": \"OPEN\"}")
                .body("POST /api/v1/tracks/{id}/enrollments", "{\"kommunenummer\": \"4601\"}")
                // Kinn is no partner of Bergen: in scope the answer is 409 no-host-arrangement, not a new enrollment.
                .body("POST /api/v1/enrollments/{id}/partners", "{\"kommunenummer\": \"4602\"}")
                .body("PUT /api/v1/enrollments/{id}/prerequisites", "{\"done\": []}")
                .body("PUT /api/v1/enrollments/{id}/phase", "{\"phase\": \"CARRY_OUT\"}")
                .body("POST /api/v1/enrollments/{id}/went-live", "{\"on\": \"" + TODAY + "\"}")
                .body("POST /api/v1/enrollments/{id}/withdrawal", "{\"reason\": \"Matrisetest\"}")
                // These change the enrollment for good: after everything that reads or edits it.
                .last(
                        "POST /api/v1/meetings/{id}/cancellation",
                        "POST /api/v1/enrollments/{id}/withdrawal",
                        "POST /api/v1/enrollments/{id}/went-live",
                        "POST /api/v1/enrollments/{id}/completion")
                .check();
        System.out.println("enrollment-service: " + calls + " authorization calls checked");
        assertTrue(calls >= 32 * 6, "every operation with every role: " + calls);
    }
}
