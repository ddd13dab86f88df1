package no.ks.ehelse.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import no.ks.ehelse.suite.Suite;

/**
 * Freshness (issue 21 §3): how long an NHN status report takes from produce to visible in the coverage answer a
 * reader gets, while NHN sends a steady {@value #RATE} events/s. The load is usage figures and status reports for
 * every solution but {@value #PROBE_SOLUTION}; one probe municipality's status for {@value #PROBE_SOLUTION} is
 * flipped between ACTIVE and ORDERED, one report at a time, and the national coverage answer is read every
 * {@value #READ_EVERY_MS} ms until its ACTIVE count shows the flip.
 */
final class Freshness {

    static final int RATE = 1_000;
    static final String PROBE_SOLUTION = "news2";
    static final int READ_EVERY_MS = 10;
    private static final int PROBES = 60;

    private Freshness() {}

    /** Produce → visible in milliseconds, one per probe. */
    static List<Long> measure(Suite suite, List<String> municipalities, List<String> loadSolutions) throws Exception {
        String probe = municipalities.get(0);
        String token = suite.token("reader", Map.of());
        String url =
                suite.url("adoption-stats-service") + "/api/v1/adoption/" + PROBE_SOLUTION + "/coverage?groupBy=NATION";
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong sent = new AtomicLong();
        List<Long> delays = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer(suite)) {
            Thread load = new Thread(() -> steadyLoad(producer, municipalities, loadSolutions, running, sent));
            load.start();
            try {
                // Each report a day later than the last, so every one is the latest (the data set's end in 2026).
                LocalDate day = LocalDate.now().minusDays(PROBES + 30L);
                // From a known start: ORDERED, so the first flip (to ACTIVE) changes the count.
                producer.send(record(
                        probe, "no.nhn.adoption.status.v1", """
                        {"kommunenummer": "%s", "solution": "%s", "status": "ORDERED", "effectiveDate": "%s"}""".formatted(probe, PROBE_SOLUTION, day.minusDays(1))));
                producer.flush();
                long active = settled(suite, url, token);
                for (int i = 0; i < PROBES; i++) {
                    boolean toActive = i % 2 == 0;
                    long expected = active + (toActive ? 1 : -1);
                    String status = toActive ? "ACTIVE" : "ORDERED";
                    long t0 = System.nanoTime();
                    producer.send(record(probe, "no.nhn.adoption.status.v1", """
                                    {"kommunenummer": "%s", "solution": "%s", "status": "%s", "effectiveDate": "%s"}""".formatted(
                                    probe, PROBE_SOLUTION, status, day.plusDays(i))));
                    Instant deadline = Instant.now().plusSeconds(30);
                    while (active(suite, url, token) != expected) {
                        if (Instant.now().isAfter(deadline)) {
                            throw new AssertionError("the coverage answer did not show probe " + i + " within 30 s");
                        }
                        Thread.sleep(READ_EVERY_MS);
                    }
                    delays.add((System.nanoTime() - t0) / 1_000_000);
                    active = expected;
                }
            } finally {
                running.set(false);
                load.join();
            }
        }
        return delays;
    }

    /** The count once the starting report is applied: the same in three reads a second apart. */
    private static long settled(Suite suite, String url, String token) throws InterruptedException {
        long last = -1;
        int same = 0;
        while (same < 3) {
            Thread.sleep(1_000);
            long now = active(suite, url, token);
            same = now == last ? same + 1 : 1;
            last = now;
        }
        return last;
    }

    /** The national count of ACTIVE municipalities for the probe's solution, as a reader gets it. */
    private static long active(Suite suite, String url, String token) {
        Number n = io.restassured.RestAssured.given()
                .header("Authorization", "Bearer " + token)
                .accept("application/json")
                .get(url)
                .then()
                .statusCode(200)
                .extract()
                .path("groups[0].byLevel.ACTIVE");
        return n == null ? 0 : n.longValue();
    }

    /** {@value #RATE} events/s in slices of 10 ms, usage figures and status reports for the other solutions. */
    private static void steadyLoad(
            KafkaProducer<String, String> producer,
            List<String> municipalities,
            List<String> solutions,
            AtomicBoolean running,
            AtomicLong sent) {
        Random random = new Random(3);
        long start = System.nanoTime();
        while (running.get()) {
            long due = (System.nanoTime() - start) * RATE / 1_000_000_000L;
            while (sent.get() < due) {
                String k = municipalities.get(random.nextInt(municipalities.size()));
                String solution = solutions.get(random.nextInt(solutions.size()));
                if (random.nextBoolean()) {
                    producer.send(record(k, "no.nhn.adoption.usage.v1", """
                            {"kommunenummer": "%s", "solution": "%s", "metric": "bruk", "period": "2026-0%d", \
                            "value": %d}""".formatted(
                                    k, solution, 1 + random.nextInt(9), random.nextInt(5000))));
                } else {
                    producer.send(record(k, "no.nhn.adoption.status.v1", """
                            {"kommunenummer": "%s", "solution": "%s", "status": "ACTIVE", "effectiveDate": "%s"}""".formatted(
                                    k, solution, LocalDate.now().minusDays(1 + random.nextInt(300)))));
                }
                sent.incrementAndGet();
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static ProducerRecord<String, String> record(String k, String type, String data) {
        String value = """
                {"specversion": "1.0", "id": "%s", "source": "urn:no:nhn:adoption", "type": "%s", "subject": "%s", \
                "time": "%s", "datacontenttype": "application/json", "data": %s}""".formatted(UUID.randomUUID(), type, k, Instant.now(), data);
        ProducerRecord<String, String> record = new ProducerRecord<>("nhn.adoption.v1", k, value);
        record.headers()
                .add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static KafkaProducer<String, String> producer(Suite suite) {
        // NHN's side as a client would send it one by one: no linger, so the probe is not held back for a batch.
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        suite.kafka.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        0),
                new StringSerializer(),
                new StringSerializer());
    }
}
