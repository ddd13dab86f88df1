package no.ks.ehelse.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The suite's topics, read from {@code docs/events/topics.csv} (copied into this jar beside this class by the
 * module's build): the one list the broker, tests and manifests agree on.
 */
public final class TopicCatalogue {

    /**
     * One row of the catalogue. {@code producers} and {@code consumers} are the Kafka users (a service's name, or
     * {@code nhn}) that may write and read the topic: the ACLs of production and of the SASL/SCRAM local broker.
     */
    public record Topic(
            String name, int partitions, String cleanupPolicy, Set<String> producers, Set<String> consumers) {}

    private TopicCatalogue() {}

    public static List<Topic> topics() {
        try (var in = TopicCatalogue.class.getResourceAsStream("topics.csv");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.split(",", -1))
                    .map(f -> new Topic(
                            f[0].strip(), Integer.parseInt(f[1].strip()), f[2].strip(), users(f[3]), users(f[4])))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every Kafka user the catalogue names as a producer or consumer. */
    public static Set<String> users() {
        Set<String> users = new TreeSet<>();
        topics().forEach(t -> {
            users.addAll(t.producers());
            users.addAll(t.consumers());
        });
        return users;
    }

    private static Set<String> users(String field) {
        String list = field.strip();
        return list.equals("-") ? Set.of() : Set.of(list.split("\\s+"));
    }

    /** {@link #createAll(Map)} on a broker without authentication. */
    public static void createAll(String bootstrapServers) {
        createAll(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /**
     * Creates every catalogue topic that does not exist yet; safe to call on a broker that has them. Returns once
     * the broker lists them all: the controller acknowledges a creation before the broker's metadata has it.
     */
    public static void createAll(Map<String, Object> adminConfig) {
        createAll(adminConfig, (short) 1, 1);
    }

    /**
     * {@link #createAll(Map)} with {@code replicationFactor} copies of each partition, of which
     * {@code minInsyncReplicas} must have a write before it is acknowledged ({@code acks=all}), as production's
     * KafkaTopics (deploy/k8s/base/kafka-topics.yaml) have them.
     */
    public static void createAll(Map<String, Object> adminConfig, short replicationFactor, int minInsyncReplicas) {
        try (Admin admin = Admin.create(adminConfig)) {
            for (Topic topic : topics()) {
                var newTopic = new NewTopic(topic.name(), topic.partitions(), replicationFactor)
                        .configs(Map.of(
                                "cleanup.policy",
                                topic.cleanupPolicy(),
                                "min.insync.replicas",
                                Integer.toString(minInsyncReplicas)));
                try {
                    admin.createTopics(List.of(newTopic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + topic.name(), e.getCause());
                    }
                }
            }
            Set<String> wanted =
                    new TreeSet<>(topics().stream().map(Topic::name).toList());
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (!admin.listTopics().names().get().containsAll(wanted)) {
                if (Instant.now().isAfter(deadline)) {
                    wanted.removeAll(admin.listTopics().names().get());
                    throw new IllegalStateException("Created, but not listed by the broker after 30 s: " + wanted);
                }
                Thread.sleep(50);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not list the topics", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
