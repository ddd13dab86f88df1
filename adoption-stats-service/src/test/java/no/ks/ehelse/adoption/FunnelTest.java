package no.ks.ehelse.adoption;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import no.ks.ehelse.localstack.TestEvents;
import no.ks.ehelse.localstack.TestTokens;

/**
 * The funnel on a constructed history whose answer is known by hand: four municipalities enrolled today in one
 * track; one reported live since 2020 (already live before it enrolled), two live 10 and 30 days after enrolling,
 * one not live. Live 3, already live 1, median (10 + 30) / 2 = 20 days, never the -2000-odd days the old median
 * gave.
 */
@QuarkusTest
class FunnelTest {

    @BeforeEach
    void registry() {
        TestRegistry.load();
    }

    @Test
    void aMunicipalityLiveBeforeItEnrolledIsAlreadyLiveAndTheMedianIsNeverNegative() {
        String track = UUID.randomUUID().toString();
        // The consumer dates an enrollment by the event's time, which TestEvents sets to now (UTC).
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        send(track, "4601", "2020-01-01");
        send(track, "4602", today.plusDays(10).toString());
        send(track, "3301", today.plusDays(30).toString());
        send(track, "1508", null);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/adoption/helsenorge/funnel")
                .then()
                .statusCode(200)
                .body("enrolled", equalTo(4))
                .body("live", equalTo(3))
                .body("alreadyLive", equalTo(1))
                .body("medianDaysToLive", equalTo(20.0f))
                .body("tracks[0].trackId", equalTo(track))
                .body("tracks[0].alreadyLive", equalTo(1))
                .body("tracks[0].medianDaysToLive", equalTo(20.0f)));
    }

    private static void send(String track, String kommunenummer, String wentLiveOn) {
        String id = UUID.randomUUID().toString();
        String event = TestEvents.event(
                "urn:no:ks:ehelse:enrollment", "no.ks.ehelse.enrollment.enrolled.v1", id, """
                {"id": "%s", "trackId": "%s", "solution": "helsenorge", "kommunenummer": "%s", "status": "%s",
                 "waitlistPosition": null, "late": false, "lateReason": null, "phase": null, "prerequisitesDone": [],
                 "wentLiveOn": %s, "reason": null, "deadlineItem": null, "deadline": null}""".formatted(
                                id,
                                track,
                                kommunenummer,
                                wentLiveOn == null ? "CONFIRMED" : "LIVE",
                                wentLiveOn == null ? "null" : "\"" + wentLiveOn + "\""));
        TestEvents.send(TestRegistry.bootstrap(), "enrollment.enrollments.v1", kommunenummer, event);
    }
}
