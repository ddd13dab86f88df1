package no.ks.ehelse.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;

import no.ks.ehelse.localstack.MailSink;
import no.ks.ehelse.localstack.TopicCatalogue;

/**
 * Three Kafka nodes as processes, each broker and KRaft controller in one, sharing one controller quorum: the
 * shape of production's Strimzi cluster. The catalogue's topics have three replicas and {@code
 * min.insync.replicas=2} (as deploy/k8s/base/kafka-topics.yaml), so one node may die without a write being
 * refused, and with two down every {@code acks=all} write waits. A test kills and resumes single nodes and asks
 * the cluster's admin API who leads a partition and which copies are in sync.
 */
public final class KafkaCluster implements AutoCloseable {

    public static final int SIZE = 3;
    private static final short REPLICATION_FACTOR = 3;
    private static final int MIN_INSYNC_REPLICAS = 2;

    private final Map<Integer, KafkaProcess> nodes = new TreeMap<>();
    private final String bootstrapServers;

    private KafkaCluster(Path dir, Path logs) {
        String clusterId = Uuid.randomUuid().toString();
        int[] ports = IntStream.range(0, SIZE).map(i -> MailSink.freePort()).toArray();
        int[] controllerPorts =
                IntStream.range(0, SIZE).map(i -> MailSink.freePort()).toArray();
        String voters = IntStream.range(0, SIZE)
                .mapToObj(i -> (i + 1) + "@127.0.0.1:" + controllerPorts[i])
                .collect(Collectors.joining(","));
        for (int i = 0; i < SIZE; i++) {
            nodes.put(
                    i + 1,
                    KafkaProcess.node(
                            dir.resolve("node" + (i + 1)),
                            logs,
                            i + 1,
                            ports[i],
                            controllerPorts[i],
                            voters,
                            clusterId,
                            SIZE));
        }
        bootstrapServers =
                IntStream.range(0, SIZE).mapToObj(i -> "127.0.0.1:" + ports[i]).collect(Collectors.joining(","));
    }

    /**
     * Starts the three nodes together (a node's start waits for a quorum, so one alone never gets ready), then
     * creates the catalogue's topics and returns once every partition has all three copies in sync.
     */
    public static KafkaCluster start(Path dir, Path logs) {
        KafkaCluster cluster = new KafkaCluster(dir, logs);
        try {
            CompletableFuture.allOf(cluster.nodes.values().stream()
                            .map(node -> CompletableFuture.runAsync(node::resume))
                            .toArray(CompletableFuture[]::new))
                    .join();
            cluster.createTopics(Duration.ofSeconds(60));
            cluster.awaitFullyInSync(Duration.ofSeconds(60));
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * The catalogue's topics with three copies each. A node says it is ready before the controller has seen all
     * three registered, and until then a topic of three copies is refused: tried again until it is accepted.
     */
    private void createTopics(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                TopicCatalogue.createAll(
                        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                        REPLICATION_FACTOR,
                        MIN_INSYNC_REPLICAS);
                return;
            } catch (IllegalStateException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                sleep(500);
            }
        }
    }

    /** All three nodes: a client finds the cluster through whichever of them answers. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** kill -9 of one node. */
    public void kill(int nodeId) {
        nodes.get(nodeId).kill();
    }

    /** Starts a stopped node again on its ports and data; it rejoins the quorum and catches up. */
    public void resume(int nodeId) {
        nodes.get(nodeId).resume();
    }

    public boolean running(int nodeId) {
        return nodes.get(nodeId).running();
    }

    /** The node leading one partition of a topic, as the cluster's metadata says. */
    public int leaderOf(String topic, int partition) {
        return describe(List.of(topic))
                .get(topic)
                .partitions()
                .get(partition)
                .leader()
                .id();
    }

    /** Per partition of every catalogue topic ({@code topic-n}), the ids of its in-sync copies. */
    public Map<String, List<Integer>> inSyncReplicas() {
        List<String> topics =
                TopicCatalogue.topics().stream().map(TopicCatalogue.Topic::name).toList();
        Map<String, List<Integer>> isr = new TreeMap<>();
        describe(topics).forEach((name, d) -> {
            for (TopicPartitionInfo p : d.partitions()) {
                isr.put(
                        name + "-" + p.partition(),
                        p.isr().stream().map(n -> n.id()).sorted().toList());
            }
        });
        return isr;
    }

    /** Partitions of the catalogue's topics with fewer than three copies in sync. */
    public List<String> underReplicated() {
        List<String> under = new ArrayList<>();
        inSyncReplicas().forEach((partition, isr) -> {
            if (isr.size() < SIZE) {
                under.add(partition + " " + isr);
            }
        });
        return under;
    }

    /** Waits until every partition of the catalogue has all three copies in sync; returns how long that took. */
    public Duration awaitFullyInSync(Duration timeout) {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        List<String> under = List.of();
        while (Instant.now().isBefore(deadline)) {
            try {
                under = underReplicated();
                if (under.isEmpty()) {
                    return Duration.between(start, Instant.now());
                }
            } catch (RuntimeException e) {
                under = List.of(e.toString());
            }
            sleep(250);
        }
        throw new IllegalStateException("Not all copies in sync after " + timeout + ": " + under);
    }

    private Map<String, TopicDescription> describe(List<String> topics) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                15_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5_000))) {
            return admin.describeTopics(topics).allTopicNames().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not describe " + topics, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        // Together: the last node alone has no quorum for a controlled shutdown and would wait for one.
        CompletableFuture.allOf(nodes.values().stream()
                        .map(node -> CompletableFuture.runAsync(node::close))
                        .toArray(CompletableFuture[]::new))
                .join();
    }
}
