package no.ks.ehelse.suite;

import static no.ks.ehelse.suite.Suite.contact;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import no.ks.ehelse.localstack.EventContract;
import no.ks.ehelse.localstack.EventProbe;
import no.ks.ehelse.localstack.MailSink;
import no.ks.ehelse.localstack.TestEvents;
import no.ks.ehelse.localstack.WebhookReceiver;

/**
 * The suite end to end, through HTTP and Kafka only: a track for DigiHelsestasjon with three places, four
 * municipalities enroll, one withdraws and the waitlisted one is promoted, NHN reports one as ACTIVE, the deadline
 * passes — with the mails, webhook calls, statistics and events each step should cause.
 */
class ScenarioIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SOLUTION = "digihelsestasjon";
    private static final List<String> MUNICIPALITIES = List.of("4611", "4612", "4613", "4614");
    private static final String LEAD = "innforingsleder@ks.example";
    private static final String DEPUTY = "stedfortreder@ks.example";

    private static Suite suite;

    @BeforeAll
    static void start() {
        suite = Suite.start("scenario");
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void fromOpeningATrackToItsDeadline() {
        MailSink mail = suite.mail;
        // Registry loaded: each municipality gets a contact address (fictitious), known to notification-service.
        suite.addContacts(MUNICIPALITIES);

        // An admin opens a track with three places and a deadline (retrying while the catalogue arrives).
        LocalDate deadline = LocalDate.now(ZoneOffset.UTC).plusDays(20);
        String track = await().atMost(WAIT)
                .until(
                        () -> suite.admin("enrollment-service")
                                .body("""
                {"solution": "%s", "name": "DigiHelsestasjon 2027 pulje 1", "capacity": 3,
                 "registrationDeadline": "%s", "kickOff": "%s",
                 "prerequisites": [{"id": "helseid", "category": "TECHNICAL", "description": "HelseID-klient bestilt"}],
                 "workingGroup": [{"role": "LEAD", "name": "Innføringsleder", "email": "%s"},
                                  {"role": "DEPUTY", "name": "Stedfortreder", "email": "%s"}]}""".formatted(SOLUTION, deadline, deadline.plusDays(14), LEAD, DEPUTY))
                                .post("/api/v1/tracks")
                                .then()
                                .extract(),
                        r -> r.statusCode() == 201)
                .path("id");
        suite.admin("enrollment-service")
                .body("{\"status\": \"OPEN\"}")
                .post("/api/v1/tracks/" + track + "/status")
                .then()
                .statusCode(200);

        try (WebhookReceiver receiver = new WebhookReceiver();
                EventProbe tracks = EventProbe.open(suite.kafka.bootstrapServers(), "enrollment.tracks.v1")) {
            JsonPath subscription = suite.admin("notification-service")
                    .body("""
                    {"eventTypes": ["no.ks.ehelse.enrollment.enrolled.v1", "no.ks.ehelse.enrollment.waitlist-promoted.v1"],
                     "channel": "WEBHOOK", "address": "%s", "trackId": "%s"}""".formatted(receiver.url("/ks"), track))
                    .post("/api/v1/subscriptions")
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(201)
                    .extract()
                    .jsonPath();
            receiver.secret("/ks", subscription.getString("secret"));

            // Four municipalities enroll: three confirmed, one waitlisted.
            List<String> enrollments = new ArrayList<>();
            for (String k : MUNICIPALITIES) {
                // enrollment-service learns the 835 municipality numbers from the registry's topic on first start.
                var response = await().atMost(WAIT)
                        .until(
                                () -> suite.as("enrollment-service", suite.municipality(k))
                                        .body("{\"kommunenummer\": \"" + k + "\"}")
                                        .post("/api/v1/tracks/" + track + "/enrollments")
                                        .then()
                                        .extract(),
                                r -> r.statusCode() != 400);
                assertEquals(201, response.statusCode(), response.body().asString());
                assertEquals(k.equals("4614") ? "WAITLISTED" : "CONFIRMED", response.path("status"));
                enrollments.add(response.path("id"));
            }
            for (String k : MUNICIPALITIES.subList(0, 3)) {
                MailSink.Mail m = mail.await(x -> x.isTo(contact(k)), 1, WAIT).get(0);
                assertTrue(m.subject().startsWith("Påmelding bekreftet"), m.subject());
                assertTrue(m.text().contains("HelseID-klient bestilt"), "the confirmation says what was signed up for");
            }
            MailSink.Mail waitlisted =
                    mail.await(x -> x.isTo(contact("4614")), 1, WAIT).get(0);
            assertTrue(waitlisted.subject().contains("venteliste plass 1"), waitlisted.subject());
            await().atMost(WAIT).until(() -> receiver.calls("/ks").size() == 4);
            assertTrue(receiver.calls("/ks").stream().allMatch(WebhookReceiver.Call::signatureValid));

            // One withdraws; the waitlisted one is promoted and told.
            suite.as("enrollment-service", suite.municipality("4612"))
                    .body("{\"reason\": \"Mangler kapasitet i høst\"}")
                    .post("/api/v1/enrollments/" + enrollments.get(1) + "/withdrawal")
                    .then()
                    .statusCode(200);
            mail.await(x -> x.isTo(contact("4614")) && x.subject().startsWith("Dere har fått plass"), 1, WAIT);
            await().atMost(WAIT).until(() -> receiver.calls("/ks").size() == 5);
            suite.admin("enrollment-service")
                    .get("/api/v1/enrollments/" + enrollments.get(3))
                    .then()
                    .body("status", equalTo("CONFIRMED"));

            // NHN reports 4611 ACTIVE (plain producer, the documented contract).
            int activeBefore = activeMunicipalities();
            int nonAdoptersBefore = nonAdopters();
            TestEvents.send(
                    suite.kafka.bootstrapServers(),
                    "nhn.adoption.v1",
                    "4611",
                    TestEvents.event("urn:no:nhn:adoption", "no.nhn.adoption.status.v1", "4611", """
                            {"kommunenummer": "4611", "solution": "%s", "status": "ACTIVE", "effectiveDate": "%s"}""".formatted(
                                    SOLUTION, LocalDate.now(ZoneOffset.UTC))));
            await().atMost(WAIT).until(() -> activeMunicipalities() == activeBefore + 1);
            assertEquals(nonAdoptersBefore - 1, nonAdopters());
            await().atMost(WAIT).until(() -> "LIVE"
                    .equals(suite.admin("enrollment-service")
                            .get("/api/v1/enrollments/" + enrollments.get(0))
                            .path("status")));
            MailSink.Mail live = mail.await(
                            x -> x.isTo(contact("4611")) && x.subject().contains("har tatt i bruk"), 1, WAIT)
                    .get(0);
            assertTrue(live.text().contains("Gratulerer"));
            mail.await(x -> x.isTo(LEAD) && x.subject().contains("har tatt i bruk"), 1, WAIT);

            // Two more tracks whose deadlines pass later, to see further rounds of the deadline watch below.
            String later = suite.openTrack(SOLUTION, "DigiHelsestasjon 2027 pulje 2", 3, deadline.plusDays(2));
            String last = suite.openTrack(SOLUTION, "DigiHelsestasjon 2027 pulje 3", 3, deadline.plusDays(4));

            // The deadline passes (the enrollment service's clock is moved by the test hook).
            moveEnrollmentClockTo(deadline.plusDays(1));
            EventProbe.Received passed = tracks.await(
                    r -> track.equals(r.key()) && "no.ks.ehelse.track.deadline-passed.v1".equals(r.type()), WAIT);
            EventContract.assertValid(passed.value());
            MailSink.Mail summary = mail.await(
                            x -> x.isTo(LEAD) && x.subject().startsWith("Påmeldingsfristen er passert"), 1, WAIT)
                    .get(0);
            assertTrue(summary.text().contains("Påmeldt (3)"), summary.text());
            // The watch runs every second: more rounds must not add a second event or a second summary. Rounds do
            // not overlap, and the round that passes the second track's deadline starts only after this event was
            // seen; the round that passes the third one starts only after that round has ended. So once the third
            // event is seen, a whole later round has re-checked this track, and what it wrote is in the outbox.
            moveEnrollmentClockTo(deadline.plusDays(3));
            tracks.await(r -> later.equals(r.key()) && "no.ks.ehelse.track.deadline-passed.v1".equals(r.type()), WAIT);
            moveEnrollmentClockTo(deadline.plusDays(5));
            tracks.await(r -> last.equals(r.key()) && "no.ks.ehelse.track.deadline-passed.v1".equals(r.type()), WAIT);
            await("enrollment-service's outbox to be empty")
                    .atMost(WAIT)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> suite.unpublished("enrollment-service") == 0);
            // drainToEnd returns everything the probe has seen, the awaited event included.
            long events = tracks.drainToEnd(WAIT).stream()
                    .filter(r -> track.equals(r.key()) && "no.ks.ehelse.track.deadline-passed.v1".equals(r.type()))
                    .count();
            assertEquals(1, events, "exactly one deadline-passed event after two more rounds of the watch");
            // notification-service has read every track event and sent every mail to the lead it holds.
            await("notification-service to have read enrollment.tracks.v1 and sent the lead's mails")
                    .atMost(WAIT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> Lag.total(
                                            suite.kafka.bootstrapServers(),
                                            Map.of("enrollment.tracks.v1", List.of("notification-service")))
                                    == 0
                            && suite.count(
                                            "notification-service",
                                            "SELECT count(*) FROM notification WHERE "
                                                    + "lower(recipient) = ? AND status IN ('PENDING', 'RETRYING')",
                                            LEAD)
                                    == 0);
            assertEquals(
                    1,
                    mail.mailsTo(LEAD).stream()
                            .filter(x -> x.subject().startsWith("Påmeldingsfristen er passert"))
                            .count(),
                    "one summary mail");
            System.out.printf(
                    "SCENARIO: 4 enrollments (3 confirmed, 1 waitlisted), %d mails, %d signed webhook calls,"
                            + " 1 withdrawal + promotion, NHN ACTIVE → coverage %d → %d, 1 deadline-passed, 1 summary%n",
                    mail.count(), receiver.calls("/ks").size(), activeBefore, activeMunicipalities());
        }
    }

    private static void moveEnrollmentClockTo(LocalDate day) {
        suite.admin("enrollment-service")
                .body("{\"now\": \"" + day.atTime(7, 0).toInstant(ZoneOffset.UTC) + "\"}")
                .put("/api/v1/admin/clock")
                .then()
                .statusCode(200);
    }

    private static int activeMunicipalities() {
        Map<String, Object> nation = suite.admin("adoption-stats-service")
                .get("/api/v1/adoption/" + SOLUTION + "/coverage")
                .then()
                .statusCode(200)
                .extract()
                .path("groups[0].byLevel");
        Object active = nation.get("ACTIVE");
        return active == null ? 0 : ((Number) active).intValue();
    }

    private static int nonAdopters() {
        return suite.admin("adoption-stats-service")
                .get("/api/v1/adoption/" + SOLUTION + "/non-adopters")
                .then()
                .statusCode(200)
                .extract()
                .path("count");
    }

    static String unique() {
        return UUID.randomUUID().toString();
    }
}
