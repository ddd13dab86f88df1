package no.ks.ehelse.enrollment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import no.ks.ehelse.enrollment.domain.DeadlineWatch;
import no.ks.ehelse.localstack.EventContract;
import no.ks.ehelse.localstack.EventProbe;

/** Time-based events fire exactly once, also when several watchers race, and catch up after an outage. */
@QuarkusTest
class DeadlineEventsTest {

    private static final LocalDate TODAY = LocalDate.parse("2024-05-01");

    @Inject
    DeadlineWatch watch;

    @BeforeEach
    void registryAndClock() {
        TestClock.set(TODAY);
        TestRegistry.load();
    }

    private static final String APPROACHING = "no.ks.ehelse.track.deadline-approaching.v1";
    private static final String PASSED = "no.ks.ehelse.track.deadline-passed.v1";

    /** What the probe has seen so far of one type for the track (no polling). */
    private static List<EventProbe.Received> seen(EventProbe probe, String track, String type) {
        return probe.drain(Duration.ZERO).stream()
                .filter(r -> track.equals(r.key()) && type.equals(r.type()))
                .toList();
    }

    private static EventProbe.Received await(EventProbe probe, String track, String type, String field, String value) {
        return probe.await(
                r -> track.equals(r.key())
                        && type.equals(r.type())
                        && value.equals(r.value().at("/data/" + field).asText()),
                Duration.ofSeconds(30));
    }

    /**
     * Moves the track to RUNNING and waits for that change on the topic. The outbox sends a track's events in the
     * order they were written, so once it is seen, so is everything the watchers wrote before: what the probe has
     * then not seen was not sent.
     */
    private static void markRunning(EventProbe probe, String track) {
        given().auth()
                .oauth2(Tracks.admin())
                .contentType(ContentType.JSON)
                .body("{\"status\": \"RUNNING\"}")
                .post("/api/v1/tracks/" + track + "/status")
                .then()
                .statusCode(200);
        await(probe, track, "no.ks.ehelse.track.changed.v1", "status", "RUNNING");
    }

    /** Several watchers at once: as if several replicas ran the job against the same database. */
    private int raceWatchers(int watchers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(watchers);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < watchers; i++) {
            runs.add(pool.submit(watch::check));
        }
        int fired = 0;
        for (Future<Integer> run : runs) {
            fired += run.get();
        }
        pool.shutdown();
        return fired;
    }

    @Test
    void remindersThenOneDeadlinePassedEvenWithRacingWatchersAndAMovedDeadlineRemindsAndPassesAgain() throws Exception {
        LocalDate deadline = TODAY.plusDays(20);
        String track = Tracks.open("vkp", 3, deadline, deadline.plusDays(30));
        Tracks.enroll(track, Tracks.municipality("4611"), "4611").statusCode(201);
        try (EventProbe probe = EventProbe.open(TestSolutions.bootstrap(), "enrollment.tracks.v1")) {
            TestClock.set(deadline.minusDays(14));
            raceWatchers(4);
            EventContract.assertValid(
                    await(probe, track, APPROACHING, "daysLeft", "14").value());
            TestClock.set(deadline.minusDays(3));
            raceWatchers(4);
            EventContract.assertValid(
                    await(probe, track, APPROACHING, "daysLeft", "3").value());

            TestClock.set(deadline.plusDays(1));
            raceWatchers(6);
            raceWatchers(6);
            var passed = await(probe, track, PASSED, "registrationDeadline", deadline.toString());
            EventContract.assertValid(passed.value());
            assertEquals(1, passed.value().at("/data/confirmed").asInt());
            given().auth()
                    .oauth2(Tracks.admin())
                    .get("/api/v1/tracks/" + track)
                    .then()
                    .body("status", equalTo("REGISTRATION_CLOSED"));

            LocalDate moved = deadline.plusDays(10);
            given().auth()
                    .oauth2(Tracks.admin())
                    .contentType(ContentType.JSON)
                    .body("{\"registrationDeadline\": \"" + moved + "\", \"reason\": \"Flere kommuner ba om mer tid\"}")
                    .put("/api/v1/tracks/" + track + "/deadline")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("OPEN"));
            var extended = await(
                    probe, track, "no.ks.ehelse.track.deadline-extended.v1", "previousDeadline", deadline.toString());
            EventContract.assertValid(extended.value());

            // The new deadline is nine days away: the 14-day reminder is due again, for the new date.
            raceWatchers(4);
            var again = await(probe, track, APPROACHING, "registrationDeadline", moved.toString());
            assertEquals(9, again.value().at("/data/daysLeft").asInt());
            TestClock.set(moved.minusDays(3));
            raceWatchers(4);
            probe.await(
                    r -> track.equals(r.key())
                            && APPROACHING.equals(r.type())
                            && moved.toString()
                                    .equals(r.value()
                                            .at("/data/registrationDeadline")
                                            .asText())
                            && r.value().at("/data/daysLeft").asInt() == 3,
                    Duration.ofSeconds(30));
            TestClock.set(moved.plusDays(1));
            raceWatchers(4);
            await(probe, track, PASSED, "registrationDeadline", moved.toString());

            markRunning(probe, track);
            assertEquals(
                    List.of(deadline + " 14", deadline + " 3", moved + " 9", moved + " 3"),
                    seen(probe, track, APPROACHING).stream()
                            .map(r -> r.value().at("/data/registrationDeadline").asText() + " "
                                    + r.value().at("/data/daysLeft").asInt())
                            .toList(),
                    "each reminder once per deadline");
            assertEquals(
                    List.of(deadline.toString(), moved.toString()),
                    seen(probe, track, PASSED).stream()
                            .map(r -> r.value().at("/data/registrationDeadline").asText())
                            .toList(),
                    "deadline-passed once per deadline");
        }
    }

    @Test
    void aDeadlineThatPassedWhileTheServiceWasDownFiresOnceOnTheNextRunWithoutStaleReminders() throws Exception {
        LocalDate deadline = TODAY.plusDays(5);
        try (EventProbe probe = EventProbe.open(TestSolutions.bootstrap(), "enrollment.tracks.v1")) {
            // No watcher ran between creating the track and the day long after its deadline.
            TestClock.set(deadline.plusDays(40));
            String track = Tracks.open("digihelse", null, deadline, null);
            raceWatchers(2);
            await(probe, track, PASSED, "registrationDeadline", deadline.toString());
            markRunning(probe, track);
            assertEquals(1, seen(probe, track, PASSED).size());
            assertEquals(List.of(), seen(probe, track, APPROACHING));
        }
    }

    @Test
    void anOverduePrerequisiteIsADeadlinePassedForThatEnrollmentOnce() throws Exception {
        LocalDate deadline = TODAY.plusDays(10);
        String track = Tracks.open("digihelsestasjon", null, deadline, null);
        String enrollment = Tracks.enroll(track, Tracks.municipality("4612"), "4612")
                .statusCode(201)
                .extract()
                .path("id");
        try (EventProbe probe = EventProbe.open(TestSolutions.bootstrap(), "enrollment.enrollments.v1")) {
            TestClock.set(deadline.plusDays(21)); // the 'ressurser' item is due 20 days after the deadline
            raceWatchers(3);
            // A later event of the same municipality (same key, so sent after whatever the watchers wrote).
            given().auth()
                    .oauth2(Tracks.admin())
                    .contentType(ContentType.JSON)
                    .body("{\"phase\": \"CARRY_OUT\"}")
                    .put("/api/v1/enrollments/" + enrollment + "/phase")
                    .then()
                    .statusCode(200);
            probe.await(
                    r -> "no.ks.ehelse.enrollment.phase-changed.v1".equals(r.type())
                            && enrollment.equals(r.value().at("/data/id").asText()),
                    Duration.ofSeconds(30));
            List<EventProbe.Received> overdue = probe.drain(Duration.ZERO).stream()
                    .filter(r -> "no.ks.ehelse.enrollment.deadline-passed.v1".equals(r.type())
                            && enrollment.equals(r.value().at("/data/id").asText()))
                    .toList();
            assertEquals(1, overdue.size());
            EventContract.assertValid(overdue.get(0).value());
            assertEquals(
                    "ressurser", overdue.get(0).value().at("/data/deadlineItem").asText());
        }
    }
}
