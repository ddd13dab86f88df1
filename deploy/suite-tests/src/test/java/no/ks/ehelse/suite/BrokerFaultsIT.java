package no.ks.ehelse.suite;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

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

/**
 * Broker faults on the three-node cluster production runs (replication 3, {@code min.insync.replicas=2}), one
 * suite for all of them, each on its own solution. Each fault is counted end to end: writes acknowledged over
 * REST, the events on the topic, and their effects in the consuming service (adoption-stats' enrollment
 * projection; for NHN, adoption-stats' aggregates and its record of applied events). Every test prints the
 * {@code BROKER FAULT} line docs/reliability.md reports.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokerFaultsIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String ENROLLED = "no.ks.ehelse.enrollment.enrolled.v1";
    private static Suite suite;
    private static KafkaCluster brokers;
    private static List<String> municipalities;

    @BeforeAll
    static void start() {
        suite = Suite.startOnKafkaCluster("broker-faults");
        brokers = suite.brokers;
        municipalities = suite.municipalities();
        assertEquals(357, municipalities.size());
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    /** A fault that fails half-way must not leave the next one with fewer brokers. */
    @AfterEach
    void resumeKilledBrokers() {
        for (int node = 1; node <= KafkaCluster.SIZE; node++) {
            if (!brokers.running(node)) {
                brokers.resume(node);
            }
        }
        brokers.awaitFullyInSync(WAIT);
    }

    /** kill -9 of the leader of nhn.adoption.v1's first partition while adoption-stats ingests NHN's stream. */
    @Test
    @Order(1)
    void nhnPartitionLeaderKilledMidIngestionEndsWithExactlyTheExpectedAggregates() throws Exception {
        Nhn nhn = Nhn.stream("kjernejournal", municipalities, 20_000, "oppslag", "2026-10", 7);
        long distinct = nhn.events().stream().map(Nhn.Event::id).distinct().count();
        int leader = brokers.leaderOf("nhn.adoption.v1", 0);
        CompletableFuture<Void> sent =
                CompletableFuture.runAsync(() -> nhn.sendTo(suite.bootstrapServers(), Duration.ofSeconds(120)));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> applied("adoption-stats-service.nhn") > 0);
        brokers.kill(leader);
        Instant killed = Instant.now();
        long atKill = applied("adoption-stats-service.nhn");
        int newLeader = await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> leaderOrNone("nhn.adoption.v1", 0), l -> l != leader && l > 0);
        Duration failover = Duration.between(killed, Instant.now());
        sent.get();
        assertTrue(atKill < distinct, "killed mid-ingestion: " + atKill + " of " + distinct + " applied");
        Instant resumed = Instant.now();
        brokers.resume(leader);
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> Suite.withoutNone(suite.levels("kjernejournal")).equals(nhn.expectedLevels()));
        await().atMost(WAIT)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> applied("adoption-stats-service.nhn") == distinct);
        Duration caughtUp = Duration.between(killed, Instant.now());
        assertEquals(nhn.expectedUsageTotal(), usageTotal("kjernejournal", "oppslag"), 0.001);
        brokers.awaitFullyInSync(WAIT);
        long onTopic = topicRecords("nhn.adoption.v1");
        System.out.printf(
                "BROKER FAULT 1: kill -9 of node %d (leader of nhn.adoption.v1-0) after %d of %d distinct NHN "
                        + "events were applied (%d sent, %d duplicate deliveries); node %d led the partition %d ms "
                        + "later; %d records on the topic (the idempotent producer wrote none twice); applied "
                        + "events %d = distinct (0 lost, 0 applied twice); levels %s and usage total %.1f as "
                        + "expected %d s after the kill; the node back and all copies in sync %d s after it "
                        + "was started%n",
                leader,
                atKill,
                distinct,
                nhn.events().size(),
                nhn.events().size() - distinct,
                newLeader,
                failover.toMillis(),
                onTopic,
                applied("adoption-stats-service.nhn"),
                nhn.expectedLevels(),
                nhn.expectedUsageTotal(),
                caughtUp.toSeconds(),
                Duration.between(resumed, Instant.now()).toSeconds());
        assertEquals(nhn.events().size(), onTopic, "each NHN record once on the topic");
    }

    /** kill -9 of the leader of an outbox topic's partition while municipalities enroll over REST. */
    @Test
    @Order(2)
    void outboxTopicLeaderKilledWhileEnrollingLosesAndDoublesNothing() throws Exception {
        String track = openTrack("digihelse", "DigiHelse 2027", 400);
        List<String> chosen = municipalities.subList(0, 150);
        int leader = brokers.leaderOf("enrollment.enrollments.v1", 0);
        try (EventProbe probe = EventProbe.openFromBeginning(suite.bootstrapServers(), "enrollment.enrollments.v1")) {
            Map<String, String> acknowledged = new ConcurrentHashMap<>();
            AtomicInteger refused = new AtomicInteger();
            CompletableFuture<Void> enrolling =
                    CompletableFuture.runAsync(() -> enroll(track, chosen, acknowledged, refused));
            await().atMost(WAIT).until(() -> acknowledged.size() >= 40 || enrolling.isDone());
            brokers.kill(leader);
            Instant killed = Instant.now();
            int atKill = acknowledged.size();
            enrolling.get();
            Instant resumed = Instant.now();
            brokers.resume(leader);
            assertEquals(0, refused.get(), "writes refused");
            assertTrue(atKill < chosen.size(), "killed while enrolling: " + atKill + " of " + chosen.size());
            Counted counted = countedOnce(track, acknowledged, probe, true);
            Duration recovered = Duration.between(killed, counted.at());
            brokers.awaitFullyInSync(WAIT);
            System.out.printf(
                    "BROKER FAULT 2: kill -9 of node %d (leader of enrollment.enrollments.v1-0) after %d of %d "
                            + "enrollments; %d acknowledged (201), %d refused; %d enrolled events on the topic for "
                            + "them, each once (%d copies); adoption-stats has %d of them (0 lost, 0 twice), %d s "
                            + "after the kill; all copies in sync %d s after the node was started%n",
                    leader,
                    atKill,
                    chosen.size(),
                    acknowledged.size(),
                    refused.get(),
                    counted.announced(),
                    counted.copies(),
                    counted.effects(),
                    recovered.toSeconds(),
                    Duration.between(resumed, Instant.now()).toSeconds());
        }
    }

    /**
     * Two of three brokers down (below min.insync): enrollments are still acknowledged (the outbox holds their
     * events), nothing reaches a consumer while only one copy could take a write, and after a broker returns
     * every event arrives, each effect once; the second broker then catches up too.
     */
    @Test
    @Order(3)
    void twoBrokersDownHoldsEventsInTheOutboxUntilOneReturns() throws Exception {
        String track = openTrack("htm", "Helhetlig tjenestemodell 2027", 400);
        List<String> chosen = municipalities.subList(150, 250);
        int first = brokers.leaderOf("enrollment.enrollments.v1", 0);
        int second = first % KafkaCluster.SIZE + 1;
        try (EventProbe probe = EventProbe.openFromBeginning(suite.bootstrapServers(), "enrollment.enrollments.v1")) {
            brokers.kill(first);
            brokers.kill(second);
            Instant down = Instant.now();
            Map<String, String> acknowledged = new ConcurrentHashMap<>();
            AtomicInteger refused = new AtomicInteger();
            enroll(track, chosen, acknowledged, refused);
            long restSeconds = Duration.between(down, Instant.now()).toSeconds();
            assertEquals(0, refused.get(), "writes refused while two brokers are down");
            assertEquals(chosen.size(), acknowledged.size());
            // Long enough for the relay's attempts to time out at least once (ack timeout 30 s + grace).
            Thread.sleep(
                    Math.max(0, 45_000 - Duration.between(down, Instant.now()).toMillis()));
            long held = suite.unpublished("enrollment-service");
            Map<String, Integer> seenWhileDown = announced(probe.drain(Duration.ofSeconds(2)), acknowledged);
            long effectsWhileDown = projected(track);
            Duration away = Duration.between(down, Instant.now());
            Instant returned = Instant.now();
            brokers.resume(first);
            Counted counted = countedOnce(track, acknowledged, probe, false);
            Duration recovered = Duration.between(returned, counted.at());
            Instant secondBack = Instant.now();
            brokers.resume(second);
            brokers.awaitFullyInSync(WAIT);
            System.out.printf(
                    "BROKER FAULT 3: nodes %d and %d killed (-9) for %d s; %d enrollments over REST in %d s, all "
                            + "201; while down %d events held in enrollment-service's outbox, %d enrolled events "
                            + "visible on the topic, %d in adoption-stats; after node %d returned every enrollment "
                            + "announced (%d, %d copies on the topic) and in adoption-stats once (%d) %d s later; "
                            + "node %d back and all copies in sync %d s after its start%n",
                    first,
                    second,
                    away.toSeconds(),
                    acknowledged.size(),
                    restSeconds,
                    held,
                    seenWhileDown.size(),
                    effectsWhileDown,
                    first,
                    counted.announced(),
                    counted.copies(),
                    counted.effects(),
                    recovered.toSeconds(),
                    second,
                    Duration.between(secondBack, Instant.now()).toSeconds());
            assertTrue(held >= chosen.size(), "the outbox held the events: " + held);
            assertEquals(0, seenWhileDown.size(), "nothing published below min.insync");
            assertEquals(0, effectsWhileDown, "nothing consumed below min.insync");
        }
    }

    /** What arrived for a set of acknowledged enrollments, and when the count was complete. */
    record Counted(int announced, int copies, long effects, Instant at) {}

    /**
     * Waits until every acknowledged enrollment is in adoption-stats and enrollment-service's outbox is empty,
     * then reads the topic to its end: each enrollment announced, each applied once; with {@code
     * eachOnceOnTopic} also each on the topic once. Below min.insync that cannot hold: the one broker left appends
     * what the relay sends and waits for copies that never come, the relay's attempt times out and is repeated,
     * and the first attempt's records are committed too once a broker returns; consumers drop those by event id.
     */
    private static Counted countedOnce(
            String track, Map<String, String> acknowledged, EventProbe probe, boolean eachOnceOnTopic) {
        await("every acknowledged enrollment in adoption-stats")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> projected(track) == acknowledged.size());
        Instant at = Instant.now();
        await("enrollment-service's outbox to be empty")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> suite.unpublished("enrollment-service") == 0);
        Map<String, Integer> seen = announced(probe.drainToEnd(WAIT), acknowledged);
        assertEquals(acknowledged.keySet(), seen.keySet(), "every acknowledged enrollment announced");
        int copies = seen.values().stream().mapToInt(Integer::intValue).sum();
        long effects = projected(track);
        assertEquals(acknowledged.size(), effects, "each enrollment once in adoption-stats");
        if (eachOnceOnTopic) {
            assertEquals(acknowledged.size(), copies, "each enrollment announced once: " + seen);
        }
        return new Counted(seen.size(), copies, effects, at);
    }

    private static Map<String, Integer> announced(List<EventProbe.Received> records, Map<String, String> ids) {
        Map<String, Integer> seen = new TreeMap<>();
        records.stream()
                .filter(r -> ENROLLED.equals(r.type()))
                .map(r -> r.value().at("/data/id").asText())
                .filter(ids::containsKey)
                .forEach(id -> seen.merge(id, 1, Integer::sum));
        return seen;
    }

    /** Enrolls each municipality once; a refusal is counted, never retried (a write either is or is not there). */
    private static void enroll(
            String track, List<String> chosen, Map<String, String> acknowledged, AtomicInteger refused) {
        for (String k : chosen) {
            ExtractableResponse<Response> r = suite.as("enrollment-service", suite.municipality(k))
                    .body("{\"kommunenummer\": \"" + k + "\"}")
                    .post("/api/v1/tracks/" + track + "/enrollments")
                    .then()
                    .extract();
            if (r.statusCode() == 201) {
                acknowledged.put(r.path("id"), k);
            } else {
                refused.incrementAndGet();
                System.out.println(
                        "refused " + k + ": " + r.statusCode() + " " + r.body().asString());
            }
        }
    }

    /** An open track, once enrollment-service knows every municipality (so no enrollment is refused for that). */
    private static String openTrack(String solution, String name, int capacity) {
        String track = suite.openTrack(solution, name, capacity);
        await().atMost(WAIT)
                .until(() -> ((Number) suite.admin("enrollment-service")
                                        .get("/api/v1/tracks/" + track + "/not-enrolled?size=1")
                                        .path("totalItems"))
                                .intValue()
                        == 357);
        return track;
    }

    /** The track's enrollments in adoption-stats' projection (one row per enrollment id). */
    private static long projected(String track) {
        return suite.count("adoption-stats-service", "SELECT count(*) FROM enrollment WHERE track_id = ?::uuid", track);
    }

    /** Events one consumer of adoption-stats has applied: their ids are recorded in the applying transaction. */
    private static long applied(String consumer) {
        return suite.count(
                "adoption-stats-service", "SELECT count(*) FROM processed_event WHERE consumer = ?", consumer);
    }

    private static int leaderOrNone(String topic, int partition) {
        try {
            return brokers.leaderOf(topic, partition);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Records on every partition of a topic (end offsets; the suite never deletes records). */
    private static long topicRecords(String topic) throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(
                Map.<String, Object>of("bootstrap.servers", suite.bootstrapServers()))) {
            var partitions = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get()
                    .get(topic)
                    .partitions();
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> ends =
                    new HashMap<>();
            partitions.forEach(p -> ends.put(
                    new org.apache.kafka.common.TopicPartition(topic, p.partition()),
                    org.apache.kafka.clients.admin.OffsetSpec.latest()));
            return admin.listOffsets(ends).all().get().values().stream()
                    .mapToLong(o -> o.offset())
                    .sum();
        }
    }

    private static double usageTotal(String solution, String metric) {
        return suite.admin("adoption-stats-service")
                .get("/api/v1/adoption/" + solution + "/usage?metric=" + metric + "&period=2026-10")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getDouble("total");
    }
}
