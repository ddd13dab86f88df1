package no.ks.ehelse.suite;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * NHN as the documented contract describes it (docs/events/README.md): CloudEvents on {@code nhn.adoption.v1},
 * key = kommunenummer, status and usage reports. Builds a realistic stream with duplicates (the same event id
 * again) and corrections (a usage figure reported again with another value), and knows the aggregates it must
 * lead to: per municipality the status with the latest effective date, per usage key the last value reported.
 */
final class Nhn {

    record Event(String key, String id, String value) {}

    private final String solution;
    private final List<Event> events = new ArrayList<>();
    private final Map<String, String> latestStatus = new HashMap<>();
    private final Map<String, LocalDate> latestDate = new HashMap<>();
    private final Map<String, Double> usage = new LinkedHashMap<>();

    Nhn(String solution) {
        this.solution = solution;
    }

    /**
     * {@code count} events over the municipalities: status reports with rising effective dates, usage for
     * {@code metric}/{@code period}, about 2 % duplicates and 5 % usage corrections.
     */
    static Nhn stream(
            String solution, List<String> municipalities, int count, String metric, String period, long seed) {
        Nhn nhn = new Nhn(solution);
        Random random = new Random(seed);
        String[] statuses = {"ORDERED", "TECHNICALLY_READY", "ACTIVE", "DISCONTINUED"};
        LocalDate start = LocalDate.of(2024, 1, 1);
        Map<String, Integer> reportsOf = new HashMap<>();
        while (nhn.events.size() < count) {
            String k = municipalities.get(random.nextInt(municipalities.size()));
            int roll = random.nextInt(100);
            if (roll < 2 && !nhn.events.isEmpty()) {
                Event again = nhn.events.get(random.nextInt(nhn.events.size()));
                nhn.events.add(again); // a duplicate delivery: same id, same value
            } else if (roll < 55) {
                int n = reportsOf.merge(k, 1, Integer::sum);
                nhn.status(k, statuses[random.nextInt(statuses.length)], start.plusDays(n));
            } else {
                double value = nhn.usage.containsKey(k) && roll < 60
                        ? random.nextInt(1000) + 0.5 // a correction
                        : random.nextInt(1000);
                nhn.usage(k, metric, period, value);
            }
        }
        return nhn;
    }

    void status(String kommunenummer, String status, LocalDate effective) {
        add(kommunenummer, "no.nhn.adoption.status.v1", """
                {"kommunenummer": "%s", "solution": "%s", "status": "%s", "effectiveDate": "%s"}""".formatted(kommunenummer, solution, status, effective));
        LocalDate held = latestDate.get(kommunenummer);
        if (held == null || !effective.isBefore(held)) {
            latestDate.put(kommunenummer, effective);
            latestStatus.put(kommunenummer, status);
        }
    }

    void usage(String kommunenummer, String metric, String period, double value) {
        add(kommunenummer, "no.nhn.adoption.usage.v1", """
                {"kommunenummer": "%s", "solution": "%s", "metric": "%s", "period": "%s", "value": %s}""".formatted(kommunenummer, solution, metric, period, value));
        usage.put(kommunenummer, value);
    }

    private void add(String key, String type, String data) {
        String id = UUID.randomUUID().toString();
        events.add(new Event(key, id, """
                {"specversion": "1.0", "id": "%s", "source": "urn:no:nhn:adoption", "type": "%s", "subject": "%s",
                 "time": "%s", "datacontenttype": "application/json", "data": %s}""".formatted(id, type, key, java.time.Instant.now(), data)));
    }

    List<Event> events() {
        return events;
    }

    /** Municipalities per level, as coverage must report them for this solution. */
    Map<String, Long> expectedLevels() {
        Map<String, Long> levels = new HashMap<>();
        latestStatus.values().forEach(s -> levels.merge(s, 1L, Long::sum));
        return levels;
    }

    double expectedUsageTotal() {
        return usage.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Sends everything with an idempotent producer that waits (up to {@code patience}) for a missing broker. */
    void sendTo(String bootstrapServers, Duration patience) {
        sendTo(bootstrapServers, patience, 0, events.size());
    }

    /**
     * Sends the events from index {@code from} (inclusive) to {@code to} (exclusive), as {@link #sendTo}. An event
     * the broker did not acknowledge in time is sent again, as NHN's at-least-once producer would (the suite
     * recognises a repeat by its id), until {@code patience} has passed; then the call fails naming what is
     * missing, so a test never waits for an event that never left.
     */
    void sendTo(String bootstrapServers, Duration patience, int from, int to) {
        java.time.Instant deadline = java.time.Instant.now().plus(patience);
        List<Event> pending = events.subList(from, to);
        Throwable lastError = null;
        while (!pending.isEmpty()) {
            Duration left = Duration.between(java.time.Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new IllegalStateException(
                        pending.size() + " NHN events not acknowledged by the broker within " + patience, lastError);
            }
            java.util.Queue<Event> failed = new java.util.concurrent.ConcurrentLinkedQueue<>();
            java.util.concurrent.atomic.AtomicReference<Throwable> error =
                    new java.util.concurrent.atomic.AtomicReference<>();
            // Each attempt waits a part of the patience, so that what it could not deliver has time for another.
            Duration attempt = left.compareTo(patience.dividedBy(3)) < 0 ? left : patience.dividedBy(3);
            try (KafkaProducer<String, String> producer = producer(bootstrapServers, attempt, left)) {
                for (Event e : pending) {
                    ProducerRecord<String, String> record = new ProducerRecord<>("nhn.adoption.v1", e.key(), e.value());
                    record.headers()
                            .add(
                                    "content-type",
                                    "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
                    producer.send(record, (meta, sendError) -> {
                        if (sendError != null) {
                            failed.add(e);
                            error.set(sendError);
                        }
                    });
                }
                producer.flush();
            } catch (org.apache.kafka.common.KafkaException e) {
                // send() itself gave up waiting for metadata: nothing after it was handed over.
                throw new IllegalStateException("NHN events not handed to the producer within " + patience, e);
            }
            if (!failed.isEmpty()) {
                System.out.printf(
                        "NHN: %d of %d events not acknowledged (%s); sending them again%n",
                        failed.size(), pending.size(), error.get());
            }
            pending = List.copyOf(failed);
            lastError = error.get();
        }
    }

    /** Waits up to {@code block} for a broker to take a record, then up to {@code delivery} for its acknowledgement. */
    private static KafkaProducer<String, String> producer(String bootstrapServers, Duration delivery, Duration block) {
        int millis = (int) Math.max(delivery.toMillis(), 15_000);
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.LINGER_MS_CONFIG,
                        5,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        millis,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        Math.min(10_000, millis - 5),
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        block.toMillis()),
                new StringSerializer(),
                new StringSerializer());
    }
}
