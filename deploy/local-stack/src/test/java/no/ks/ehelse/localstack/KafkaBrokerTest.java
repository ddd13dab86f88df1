package no.ks.ehelse.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
        broker = new KafkaBroker(
                        Path.of("target", "kafka-test", UUID.randomUUID().toString()), 0, 0)
                .start();
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void everyCatalogueTopicExistsWithItsPartitionCount() throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            List<String> names = TopicCatalogue.topics().stream()
                    .map(TopicCatalogue.Topic::name)
                    .toList();
            Map<String, TopicDescription> described =
                    admin.describeTopics(names).allTopicNames().get();
            for (TopicCatalogue.Topic topic : TopicCatalogue.topics()) {
                assertEquals(
                        topic.partitions(),
                        described.get(topic.name()).partitions().size(),
                        topic.name());
            }
        }
    }

    @Test
    void keyedTopicsHaveAtLeastThreePartitions() {
        Map<String, Integer> partitions = catalogue();
        partitions.forEach((name, count) -> {
            if (!name.endsWith(".dlq")) {
                assertTrue(count >= 3, name + " has " + count + " partitions");
            }
        });
    }

    /**
     * Every topic a service consumes (its {@code mp.messaging.incoming.<channel>.topic}) dead-letters poison to
     * {@code <topic>.dlq}, and that DLQ is in the catalogue and on the broker with the catalogue's partition count.
     */
    @Test
    void eachConsumedTopicHasItsDlqInTheCatalogueAndOnTheBroker() throws Exception {
        Map<String, Integer> catalogue = catalogue();
        Map<String, Set<String>> consumedBy = new TreeMap<>();
        Set<String> dlqs = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Path service : services()) {
            String name = service.getFileName().toString();
            Properties p = properties(service.resolve("src/main/resources/application.properties"));
            for (String key : new TreeSet<>(p.stringPropertyNames())) {
                Matcher m = INCOMING_TOPIC.matcher(key);
                if (!m.matches()) {
                    continue;
                }
                String channel = "mp.messaging.incoming." + m.group(1);
                String topic = resolve(p, p.getProperty(key));
                consumedBy.computeIfAbsent(topic, t -> new TreeSet<>()).add(name);
                String strategy = resolve(p, p.getProperty(channel + ".failure-strategy", "fail"));
                String dlq = resolve(p, p.getProperty(channel + ".dead-letter-queue.topic", ""));
                if (!strategy.equals("dead-letter-queue")) {
                    problems.add(name + " " + channel + ": failure-strategy " + strategy + ", not dead-letter-queue");
                }
                if (!dlq.equals(topic + ".dlq")) {
                    problems.add(
                            name + " " + channel + ": dead-letter-queue.topic '" + dlq + "', not " + topic + ".dlq");
                }
                if (!catalogue.containsKey(topic)) {
                    problems.add(name + " " + channel + ": consumes " + topic + ", which is not in the catalogue");
                }
                dlqs.add(topic + ".dlq");
            }
        }
        assertFalse(consumedBy.isEmpty(), "no mp.messaging.incoming.<channel>.topic found in the services");
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            Set<String> onBroker = admin.listTopics().names().get();
            for (String dlq : dlqs) {
                if (!catalogue.containsKey(dlq)) {
                    problems.add(dlq + " is not in the catalogue");
                } else if (!onBroker.contains(dlq)) {
                    problems.add(dlq + " is not on the broker");
                } else {
                    int partitions = admin.describeTopics(List.of(dlq))
                            .allTopicNames()
                            .get()
                            .get(dlq)
                            .partitions()
                            .size();
                    if (partitions != catalogue.get(dlq)) {
                        problems.add(dlq + " has " + partitions + " partitions on the broker, the catalogue says "
                                + catalogue.get(dlq));
                    }
                }
            }
        }
        // And the other way round: a DLQ in the catalogue is one some service dead-letters to.
        catalogue.keySet().stream()
                .filter(t -> t.endsWith(".dlq") && !dlqs.contains(t))
                .forEach(t -> problems.add(t + " is in the catalogue, but no service consumes "
                        + t.substring(0, t.length() - ".dlq".length())));
        assertEquals(List.of(), problems, "consumed topics " + consumedBy);
    }

    @Test
    void aRecordProducedIsSeenByAPlainConsumer() {
        try (EventProbe probe = EventProbe.open(broker.bootstrapServers(), "nhn.adoption.v1");
                var producer = new KafkaProducer<>(
                        Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()),
                        new StringSerializer(),
                        new StringSerializer())) {
            producer.send(new ProducerRecord<>("nhn.adoption.v1", "4601", "{\"type\":\"probe\"}"));
            producer.flush();
            EventProbe.Received received = probe.awaitType("probe", Duration.ofSeconds(20));
            assertEquals("4601", received.key());
        }
    }

    @Test
    void anUnknownTopicIsNotCreatedOnTheFly() throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            assertTrue(!admin.listTopics().names().get().contains("misspelt.topic.v1"));
            var producer = new KafkaProducer<>(
                    Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(), "max.block.ms", 2000),
                    new StringSerializer(),
                    new StringSerializer());
            try (producer) {
                var future = producer.send(new ProducerRecord<>("misspelt.topic.v1", "k", "v"));
                org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> future.get());
            }
            assertTrue(!admin.listTopics().names().get().contains("misspelt.topic.v1"));
        }
    }

    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    private static Map<String, Integer> catalogue() {
        return TopicCatalogue.topics().stream()
                .collect(Collectors.toMap(TopicCatalogue.Topic::name, TopicCatalogue.Topic::partitions));
    }

    /** The repository root: two levels above this module's basedir (deploy/local-stack). */
    private static Path root() {
        Path basedir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path root = basedir.resolve("../..").normalize();
        assertTrue(
                Files.isRegularFile(root.resolve("pom.xml")) && Files.isDirectory(root.resolve("docs/events")),
                "no repository root at " + root + " (module basedir " + basedir + ")");
        return root;
    }

    /** The service modules: every {@code *-service} directory of the root with an application.properties. */
    private static List<Path> services() throws IOException {
        try (Stream<Path> dirs = Files.list(root())) {
            List<Path> services = dirs.filter(d -> d.getFileName().toString().endsWith("-service"))
                    .filter(d -> Files.isRegularFile(d.resolve("src/main/resources/application.properties")))
                    .sorted()
                    .toList();
            assertEquals(4, services.size(), "the four services: " + services);
            return services;
        }
    }

    private static Properties properties(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        return p;
    }

    /** Resolves {@code ${key}} and {@code ${key:default}} against the same file (what the services' config does). */
    private static String resolve(Properties p, String value) {
        String resolved = value.strip();
        for (int depth = 0; depth < 5 && resolved.contains("${"); depth++) {
            Matcher m = PLACEHOLDER.matcher(resolved);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String replacement = p.getProperty(m.group(1), m.group(2) != null ? m.group(2) : "");
                m.appendReplacement(out, Matcher.quoteReplacement(replacement.strip()));
            }
            m.appendTail(out);
            resolved = out.toString();
        }
        return resolved;
    }
}
