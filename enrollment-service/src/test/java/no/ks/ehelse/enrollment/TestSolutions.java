package no.ks.ehelse.enrollment;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.ObjectMapper;

import no.ks.ehelse.localstack.EventContract;

/** Plays the registry in tests: puts schema-valid solution events on registry.solutions.v1 with a plain producer. */
final class TestSolutions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestSolutions() {
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static String event(String id, String type, String code, String name) {
        String value = """
                {"specversion": "1.0", "id": "%s", "source": "urn:no:ks:ehelse:registry", "type": "%s",
                 "subject": "%s", "time": "%s", "datacontenttype": "application/json",
                 "data": {"code": "%s", "name": "%s", "area": "CITIZEN_SERVICES", "owner": "KS",
                          "description": null, "stage": "ROLLOUT"}}""".formatted(id, type, code, Instant.now(), code, name);
        try {
            EventContract.assertValid(JSON.readTree(value));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return value;
    }

    static String published(String code, String name) {
        return event(UUID.randomUUID().toString(), "no.ks.ehelse.solution.published.v1", code, name);
    }

    /** Exactly as the registry's outbox relay sends it, content-type header included. */
    static void send(String key, String value) {
        TestRegistry.send("registry.solutions.v1", key, value);
    }

    /** Publishes a solution and waits until the service can use it ({@code probe} stops failing). */
    static void publishAndAwait(String code, String name, org.awaitility.core.ThrowingRunnable probe) {
        send(code, published(code, name));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(probe);
    }
}
