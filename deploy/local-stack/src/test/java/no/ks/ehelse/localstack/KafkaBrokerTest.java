package no.ks.ehelse.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    private static KafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = new KafkaBroker(Path.of("target", "kafka-test", UUID.randomUUID().toString()), 0, 0).start();
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void everyCatalogueTopicExistsWithItsPartitionCount() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            List<String> names = TopicCatalogue.topics().stream().map(TopicCatalogue.Topic::name).toList();
            Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
            for (TopicCatalogue.Topic topic : TopicCatalogue.topics()) {
                assertEquals(topic.partitions(), described.get(topic.name()).partitions().size(), topic.name());
            }
        }
    }

    @Test
    void keyedTopicsHaveAtLeastThreePartitionsAndEachHasADlqWhereConsumed() {
        Map<String, Integer> partitions = TopicCatalogue.topics().stream()
                .collect(Collectors.toMap(TopicCatalogue.Topic::name, TopicCatalogue.Topic::partitions));
        partitions.forEach((name, count) -> {
            if (!name.endsWith(".dlq")) {
                assertTrue(count >= 3, name + " has " + count + " partitions");
            }
        });
    }

    @Test
    void aRecordProducedIsSeenByAPlainConsumer() {
        try (EventProbe probe = EventProbe.open(broker.bootstrapServers(), "nhn.adoption.v1");
                var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()),
                        new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("nhn.adoption.v1", "4601", "{\"type\":\"probe\"}"));
            producer.flush();
            EventProbe.Received received = probe.awaitType("probe", Duration.ofSeconds(20));
            assertEquals("4601", received.key());
        }
    }

    @Test
    void anUnknownTopicIsNotCreatedOnTheFly() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            assertTrue(!admin.listTopics().names().get().contains("misspelt.topic.v1"));
            var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
                    "max.block.ms", 2000), new StringSerializer(), new StringSerializer());
            try (producer) {
                var future = producer.send(new ProducerRecord<>("misspelt.topic.v1", "k", "v"));
                org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> future.get());
            }
            assertTrue(!admin.listTopics().names().get().contains("misspelt.topic.v1"));
        }
    }
}
