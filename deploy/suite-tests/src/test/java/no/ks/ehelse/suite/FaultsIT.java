package no.ks.ehelse.suite;

import static no.ks.ehelse.suite.Suite.contact;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import no.ks.ehelse.localstack.EventProbe;
import no.ks.ehelse.localstack.MailSink;

/**
 * Faults that must lose nothing, against the suite as separate processes (one suite for all of them, each fault
 * on its own solution and track). Every test prints the counts docs/reliability.md reports.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static Suite suite;
    private static List<String> municipalities;

    @BeforeAll
    static void start() {
        // Killing a service mid-SMTP-session makes the test's SMTP server log a reset connection from its own
        // thread; Awaitility would otherwise fail whatever await is running at that moment because of it.
        org.awaitility.Awaitility.doNotCatchUncaughtExceptionsByDefault();
        suite = Suite.start("faults");
        municipalities = suite.municipalities();
        assertEquals(357, municipalities.size());
    }

    @AfterAll
    static void stop() {
        org.awaitility.Awaitility.reset();
        if (suite != null) {
            suite.close();
        }
    }

    /** A fault test that fails half-way must not leave a killed service behind for the next one. */
    @AfterEach
    void restartWhatWasKilled() {
        suite.startMissing();
    }

    /** Fault 2: kill -9 of adoption-stats while it ingests 60,000 NHN events with duplicates and corrections. */
    @Test
    @Order(1)
    void adoptionStatsKilledMidIngestionEndsWithExactlyTheExpectedAggregates() throws Exception {
        Nhn nhn = Nhn.stream("kjernejournal", municipalities, 60_000, "oppslag", "2026-10", 2);
        long distinct = nhn.events().stream().map(Nhn.Event::id).distinct().count();
        long duplicates = nhn.events().size() - distinct;
        CompletableFuture<Void> sent =
                CompletableFuture.runAsync(() -> nhn.sendTo(suite.kafka.bootstrapServers(), Duration.ofSeconds(60)));
        // Killed as soon as the first batch is committed, while the stream still arrives (the service takes up to
        // a thousand records per transaction).
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> appliedNhnEvents() > 0);
        suite.kill("adoption-stats-service");
        long atKill = appliedNhnEvents();
        sent.get();
        Instant restarted = Instant.now();
        suite.startService("adoption-stats-service");
        assertTrue(atKill < distinct, "killed before the end of the stream: " + atKill + " of " + distinct);
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> Suite.withoutNone(suite.levels("kjernejournal")).equals(nhn.expectedLevels()));
        // Usage figures share partitions with the statuses but may still be arriving when the levels match; a
        // metric with no figure yet is a 400 (unknown metric), so wait for the total rather than read it once.
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertEquals(
                        nhn.expectedUsageTotal(),
                        suite.admin("adoption-stats-service")
                                .get("/api/v1/adoption/kjernejournal/usage?metric=oppslag&period=2026-10")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getDouble("total"),
                        0.001));
        System.out.printf(
                "FAULT 2: %d NHN events (%d duplicate deliveries), killed after %d of %d distinct events "
                        + "were applied; after restart levels %s and usage total %.1f equal the expected ones (%d s)%n",
                nhn.events().size(),
                duplicates,
                atKill,
                distinct,
                nhn.expectedLevels(),
                nhn.expectedUsageTotal(),
                Duration.between(restarted, Instant.now()).toSeconds());
    }

    /** Fault 3: kill -9 of notification-service while it sends confirmations. */
    @Test
    @Order(2)
    void notificationKilledWhileSendingDeliversEachMailOnce() throws Exception {
        List<String> chosen = municipalities.subList(100, 250);
        suite.addContacts(chosen);
        String track = openTrack("htm", "Helhetlig tjenestemodell 2027", 200);
        MailSink mail = suite.mail;
        int before = mail.count();
        CompletableFuture<Void> enrolling = CompletableFuture.runAsync(() -> chosen.forEach(k -> enroll(track, k)));
        // Kill while mails are going out: after the first 30 of 150 have arrived (an enrollment that fails ends
        // the wait with its own error).
        await("the first 30 of " + chosen.size() + " confirmation mails")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    if (enrolling.isCompletedExceptionally()) {
                        enrolling.join();
                    }
                    return mail.count() - before >= 30;
                });
        suite.kill("notification-service");
        int atKill = mail.count() - before;
        assertTrue(atKill < chosen.size(), "killed while sending (" + atKill + " of " + chosen.size() + " out)");
        enrolling.get();
        suite.startService("notification-service");
        await("a confirmation to each of the " + chosen.size() + " recipients")
                .atMost(WAIT)
                .until(() ->
                        chosen.stream().allMatch(k -> !mail.mailsTo(contact(k)).isEmpty()));
        // Nothing left to send to them: no mail notification-service holds for them is pending or to be retried,
        // so the count of copies below is final.
        List<String> recipients = chosen.stream().map(Suite::contact).toList();
        await("notification-service to have no mail left to send to the " + chosen.size() + " recipients")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> suite.count(
                                "notification-service",
                                "SELECT count(*) FROM notification WHERE channel = 'EMAIL' AND lower(recipient) = ANY (?)"
                                        + " AND status IN ('PENDING', 'RETRYING')",
                                recipients)
                        == 0);
        int copies = 0;
        for (String k : chosen) {
            List<MailSink.Mail> received = mail.mailsTo(contact(k));
            Set<String> ids = received.stream().map(MailSink.Mail::messageId).collect(Collectors.toSet());
            assertEquals(1, ids.size(), k + ": one message (Message-ID) per recipient, got " + ids);
            copies += received.size();
        }
        assertTrue(copies - chosen.size() <= 1, "at most the one message in flight at the kill is repeated");
        System.out.printf(
                "FAULT 3: %d confirmations expected, %d received before kill -9, after restart %d distinct"
                        + " messages, %d raw copies (a repeat carries the same Message-ID)%n",
                chosen.size(), atKill, chosen.size(), copies);
    }

    /** Fault 1: the broker away for 30 s while 200 enrollments are made and 5,000 NHN events wait to be sent. */
    @Test
    @Order(3)
    void kafkaAwayForThirtySecondsLosesAndDoublesNothing() throws Exception {
        String track = openTrack("digihelse", "DigiHelse 2027", 250);
        await().atMost(WAIT)
                .until(() -> ((Number) suite.admin("enrollment-service")
                                        .get("/api/v1/tracks/" + track + "/not-enrolled?size=1")
                                        .path("totalItems"))
                                .intValue()
                        == 357);
        List<String> chosen = municipalities.subList(0, 200);
        Nhn nhn = Nhn.stream("vkp", municipalities, 5_000, "alarmer", "2026-10", 1);
        try (EventProbe enrollments =
                EventProbe.openFromBeginning(suite.kafka.bootstrapServers(), "enrollment.enrollments.v1")) {
            suite.kafka.pause();
            Instant down = Instant.now();
            CompletableFuture<Void> nhnSent = CompletableFuture.runAsync(
                    () -> nhn.sendTo(suite.kafka.bootstrapServers(), Duration.ofSeconds(180)));
            Map<String, String> ids = new TreeMap<>();
            for (String k : chosen) {
                ExtractableResponse<Response> r = suite.as("enrollment-service", suite.municipality(k))
                        .body("{\"kommunenummer\": \"" + k + "\"}")
                        .post("/api/v1/tracks/" + track + "/enrollments")
                        .then()
                        .extract();
                assertEquals(201, r.statusCode(), r.body().asString());
                ids.put(r.path("id"), k);
            }
            long restMillis = Duration.between(down, Instant.now()).toMillis();
            // The fault itself: the broker stays away for 30 s in all.
            Thread.sleep(Math.max(0, 30_000 - restMillis));
            suite.kafka.resume();
            nhnSent.get();

            Map<String, Integer> seen = new HashMap<>();
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        seen.clear();
                        enrollments.drain(Duration.ofMillis(500)).stream()
                                .filter(r -> "no.ks.ehelse.enrollment.enrolled.v1".equals(r.type()))
                                .map(r -> r.value().at("/data/id").asText())
                                .filter(ids::containsKey)
                                .forEach(id -> seen.merge(id, 1, Integer::sum));
                        return seen.size() == ids.size();
                    });
            // Every announcement is out once enrollment-service's outbox is empty (the relay deletes an event when
            // the broker has acknowledged it); then the topic read to its end holds each copy there will be.
            await("enrollment-service's outbox to be empty")
                    .atMost(WAIT)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> suite.unpublished("enrollment-service") == 0);
            List<EventProbe.Received> all = enrollments.drainToEnd(WAIT);
            seen.clear();
            all.stream()
                    .filter(r -> "no.ks.ehelse.enrollment.enrolled.v1".equals(r.type()))
                    .map(r -> r.value().at("/data/id").asText())
                    .filter(ids::containsKey)
                    .forEach(id -> seen.merge(id, 1, Integer::sum));
            assertEquals(ids.keySet(), seen.keySet(), "every enrollment announced");
            if (!seen.values().stream().allMatch(n -> n == 1)) {
                all.stream()
                        .filter(r -> "no.ks.ehelse.enrollment.enrolled.v1".equals(r.type()))
                        .filter(r -> seen.getOrDefault(r.value().at("/data/id").asText(), 0) > 1)
                        .forEach(r -> System.out.println(
                                "TWICE " + r.value().at("/data/id").asText() + " event "
                                        + r.value().at("/id").asText() + " partition " + r.partition() + " at "
                                        + r.value().at("/time").asText()));
            }
            assertTrue(seen.values().stream().allMatch(n -> n == 1), "none announced twice: " + seen);

            long distinct = nhn.events().stream().map(Nhn.Event::id).distinct().count();
            long appliedBefore = appliedNhnEvents();
            // On a timeout the message tells whether the events did not arrive or arrived and were counted wrong.
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertEquals(
                            nhn.expectedLevels(),
                            Suite.withoutNone(suite.levels("vkp")),
                            () -> "NHN events applied in all: " + safely(FaultsIT::appliedNhnEvents) + " ("
                                    + appliedBefore + " when the outbox had emptied; this stream has " + distinct
                                    + " distinct); adoption-stats readiness " + readiness("adoption-stats-service")));
            // Usage figures share partitions with the statuses but may still be arriving when the levels match; a
            // metric with no figure yet is a 400 (unknown metric), so wait for the total rather than read it once.
            await().atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertEquals(
                            nhn.expectedUsageTotal(),
                            suite.admin("adoption-stats-service")
                                    .get("/api/v1/adoption/vkp/usage?metric=alarmer&period=2026-10")
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .jsonPath()
                                    .getDouble("total"),
                            0.001));
            System.out.printf(
                    "FAULT 1: broker stopped %d s; %d enrollments over REST while away (all 201), %d NHN "
                            + "events buffered by the producer; afterwards %d enrolled events, each exactly once; adoption "
                            + "levels %s and usage total %.1f equal the expected ones%n",
                    30, ids.size(), nhn.events().size(), seen.size(), nhn.expectedLevels(), nhn.expectedUsageTotal());
        }
    }

    /** Fault 4: the suite's PostgreSQL stopped and started under traffic. */
    @Test
    @Order(4)
    void postgresRestartedUnderTrafficLosesNoAcknowledgedWrite() throws Exception {
        Map<String, Written> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        List<String> targets = municipalities.subList(200, 260);
        CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> {
            int i = 0;
            while (running.get()) {
                String k = targets.get(i++ % targets.size());
                String email = "trafikk-" + i + "@" + k + ".kommune.example";
                try {
                    ExtractableResponse<Response> r = suite.admin("registry-service")
                            .body("""
                            {"role": "IT_CONTACT", "name": "IT", "email": "%s"}""".formatted(email))
                            .post("/api/v1/municipalities/" + k + "/contacts")
                            .then()
                            .extract();
                    if (r.statusCode() / 100 == 2) {
                        acknowledged.put(r.path("id"), new Written(k, email));
                    } else {
                        failed.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                }
            }
        });
        await().atMost(WAIT).until(() -> acknowledged.size() >= 20);
        Set<String> sawNotReady = ConcurrentHashMap.newKeySet();
        suite.postgres.stop();
        try {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
                for (String s : Suite.SERVICES) {
                    if (readiness(s) != 200) {
                        sawNotReady.add(s);
                    }
                }
                return sawNotReady.size() == Suite.SERVICES.size();
            });
        } finally {
            suite.postgres.start();
        }
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> Suite.SERVICES.stream()
                .allMatch(s -> readiness(s) == 200));
        int before = acknowledged.size();
        await().atMost(WAIT).until(() -> acknowledged.size() >= before + 20);
        running.set(false);
        traffic.get();
        // Every acknowledged write is stored as it was sent: read back over REST, field by field.
        List<String> differ = new ArrayList<>();
        for (Map.Entry<String, Written> e : acknowledged.entrySet()) {
            ExtractableResponse<Response> stored = suite.admin("registry-service")
                    .get("/api/v1/contacts/" + e.getKey())
                    .then()
                    .statusCode(200)
                    .extract();
            Map<String, Object> expected = Map.of(
                    "id",
                    e.getKey(),
                    "kommunenummer",
                    e.getValue().kommunenummer(),
                    "role",
                    "IT_CONTACT",
                    "name",
                    "IT",
                    "email",
                    e.getValue().email());
            Map<String, Object> actual = new HashMap<>();
            expected.keySet().forEach(field -> actual.put(field, stored.path(field)));
            if (!expected.equals(actual)) {
                differ.add("stored " + actual + ", acknowledged " + expected);
            }
        }
        assertEquals(List.of(), differ, "acknowledged contacts as stored");
        System.out.printf(
                "FAULT 4: PostgreSQL stopped and started under traffic; all %d services reported not ready"
                        + " and recovered by themselves; %d writes acknowledged (2xx) all stored as sent (read "
                        + "back field by field), %d refused during the outage%n",
                Suite.SERVICES.size(), acknowledged.size(), failed.get());
    }

    /**
     * Fault 5: poison on every consumed topic — a broken envelope, and data-level poison (a bad date, a number out of
     * range, a NUL character in text) — goes to its DLQ with a reason and a category, once per service that reads
     * the bad field; consumption goes on.
     */
    @Test
    @Order(5)
    void poisonOnEveryConsumedTopicIsDeadLetteredAndConsumptionContinues() throws Exception {
        Map<String, List<String>> consumers = new TreeMap<>(Good.<List<String>>pairs(
                "registry.solutions.v1",
                        List.of("enrollment-service", "adoption-stats-service", "notification-service"),
                "registry.municipalities.v1",
                        List.of("enrollment-service", "adoption-stats-service", "notification-service"),
                "registry.contacts.v1", List.of("enrollment-service", "notification-service"),
                "registry.vendors.v1", List.of("enrollment-service"),
                "notification.acknowledgements.v1", List.of("enrollment-service"),
                "enrollment.tracks.v1", List.of("adoption-stats-service", "notification-service"),
                "enrollment.meetings.v1", List.of("notification-service"),
                "enrollment.enrollments.v1", List.of("adoption-stats-service", "notification-service"),
                "adoption.events.v1", List.of("enrollment-service", "notification-service"),
                "registry.host-arrangements.v1", List.of("enrollment-service"),
                "nhn.adoption.v1", List.of("adoption-stats-service")));
        Map<String, String> good = Good.records();
        List<Poison> poisons = Poison.all(consumers, good);
        try (EventProbe dlq = EventProbe.open(
                suite.kafka.bootstrapServers(),
                consumers.keySet().stream().map(t -> t + ".dlq").toArray(String[]::new))) {
            for (Poison poison : poisons) {
                String key = Good.keyOf(poison.topic());
                no.ks.ehelse.localstack.TestEvents.send(
                        suite.kafka.bootstrapServers(), poison.topic(), key, poison.value());
                no.ks.ehelse.localstack.TestEvents.send(
                        suite.kafka.bootstrapServers(), poison.topic(), key, good.get(poison.topic()));
            }
            int expected = poisons.stream().mapToInt(p -> p.consumers().size()).sum();
            await().atMost(WAIT).until(() -> dlq.drain(Duration.ofMillis(500)).size() >= expected);
            // Anything dead-lettered twice or wrongly shows up in these two seconds more.
            List<EventProbe.Received> dead = dlq.drain(Duration.ofSeconds(2));
            List<String> wrong = new ArrayList<>();
            Map<String, Integer> deadLettered = new TreeMap<>();
            Map<String, Integer> byCategory = new TreeMap<>();
            for (EventProbe.Received r : dead) {
                String topic = r.headers().get("dead-letter-topic");
                deadLettered.merge(topic, 1, Integer::sum);
                byCategory.merge(r.headers().get("dead-letter-category"), 1, Integer::sum);
                Poison poison = poisons.stream()
                        .filter(p -> p.topic().equals(topic) && p.value().equals(r.rawValue()))
                        .findFirst()
                        .orElse(null);
                String reason = r.headers().getOrDefault("dead-letter-reason", "");
                if (poison == null) {
                    wrong.add("not poison, yet dead-lettered: " + r);
                } else if (reason.isBlank() || (poison.reason() != null && !reason.contains(poison.reason()))) {
                    wrong.add(topic + ": reason '" + reason + "', expected '" + poison.reason() + "'");
                } else if (!poison.category().equals(r.headers().get("dead-letter-category"))) {
                    wrong.add(topic + ": category " + r.headers().get("dead-letter-category") + " for '" + reason
                            + "', expected " + poison.category());
                }
            }
            for (Poison poison : poisons) {
                long times = dead.stream()
                        .filter(r -> poison.topic().equals(r.headers().get("dead-letter-topic"))
                                && poison.value().equals(r.rawValue()))
                        .count();
                if (times != poison.consumers().size()) {
                    wrong.add(poison.topic() + ": '" + poison.reason() + "' dead-lettered " + times
                            + " times, expected once by each of " + poison.consumers());
                }
            }
            assertEquals(List.of(), wrong, "dead letters");
            // The good record after each poison is processed: every consumer group reaches the end of its topics.
            await().atMost(WAIT)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> Lag.total(suite.kafka.bootstrapServers(), consumers) == 0);
            // And its effect is visible: NHN's good record made 4601 ACTIVE for pll.
            await().atMost(WAIT).until(() -> suite.levels("pll").getOrDefault("ACTIVE", 0L) == 1L);
            System.out.printf(
                    "FAULT 5: %d poison records (%d broken envelopes, %d bad values) on %d consumed topics → %d "
                            + "dead letters, once per reading consumer, by topic %s, by category %s, each with "
                            + "the expected reason; every consumer group's lag 0 afterwards%n",
                    poisons.size(),
                    consumers.size(),
                    poisons.size() - consumers.size(),
                    consumers.size(),
                    dead.size(),
                    deadLettered,
                    byCategory);
        }
    }

    /** Fault 6: malformed input against every write endpoint of every service. */
    @Test
    @Order(6)
    void badInputOnEveryWriteEndpointIsAProblemNeverA5xx() {
        BadInput.Report report = BadInput.against(suite);
        assertTrue(report.serverErrors().isEmpty(), "5xx: " + report.serverErrors());
        assertTrue(report.notProblemJson().isEmpty(), "not problem+json: " + report.notProblemJson());
        assertTrue(
                report.acceptedMalformed().isEmpty(),
                "answered 2xx, though the OpenAPI document rejects the body: " + report.acceptedMalformed());
        assertTrue(report.requests() > 300, "a real set: " + report.requests());
        assertTrue(report.malformed() > 300, "a real set of bodies the schemas reject: " + report.malformed());
        System.out.printf(
                "FAULT 6: %d generated requests against %d write endpoints of 4 services, %d of them "
                        + "rejected by the endpoint's own schema: 0 server errors, all answers problem+json (statuses %s), "
                        + "none of the %d answered 2xx; schema-valid ones accepted: %s%n",
                report.requests(),
                report.endpoints(),
                report.malformed(),
                report.statuses(),
                report.malformed(),
                report.acceptedValid());
    }

    /** A contact write the registry acknowledged. */
    record Written(String kommunenummer, String email) {}

    static String openTrack(String solution, String name, int capacity) {
        return suite.openTrack(solution, name, capacity);
    }

    static void enroll(String track, String k) {
        ExtractableResponse<Response> r = await().atMost(WAIT)
                .until(
                        () -> suite.as("enrollment-service", suite.municipality(k))
                                .body("{\"kommunenummer\": \"" + k + "\"}")
                                .post("/api/v1/tracks/" + track + "/enrollments")
                                .then()
                                .extract(),
                        x -> x.statusCode() != 400);
        assertEquals(201, r.statusCode(), r.body().asString());
    }

    static int confirmations(MailSink mail, List<String> chosen) {
        return (int)
                chosen.stream().filter(k -> !mail.mailsTo(contact(k)).isEmpty()).count();
    }

    /** NHN events adoption-stats has committed: their ids are recorded in the transaction that applies them. */
    static long appliedNhnEvents() throws java.sql.SQLException {
        try (var c = java.sql.DriverManager.getConnection(suite.jdbcUrl("adoption-stats-service"), "postgres", "");
                var rs = c.createStatement()
                        .executeQuery(
                                "SELECT count(*) FROM processed_event WHERE consumer = 'adoption-stats-service.nhn'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** For a failure message: the value, or the reason it could not be read. */
    static String safely(java.util.concurrent.Callable<?> read) {
        try {
            return String.valueOf(read.call());
        } catch (Exception e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    static int readiness(String service) {
        try {
            return io.restassured.RestAssured.given()
                    .baseUri(suite.managementUrl(service))
                    .get("/q/health/ready")
                    .statusCode();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    static List<String> copy(List<String> list) {
        return new ArrayList<>(list);
    }
}
