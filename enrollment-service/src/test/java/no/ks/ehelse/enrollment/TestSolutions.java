package no.ks.ehelse.enrollment;

import java.time.Duration;

import org.eclipse.microprofile.config.ConfigProvider;

import no.ks.ehelse.localstack.TestEvents;

/** Plays the registry in tests: puts schema-valid solution events on registry.solutions.v1 with a plain producer. */
final class TestSolutions {

    private TestSolutions() {
    }

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

    /** Publishes a solution and waits until the service can use it ({@code probe} stops failing). */
    static void publishAndAwait(String code, String name, org.awaitility.core.ThrowingRunnable probe) {
        send(code, published(code, name));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(probe);
    }
}
