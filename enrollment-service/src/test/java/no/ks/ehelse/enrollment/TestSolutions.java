package no.ks.ehelse.enrollment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import no.ks.ehelse.localstack.TestEvents;
import no.ks.ehelse.platform.events.CloudEvent;

/** Plays the registry in tests: puts schema-valid solution events on registry.solutions.v1 with a plain producer. */
final class TestSolutions {

    private TestSolutions() {}

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static String event(String id, String type, String code, String name) {
        return TestEvents.event(id, "urn:no:ks:ehelse:registry", type, code, """
                {"code": "%s", "name": "%s", "area": "CITIZEN_SERVICES", "owner": "KS", "description": null,
                 "stage": "ROLLOUT"}""".formatted(code, name));
    }

    static String published(String code, String name) {
        return TestEvents.solution(code, name);
    }

    /** Exactly as the registry's outbox relay sends it, content-type header included. */
    static void send(String key, String value) {
        TestRegistry.send("registry.solutions.v1", key, value);
    }

    /**
     * Sends to {@code partition} (null: the key's own), as the registry's relay does, and answers the partition it
     * went to: records on one partition are consumed in order, so a later one there can prove an earlier was read.
     */
    static int sendTo(Integer partition, String key, String value) {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", bootstrap()),
                new StringSerializer(),
                new StringSerializer())) {
            var record = new ProducerRecord<>("registry.solutions.v1", partition, key, value);
            record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            return producer.send(record).get(30, TimeUnit.SECONDS).partition();
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes a solution and waits until the service can use it ({@code probe} stops failing). */
    static void publishAndAwait(String code, String name, org.awaitility.core.ThrowingRunnable probe) {
        send(code, published(code, name));
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(probe);
    }
}
