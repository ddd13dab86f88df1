package no.ks.ehelse.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SASL/SCRAM profile of the broker enforces the catalogue's producers and consumers, and nothing else. */
class SaslScramProfileTest {

    private static KafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = KafkaBroker.withSaslScram(Path.of("target", "kafka-test", "scram-" + UUID.randomUUID()), 0, 0)
                .start();
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void theAdministratorSeesEveryCatalogueTopic() throws Exception {
        try (Admin admin = Admin.create(SaslScramProfile.clientConfig(broker.bootstrapServers(), "admin"))) {
            Set<String> names = new TreeSet<>(admin.listTopics().names().get());
            TopicCatalogue.topics().forEach(t -> assertTrue(names.contains(t.name()), t.name()));
        }
    }

    @Test
    void eachUserMayWriteExactlyTheTopicsItProduces() {
        for (String user : TopicCatalogue.users()) {
            try (var producer = producer(SaslScramProfile.clientConfig(broker.bootstrapServers(), user))) {
                for (TopicCatalogue.Topic topic : TopicCatalogue.topics()) {
                    Exception failure = send(producer, topic.name(), "{}");
                    if (topic.producers().contains(user)) {
                        assertEquals(null, failure, user + " writes " + topic.name());
                    } else {
                        assertInstanceOf(TopicAuthorizationException.class, failure, user + " writes " + topic.name());
                    }
                }
            }
        }
    }

    @Test
    void nhnReadsItsDeadLettersInItsOwnGroupOnly() {
        String marker = UUID.randomUUID().toString();
        assertEquals(
                null,
                send(
                        SaslScramProfile.clientConfig(broker.bootstrapServers(), "adoption-stats-service"),
                        "nhn.adoption.v1.dlq",
                        marker));
        List<ConsumerRecord<String, String>> read = poll("nhn", "nhn", "nhn.adoption.v1.dlq", marker);
        assertEquals(marker, read.get(read.size() - 1).value());

        var otherGroup = assertThrows(
                RuntimeException.class, () -> poll("nhn", "adoption-stats-service", "nhn.adoption.v1.dlq", marker));
        assertInstanceOf(GroupAuthorizationException.class, otherGroup);
        var otherTopic = assertThrows(RuntimeException.class, () -> poll("nhn", "nhn", "adoption.events.v1", marker));
        assertInstanceOf(TopicAuthorizationException.class, otherTopic);
    }

    @Test
    void aClientWithoutCredentialsOrWithAWrongPasswordIsRefused() {
        Exception anonymous =
                send(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), "nhn.adoption.v1");
        // A client that does not speak SASL is disconnected before it learns anything: it never gets metadata.
        assertInstanceOf(org.apache.kafka.common.errors.TimeoutException.class, anonymous);
        Exception wrongPassword = send(
                SaslScramProfile.clientConfig(broker.bootstrapServers(), "nhn", "not-the-password"), "nhn.adoption.v1");
        assertInstanceOf(SaslAuthenticationException.class, wrongPassword);
        Exception unknownUser = send(
                SaslScramProfile.clientConfig(broker.bootstrapServers(), "someone", "someone-local-secret"),
                "nhn.adoption.v1");
        assertInstanceOf(SaslAuthenticationException.class, unknownUser);
    }

    private static Exception send(Map<String, Object> config, String topic) {
        return send(config, topic, "{}");
    }

    private static Exception send(Map<String, Object> config, String topic, String value) {
        try (var producer = producer(config)) {
            return send(producer, topic, value);
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> config) {
        Map<String, Object> settings = new HashMap<>(config);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000);
        // A refused client reconnects; once a second keeps its log to a few lines.
        settings.put(ProducerConfig.RECONNECT_BACKOFF_MS_CONFIG, 1000);
        settings.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        return new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
    }

    /** Sends one record and returns why it was refused, or null once the broker acknowledged it. */
    private static Exception send(KafkaProducer<String, String> producer, String topic, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, "4601", value)).get();
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

    /** Reads {@code topic} from the start as {@code user} in {@code group} until {@code marker} comes. */
    private static List<ConsumerRecord<String, String>> poll(String user, String group, String topic, String marker) {
        Map<String, Object> settings = new HashMap<>(SaslScramProfile.clientConfig(broker.bootstrapServers(), user));
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> read = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                if (read.stream().anyMatch(r -> marker.equals(r.value()))) {
                    consumer.commitSync();
                    return read;
                }
            }
            throw new AssertionError(user + " did not read " + marker + " from " + topic);
        }
    }
}
