package no.ks.ehelse.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one), from the Maven Central
 * artifacts. Used in-JVM by every service's tests and as a process by the local run ({@link #main}). Without
 * authentication by default (fast tests); {@link #withSaslScram} gives the production-like profile of
 * {@link SaslScramProfile}: SASL/SCRAM-SHA-512, ACLs from the topic catalogue, nothing allowed without one.
 */
public final class KafkaBroker implements AutoCloseable {

    /** In-JVM brokers log through the host's logging; kept at WARN (strong references, or the levels are lost). */
    private static final java.util.logging.Logger[] QUIET = {
        java.util.logging.Logger.getLogger("kafka"),
        java.util.logging.Logger.getLogger("org.apache.kafka"),
        java.util.logging.Logger.getLogger("state.change.logger")
    };

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final boolean saslScram;
    private final Node node;
    private KafkaRaftServer server;

    /**
     * This broker's place in a cluster of combined broker+controller nodes: its id, the quorum's voters
     * ({@code id@host:controllerPort,...}) and the cluster id every node is formatted with. {@link #SINGLE} is the
     * one-node cluster of the tests and the local run.
     */
    public record Node(int id, String voters, String clusterId, int size) {
        static final Node SINGLE = new Node(1, null, null, 1);

        /** Internal topics and the catalogue's: three copies where there are three nodes, as production has. */
        short replicationFactor() {
            return (short) Math.min(size, 3);
        }

        int minInsyncReplicas() {
            return size >= 3 ? 2 : 1;
        }
    }

    public KafkaBroker(Path dataDir, int port, int controllerPort) {
        this(dataDir, port, controllerPort, false);
    }

    private KafkaBroker(Path dataDir, int port, int controllerPort, boolean saslScram) {
        this(dataDir, port, controllerPort, saslScram, Node.SINGLE);
    }

    private KafkaBroker(Path dataDir, int port, int controllerPort, boolean saslScram, Node node) {
        this.node = node;
        this.dataDir = dataDir;
        this.port = port == 0 ? freePort() : port;
        this.controllerPort = controllerPort == 0 ? freePort() : controllerPort;
        this.saslScram = saslScram;
    }

    /** A broker of the {@link SaslScramProfile}: clients connect with {@link SaslScramProfile#clientConfig}. */
    public static KafkaBroker withSaslScram(Path dataDir, int port, int controllerPort) {
        return new KafkaBroker(dataDir, port, controllerPort, true);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Formats the storage on first start (Kafka 4 does not), starts the broker and creates the suite's topics. */
    public KafkaBroker start() {
        for (java.util.logging.Logger logger : QUIET) {
            logger.setLevel(java.util.logging.Level.WARNING);
        }
        try {
            Path logDir = dataDir.resolve("kraft-logs");
            Files.createDirectories(logDir);
            Properties props = brokerProperties(logDir);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                new Formatter()
                        .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                        .setClusterId(
                                node.clusterId() != null
                                        ? node.clusterId()
                                        : Uuid.randomUuid().toString())
                        .setNodeId(node.id())
                        .setControllerListenerName("CONTROLLER")
                        .setMetadataLogDirectory(logDir.toString())
                        .setDirectories(List.of(logDir.toString()))
                        .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                        .setScramArguments(saslScram ? SaslScramProfile.formatArguments() : List.of())
                        .run();
            }
            server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
            server.startup();
            if (node.size() > 1) {
                // The cluster's topics are created once all its nodes are up (KafkaCluster in the suite tests).
                return this;
            }
            if (saslScram) {
                SaslScramProfile.createTopicsAndAcls(bootstrapServers());
            } else {
                TopicCatalogue.createAll(bootstrapServers());
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not start in " + dataDir, e);
        }
    }

    private Properties brokerProperties(Path logDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(node.id()));
        p.put(
                "controller.quorum.voters",
                node.voters() != null ? node.voters() : node.id() + "@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        if (saslScram) {
            SaslScramProfile.brokerProperties(p, port, controllerPort);
        }
        p.put("log.dirs", logDir.toString());
        p.put("metadata.log.dir", logDir.toString());
        // A single node: every internal topic has one replica; three nodes: three, two of them in sync for a write.
        String copies = Short.toString(node.replicationFactor());
        String inSync = Integer.toString(node.minInsyncReplicas());
        p.put("offsets.topic.replication.factor", copies);
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", copies);
        p.put("transaction.state.log.min.isr", inSync);
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", copies);
        p.put("share.coordinator.state.topic.min.isr", inSync);
        p.put("default.replication.factor", copies);
        p.put("min.insync.replicas", inSync);
        // Only an in-sync copy may lead: an acknowledged record is never dropped by an election.
        p.put("unclean.leader.election.enable", "false");
        if (node.size() > 1) {
            // A killed node is fenced (and its partitions get new leaders) within 6 s instead of 9 s.
            p.put("broker.heartbeat.interval.ms", "1000");
            p.put("broker.session.timeout.ms", "6000");
            // Raft's defaults (2 s fetch and request timeouts, 1 s elections) assume a quiet machine; on a loaded
            // test machine they time out again and again, and no leader stays elected long enough to serve.
            p.put("controller.quorum.fetch.timeout.ms", "10000");
            p.put("controller.quorum.request.timeout.ms", "10000");
            p.put("controller.quorum.election.timeout.ms", "3000");
            p.put("controller.quorum.election.backoff.max.ms", "3000");
        }
        p.put("group.initial.rebalance.delay.ms", "0");
        // Topics come from the catalogue only, so a misspelt topic fails loudly instead of being created.
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "3");
        p.put("log.flush.interval.messages", "1");
        return p;
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    static int freePort() {
        return Ports.free();
    }

    /**
     * Runs the broker as a process until SIGTERM/SIGINT. Arguments: data directory, port, controller port,
     * {@code sasl-scram} for the {@link SaslScramProfile} (a data directory keeps the profile it was formatted
     * with) or {@code plaintext}, and for a node of a cluster its node id, the quorum's voters, the cluster id and
     * the number of nodes. Prints {@code KAFKA_READY <bootstrap>} once topics exist (a cluster's node: once it has
     * started; the cluster's topics are created by whoever started it), which the run script waits for.
     */
    public static void main(String[] args) throws InterruptedException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/kafka");
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 9092;
        int controllerPort = args.length > 2 ? Integer.parseInt(args[2]) : 9093;
        boolean saslScram = args.length > 3 && args[3].equals("sasl-scram");
        Node node = args.length > 7
                ? new Node(Integer.parseInt(args[4]), args[5], args[6], Integer.parseInt(args[7]))
                : Node.SINGLE;
        KafkaBroker broker = new KafkaBroker(dir, port, controllerPort, saslScram, node).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            broker.close();
                            stopped.countDown();
                        },
                        "kafka-broker-shutdown"));
        System.out.println("KAFKA_READY " + broker.bootstrapServers());
        stopped.await();
    }
}
