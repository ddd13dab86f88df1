package no.ks.ehelse.localstack;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Builds events as other services (or NHN) publish them, validated against docs/events, and sends them with a
 * plain producer exactly as an outbox relay does (content-type header included). For consumer-side tests.
 */
public final class TestEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestEvents() {}

    /** A CloudEvent with the given data (a JSON object), checked against its schema. */
    public static String event(String source, String type, String subject, String data) {
        return event(UUID.randomUUID().toString(), source, type, subject, data);
    }

    public static String event(String id, String source, String type, String subject, String data) {
        String value = """
                {"specversion": "1.0", "id": "%s", "source": "%s", "type": "%s", "subject": "%s", "time": "%s",
                 "datacontenttype": "application/json", "data": %s}""".formatted(id, source, type, subject, Instant.now(), data);
        try {
            EventContract.assertValid(JSON.readTree(value));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return value;
    }

    /**
     * registry's municipality.registered: a current number (validTo null, no successors) or a former one with its
     * successors (kommunenummer → name, in order).
     */
    public static String municipality(
            String number,
            String name,
            String network,
            String healthRegion,
            Integer population,
            String validTo,
            Map<String, String> successors) {
        String links = successors.entrySet().stream()
                .map(s -> """
                {"kommunenummer": "%s", "name": "%s", "effectiveDate": "%s", "changeType": "%s"}""".formatted(
                                s.getKey(),
                                s.getValue(),
                                validTo == null
                                        ? "2024-01-01"
                                        : java.time.LocalDate.parse(validTo).plusDays(1),
                                successors.size() > 1 ? "SPLIT" : "RENUMBERED"))
                .collect(Collectors.joining(", ", "[", "]"));
        String data = """
                {"kommunenummer": "%s", "name": "%s", "county": "%s", "validFrom": null, "validTo": %s,
                 "population": %s, "populationDate": %s, "network": %s, "healthRegion": %s, "epjVendor": null,
                 "successors": %s, "predecessors": []}""".formatted(
                        number,
                        name,
                        number.substring(0, 2),
                        quoted(validTo),
                        population,
                        population == null ? "null" : "\"2024-01-01\"",
                        quoted(network),
                        quoted(healthRegion),
                        links);
        return event("urn:no:ks:ehelse:registry", "no.ks.ehelse.municipality.registered.v1", number, data);
    }

    /** registry's solution.published. */
    public static String solution(String code, String name) {
        return event(
                "urn:no:ks:ehelse:registry", "no.ks.ehelse.solution.published.v1", code, """
                {"code": "%s", "name": "%s", "area": "CITIZEN_SERVICES", "owner": "KS", "description": null,
                 "stage": "ROLLOUT"}""".formatted(code, name));
    }

    public static void send(String bootstrapServers, String topic, String key, String value) {
        sendAll(bootstrapServers, topic, Map.of(key, value));
    }

    /** Sends in the map's iteration order (use a LinkedHashMap where order matters). */
    public static void sendAll(String bootstrapServers, String topic, Map<String, String> byKey) {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", bootstrapServers),
                new StringSerializer(),
                new StringSerializer())) {
            byKey.forEach((key, value) -> {
                var record = new ProducerRecord<>(topic, key, value);
                record.headers()
                        .add(
                                "content-type",
                                "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            });
            producer.flush();
        }
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
