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

    /** Everything the probe has seen so far (cumulative) of one type for the track. */
    private static List<EventProbe.Received> ofTrack(EventProbe probe, String track, String type) {
        return probe.drain(Duration.ofSeconds(2)).stream()
                .filter(r -> track.equals(r.key()) && type.equals(r.type())).toList();
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
    void remindersThenOneDeadlinePassedEvenWithRacingWatchersAndAMovedDeadlineFiresAgain() throws Exception {
        LocalDate deadline = TODAY.plusDays(20);
        String track = Tracks.open("vkp", 3, deadline, deadline.plusDays(30));
        Tracks.enroll(track, Tracks.municipality("4611"), "4611").statusCode(201);
        try (EventProbe probe = EventProbe.open(TestSolutions.bootstrap(), "enrollment.tracks.v1")) {
            TestClock.set(deadline.minusDays(14));
            raceWatchers(4);
            TestClock.set(deadline.minusDays(3));
            raceWatchers(4);
            List<EventProbe.Received> reminders = ofTrack(probe, track, "no.ks.ehelse.track.deadline-approaching.v1");
            assertEquals(List.of(14, 3), reminders.stream().map(r -> r.value().at("/data/daysLeft").asInt()).toList());
            reminders.forEach(r -> EventContract.assertValid(r.value()));

            TestClock.set(deadline.plusDays(1));
            raceWatchers(6);
            raceWatchers(6);
            List<EventProbe.Received> passed = ofTrack(probe, track, "no.ks.ehelse.track.deadline-passed.v1");
            assertEquals(1, passed.size(), "deadline-passed fires exactly once");
            EventContract.assertValid(passed.get(0).value());
            assertEquals(1, passed.get(0).value().at("/data/confirmed").asInt());
            given().auth().oauth2(Tracks.admin()).get("/api/v1/tracks/" + track).then()
                    .body("status", equalTo("REGISTRATION_CLOSED"));

            LocalDate moved = deadline.plusDays(10);
            given().auth().oauth2(Tracks.admin()).contentType(ContentType.JSON)
                    .body("{\"registrationDeadline\": \"" + moved + "\", \"reason\": \"Flere kommuner ba om mer tid\"}")
                    .put("/api/v1/tracks/" + track + "/deadline").then().statusCode(200).body("status", equalTo("OPEN"));
            var extended = probe.await(r -> track.equals(r.key())
                    && "no.ks.ehelse.track.deadline-extended.v1".equals(r.type()), Duration.ofSeconds(20));
            EventContract.assertValid(extended.value());
            assertEquals(deadline.toString(), extended.value().at("/data/previousDeadline").asText());

            TestClock.set(moved.plusDays(1));
            raceWatchers(4);
            List<EventProbe.Received> passedAgain = ofTrack(probe, track, "no.ks.ehelse.track.deadline-passed.v1").stream()
                    .filter(r -> moved.toString().equals(r.value().at("/data/registrationDeadline").asText())).toList();
            assertEquals(1, passedAgain.size(), "the moved deadline passes once more");
        }
    }

    @Test
    void aDeadlineThatPassedWhileTheServiceWasDownFiresOnceOnTheNextRunWithoutStaleReminders() throws Exception {
        LocalDate deadline = TODAY.plusDays(5);
        String track = Tracks.open("digihelse", null, deadline, null);
        try (EventProbe probe = EventProbe.open(TestSolutions.bootstrap(), "enrollment.tracks.v1",
                "enrollment.enrollments.v1")) {
            TestClock.set(deadline.plusDays(40)); // the service was down across the deadline
            raceWatchers(2);
            List<EventProbe.Received> seen = probe.drain(Duration.ofSeconds(2));
            assertEquals(1, seen.stream().filter(r -> track.equals(r.key())
                    && "no.ks.ehelse.track.deadline-passed.v1".equals(r.type())).count());
            assertEquals(0, seen.stream().filter(r -> track.equals(r.key())
                    && "no.ks.ehelse.track.deadline-approaching.v1".equals(r.type())).count());
        }
    }

    @Test
    void anOverduePrerequisiteIsADeadlinePassedForThatEnrollmentOnce() throws Exception {
        LocalDate deadline = TODAY.plusDays(10);
        String track = Tracks.open("digihelsestasjon", null, deadline, null);
        String enrollment = Tracks.enroll(track, Tracks.municipality("4612"), "4612").statusCode(201).extract().path("id");
        try (EventProbe probe = EventProbe.open(TestSolutions.bootstrap(), "enrollment.enrollments.v1")) {
            TestClock.set(deadline.plusDays(21)); // the 'ressurser' item is due 20 days after the deadline
            raceWatchers(3);
            List<EventProbe.Received> overdue = probe.drain(Duration.ofSeconds(2)).stream()
                    .filter(r -> "no.ks.ehelse.enrollment.deadline-passed.v1".equals(r.type())
                            && enrollment.equals(r.value().at("/data/id").asText()))
                    .toList();
            assertEquals(1, overdue.size());
            EventContract.assertValid(overdue.get(0).value());
            assertEquals("ressurser", overdue.get(0).value().at("/data/deadlineItem").asText());
        }
    }
}
