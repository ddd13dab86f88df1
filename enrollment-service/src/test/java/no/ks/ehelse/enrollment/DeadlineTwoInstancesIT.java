package no.ks.ehelse.enrollment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import no.ks.ehelse.localstack.EventContract;
import no.ks.ehelse.localstack.EventProbe;
import no.ks.ehelse.localstack.KafkaBroker;
import no.ks.ehelse.localstack.PostgresDatabases;
import no.ks.ehelse.localstack.ServiceProcess;
import no.ks.ehelse.localstack.TestTokens;

/**
 * Two instances of the packaged service, as separate processes on one database and one broker, both running the
 * deadline watch every second: the registration deadline passes, and exactly one deadline-passed event exists.
 * Each instance's own log shows it started, consumed and had its clock moved, so one instance alone cannot pass.
 */
class DeadlineTwoInstancesIT {

    private static KafkaBroker broker;
    private static PostgresDatabases databases;
    private static String database;
    private static ServiceProcess first;
    private static ServiceProcess second;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void twoInstances() {
        broker = new KafkaBroker(Path.of("target", "kafka-it", UUID.randomUUID().toString()), 0, 0).start();
        databases = new PostgresDatabases(PostgresDatabases.ADMIN_URL);
        database = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        databases.createIfMissing(database);
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "EHELSE_DB_URL",
                databases.urlOf(database),
                "EHELSE_DB_USER",
                "postgres",
                "KAFKA_BOOTSTRAP_SERVERS",
                broker.bootstrapServers(),
                // Bearer tokens of TestTokens, checked with its key: only a service application verifies locally.
                "QUARKUS_OIDC_APPLICATION_TYPE",
                "service",
                "QUARKUS_OIDC_PUBLIC_KEY",
                TestTokens.publicKeyBase64(),
                "QUARKUS_OIDC_TOKEN_ISSUER",
                TestTokens.ISSUER,
                "EHELSE_SECURITY_TOKEN_KEY_ID",
                TestTokens.KEY_ID,
                "EHELSE_CLOCK_ADJUSTABLE",
                "true",
                "EHELSE_DEADLINES_CHECK_INTERVAL",
                "1s"));
        // Required: signs the cancel links of information meetings.
        env.put("EHELSE_MEETINGS_LINK_KEY", "it-only-meeting-link-key-0123456789abcdef");
        Path jar = ServiceProcess.jarOf(new File("."));
        Path logs = Path.of("target", "it-logs");
        first = ServiceProcess.start("enrollment-a", jar, env, logs, Duration.ofSeconds(60));
        second = ServiceProcess.start("enrollment-b", jar, env, logs, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {first, second, broker}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // keep stopping the rest
            }
        }
        databases.drop(database);
    }

    @Test
    void theDeadlinePassesOnceWithTwoInstancesWatching() throws Exception {
        publishSolution("vkp");
        LocalDate deadline = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        String track = awaitCreated(first, """
                {"solution": "vkp", "name": "VKP to instanser", "registrationDeadline": "%s"}""".formatted(deadline));
        assertEquals(
                200,
                call(second, "POST", "/api/v1/tracks/" + track + "/status", "{\"status\": \"OPEN\"}")
                        .statusCode());

        try (EventProbe probe = EventProbe.open(broker.bootstrapServers(), "enrollment.tracks.v1")) {
            String after = "{\"now\": \"" + deadline.plusDays(1).atTime(6, 0).toInstant(ZoneOffset.UTC) + "\"}";
            assertEquals(200, call(first, "PUT", "/api/v1/admin/clock", after).statusCode());
            assertEquals(200, call(second, "PUT", "/api/v1/admin/clock", after).statusCode());

            var passed = probe.await(
                    r -> track.equals(r.key()) && "no.ks.ehelse.track.deadline-passed.v1".equals(r.type()),
                    Duration.ofSeconds(30));
            EventContract.assertValid(passed.value());
            // Both watchers keep running every second. A later event of the track, written after the fire, is
            // sent after anything the watchers wrote before it (the outbox keeps a track's order).
            assertEquals(
                    200,
                    call(second, "POST", "/api/v1/tracks/" + track + "/status", "{\"status\": \"RUNNING\"}")
                            .statusCode());
            probe.await(
                    r -> track.equals(r.key())
                            && "no.ks.ehelse.track.changed.v1".equals(r.type())
                            && "RUNNING".equals(r.value().at("/data/status").asText()),
                    Duration.ofSeconds(30));
            List<EventProbe.Received> all = probe.drain(Duration.ZERO).stream()
                    .filter(r -> track.equals(r.key()) && "no.ks.ehelse.track.deadline-passed.v1".equals(r.type()))
                    .toList();
            assertEquals(1, all.size(), "deadline-passed must fire exactly once across instances");
        }
        String a = Files.readString(first.log());
        String b = Files.readString(second.log());
        Map.of("enrollment-a", a, "enrollment-b", b).forEach((which, log) -> {
            assertTrue(log.contains("enrollment-service 0.1.0-SNAPSHOT on JVM"), which + " started");
            assertTrue(
                    log.contains("Kafka consumer kafka-consumer-registry-solutions, connected"),
                    which + " connected its consumer of the registry's solutions");
            assertTrue(log.contains("Clock moved to"), which + " had its clock moved");
            assertFalse(log.contains("DeadlineWatch#periodically"), which + "'s deadline watch failed");
        });
        // The 14-day reminder may fire on the real day the track opened; after the move only deadline-passed is due.
        String passedDay = "Deadline watch fired 1 event(s) for " + deadline.plusDays(1);
        assertEquals(1, fires(a, passedDay) + fires(b, passedDay), "exactly one instance's watch fired, once");
    }

    private static long fires(String log, String line) {
        return log.lines().filter(l -> l.contains(line)).count();
    }

    private static void publishSolution(String code) {
        String value = """
                {"specversion": "1.0", "id": "%s", "source": "urn:no:ks:ehelse:registry",
                 "type": "no.ks.ehelse.solution.published.v1", "subject": "%s", "time": "%s",
                 "datacontenttype": "application/json",
                 "data": {"code": "%s", "name": "VKP", "area": "WELFARE_TECHNOLOGY", "owner": "Norsk helsenett",
                          "description": null, "stage": "ROLLOUT"}}""".formatted(UUID.randomUUID(), code, Instant.now(), code);
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            var record = new ProducerRecord<>("registry.solutions.v1", code, value);
            record.headers()
                    .add(
                            "content-type",
                            "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
            producer.send(record);
        }
    }

    private static String awaitCreated(ServiceProcess service, String body) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        HttpResponse<String> response;
        do {
            response = call(service, "POST", "/api/v1/tracks", body);
            if (response.statusCode() == 201) {
                return new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(response.body())
                        .path("id")
                        .asText();
            }
            Thread.sleep(300);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("track not created: " + response.statusCode() + " " + response.body());
    }

    private static HttpResponse<String> call(ServiceProcess service, String method, String path, String body)
            throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(service.url() + path))
                        .header("Authorization", "Bearer " + TestTokens.forRole("admin"))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
