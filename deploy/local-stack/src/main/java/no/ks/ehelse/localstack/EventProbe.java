package no.ks.ehelse.localstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A plain Kafka consumer for tests: it reads what services put on a topic without any of the services' code.
 * By default it starts at the end of every partition, so it sees only what happens after it was opened.
 */
public final class EventProbe implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One record as the probe saw it. {@code value} is the parsed JSON, or null when the value is not JSON;
     * {@code timestamp} the record's time in epoch milliseconds (the producer's send time, CreateTime).
     */
    public record Received(
            String topic,
            int partition,
            String key,
            String rawValue,
            JsonNode value,
            Map<String, String> headers,
            long timestamp) {

        public String type() {
            return value == null ? null : value.path("type").asText(null);
        }
    }

    private final KafkaConsumer<String, String> consumer;
    private final List<Received> seen = new ArrayList<>();

    private EventProbe(String bootstrapServers, List<String> topics, boolean fromBeginning) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        partitions.forEach(consumer::position); // resolve the end offsets now, not at the first poll
    }

    public static EventProbe open(String bootstrapServers, String... topics) {
        return new EventProbe(bootstrapServers, List.of(topics), false);
    }

    /** A probe that also sees everything already on the topics, e.g. a compacted topic's state. */
    public static EventProbe openFromBeginning(String bootstrapServers, String... topics) {
        return new EventProbe(bootstrapServers, List.of(topics), true);
    }

    /** Waits for the first record matching the predicate; fails with what was seen instead. */
    public Received await(Predicate<Received> predicate, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        int checked = 0;
        while (true) {
            for (; checked < seen.size(); checked++) {
                if (predicate.test(seen.get(checked))) {
                    return seen.get(checked);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No matching record within " + timeout + "; saw " + seen);
            }
            poll(Duration.ofMillis(200));
        }
    }

    public Received awaitType(String type, Duration timeout) {
        return await(r -> type.equals(r.type()), timeout);
    }

    /** Everything seen so far, after polling for the given time. */
    public List<Received> drain(Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        while (Instant.now().isBefore(deadline)) {
            poll(Duration.ofMillis(100));
        }
        return List.copyOf(seen);
    }

    /**
     * Everything seen so far, after reading every partition up to its end as of this call: once the producers
     * have nothing left to send, the complete contents of the topics since the probe was opened.
     */
    public List<Received> drainToEnd(Duration timeout) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment(), timeout);
        Instant deadline = Instant.now().plus(timeout);
        while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not at the end offsets " + ends + " within " + timeout);
            }
            poll(Duration.ofMillis(100));
        }
        return List.copyOf(seen);
    }

    private void poll(Duration duration) {
        for (ConsumerRecord<String, String> r : consumer.poll(duration)) {
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            for (Header h : r.headers()) {
                headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
            }
            seen.add(new Received(
                    r.topic(), r.partition(), r.key(), r.value(), parse(r.value()), headers, r.timestamp()));
        }
    }

    private static JsonNode parse(String value) {
        try {
            return value == null ? null : JSON.readTree(value);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
