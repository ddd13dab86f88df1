package no.ks.ehelse.suite;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import no.ks.ehelse.localstack.SaslScramProfile;
import no.ks.ehelse.localstack.TestEvents;
import no.ks.ehelse.localstack.TopicCatalogue;

/**
 * Kafka as production runs it (issue 17): SASL/SCRAM-SHA-512, the StandardAuthorizer with nothing allowed without
 * an ACL, one user per service and one for NHN with the catalogue's ACLs. The services that pass events to each
 * other run under their own users; the test is NHN and an intruder.
 */
class KafkaAuthIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SOLUTION = "digihelse";
    private static final String NHN_TOPIC = "nhn.adoption.v1";
    private static Suite suite;

    @BeforeAll
    static void start() {
        // Started only once registry-service's municipalities reached adoption-stats, under their own users.
        suite = Suite.startWithSaslScram(
                "kafka-auth", List.of("registry-service", "enrollment-service", "adoption-stats-service"));
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void theServicesEventsFlowUnderTheirOwnUsersAndNhnsReportIsIngested() throws Exception {
        String kommunenummer = "4601";
        // enrollment-service takes a track once it has read the registry's solutions.
        String track = suite.openTrack(SOLUTION, "Innføring Kafka-tilgang", 5);
        var enrolled = await().atMost(WAIT)
                .until(
                        () -> suite.as("enrollment-service", suite.municipality(kommunenummer))
                                .body("{\"kommunenummer\": \"" + kommunenummer + "\"}")
                                .post("/api/v1/tracks/" + track + "/enrollments")
                                .then()
                                .extract(),
                        r -> r.statusCode() != 400);
        assertEquals(201, enrolled.statusCode(), enrolled.body().asString());
        String enrollment = enrolled.path("id");
        // enrollment-service's outbox → enrollment.enrollments.v1 → adoption-stats' funnel.
        await("adoption-stats to count the enrollment in its funnel")
                .atMost(WAIT)
                .until(() -> {
                    List<Map<String, Object>> tracks = suite.admin("adoption-stats-service")
                            .get("/api/v1/adoption/" + SOLUTION + "/funnel")
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("tracks");
                    return tracks.stream()
                            .anyMatch(t ->
                                    track.equals(t.get("trackId")) && ((Number) t.get("enrolled")).intValue() == 1);
                });

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertEquals(
                null,
                send(
                        nhnClient(),
                        NHN_TOPIC,
                        kommunenummer,
                        TestEvents.event(
                                "urn:no:nhn:adoption", "no.nhn.adoption.status.v1", kommunenummer, """
                        {"kommunenummer": "%s", "solution": "%s", "status": "ACTIVE", "effectiveDate": "%s"}""".formatted(
                                                kommunenummer, SOLUTION, today))));
        await("adoption-stats to hold NHN's report").atMost(WAIT).until(() -> suite.admin("adoption-stats-service")
                .get("/api/v1/adoption/" + SOLUTION + "/municipalities/" + kommunenummer + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.status")
                .contains("ACTIVE"));
        // adoption-stats' outbox → adoption.events.v1 → enrollment-service sets the enrollment LIVE.
        await("enrollment-service to set the enrollment LIVE").atMost(WAIT).until(() -> "LIVE"
                .equals(suite.admin("enrollment-service")
                        .get("/api/v1/enrollments/" + enrollment)
                        .path("status")));
    }

    @Test
    void nhnReadsItsRejectedRecordsFromTheDeadLetterTopic() {
        String marker = "ikke json " + UUID.randomUUID();
        assertEquals(null, send(nhnClient(), NHN_TOPIC, "4601", marker));
        // adoption-stats dead-letters it under its own user; NHN reads it in its own group.
        ConsumerRecord<String, String> rejected = readUntil("nhn", "nhn.adoption.v1.dlq", marker);
        assertEquals(
                "malformed",
                new String(rejected.headers().lastHeader("dead-letter-category").value(), StandardCharsets.UTF_8));
    }

    @Test
    void aProducerWithoutNhnsCredentialsIsRefusedAndWritesNothing() throws Exception {
        Map<TopicPartition, Long> before = endOffsets();
        String event = TestEvents.event("urn:no:nhn:adoption", "no.nhn.adoption.status.v1", "4601", """
                {"kommunenummer": "4601", "solution": "%s", "status": "DISCONTINUED", "effectiveDate": "%s"}""".formatted(
                        SOLUTION, LocalDate.now(ZoneOffset.UTC)));

        // No SASL at all: the broker closes the connection before the client learns anything.
        Exception anonymous = send(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafka.bootstrapServers()),
                NHN_TOPIC,
                "4601",
                event);
        assertInstanceOf(TimeoutException.class, anonymous);
        Exception wrongPassword = send(
                SaslScramProfile.clientConfig(suite.kafka.bootstrapServers(), "nhn", "gjettet-passord"),
                NHN_TOPIC,
                "4601",
                event);
        assertInstanceOf(SaslAuthenticationException.class, wrongPassword);
        // Every service's own user is authenticated, and still may not write NHN's topic: the source field of the
        // envelope would say NHN, but the ACL decides.
        Set<String> services = new TreeSet<>(TopicCatalogue.users());
        services.remove("nhn");
        for (String service : services) {
            Exception refused = send(
                    SaslScramProfile.clientConfig(suite.kafka.bootstrapServers(), service), NHN_TOPIC, "4601", event);
            assertInstanceOf(TopicAuthorizationException.class, refused, service);
        }
        assertEquals(before, endOffsets(), "nothing reached " + NHN_TOPIC);
    }

    private static Map<String, Object> nhnClient() {
        return SaslScramProfile.clientConfig(suite.kafka.bootstrapServers(), "nhn");
    }

    /** Sends one record (as a relay does: content type header, acks all) and returns why it was refused, or null. */
    private static Exception send(Map<String, Object> config, String topic, String key, String value) {
        Map<String, Object> settings = new HashMap<>(config);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        // A refused client reconnects; once a second keeps its log to a few lines.
        settings.put(ProducerConfig.RECONNECT_BACKOFF_MS_CONFIG, 1000);
        settings.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        try (var producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            var record = new ProducerRecord<>(topic, key, value);
            record.headers()
                    .add(
                            "content-type",
                            "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
            return null;
        } catch (ExecutionException e) {
            return (Exception) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** Reads {@code topic} from the start as {@code user}, in the group named after it, until {@code value}. */
    private static ConsumerRecord<String, String> readUntil(String user, String topic, String value) {
        Map<String, Object> settings =
                new HashMap<>(SaslScramProfile.clientConfig(suite.kafka.bootstrapServers(), user));
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, user);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> read = new ArrayList<>();
            return await(user + " to read " + topic)
                    .atMost(WAIT)
                    .until(
                            () -> {
                                consumer.poll(Duration.ofMillis(500)).forEach(read::add);
                                return read.stream()
                                        .filter(r -> value.equals(r.value()))
                                        .findFirst()
                                        .orElse(null);
                            },
                            r -> r != null);
        }
    }

    /** The end of each partition of NHN's topic, read as the administrator. */
    private static Map<TopicPartition, Long> endOffsets() throws Exception {
        try (Admin admin =
                Admin.create(SaslScramProfile.clientConfig(suite.kafka.bootstrapServers(), SaslScramProfile.ADMIN))) {
            int partitions = admin.describeTopics(List.of(NHN_TOPIC))
                    .allTopicNames()
                    .get()
                    .get(NHN_TOPIC)
                    .partitions()
                    .size();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                request.put(new TopicPartition(NHN_TOPIC, p), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(request).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        }
    }
}
