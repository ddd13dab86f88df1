package no.ks.ehelse.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import no.ks.ehelse.localstack.KafkaBroker;
import no.ks.ehelse.localstack.MailSink;

/**
 * The Kafka broker as a process of its own (the project's KRaft launcher), so a test can stop it and start it
 * again on the same ports and data, as an outage would.
 */
public final class KafkaProcess implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final Path log;
    private final boolean saslScram;
    /** A cluster node's arguments to the launcher (id, voters, cluster id, size); empty for a single broker. */
    private final List<String> node;

    private Process process;
    private int starts;

    private KafkaProcess(Path dir, Path logs, boolean saslScram) {
        this(dir, logs.resolve("kafka.log"), MailSink.freePort(), MailSink.freePort(), saslScram, List.of());
    }

    private KafkaProcess(Path dir, Path log, int port, int controllerPort, boolean saslScram, List<String> node) {
        this.dir = dir;
        this.log = log;
        this.port = port;
        this.controllerPort = controllerPort;
        this.saslScram = saslScram;
        this.node = node;
    }

    /** One node of a {@link KafkaCluster}, not started yet. */
    static KafkaProcess node(
            Path dir, Path logs, int nodeId, int port, int controllerPort, String voters, String clusterId, int size) {
        return new KafkaProcess(
                dir,
                logs.resolve("kafka-node" + nodeId + ".log"),
                port,
                controllerPort,
                false,
                List.of(Integer.toString(nodeId), voters, clusterId, Integer.toString(size)));
    }

    static KafkaProcess start(Path dir, Path logs) {
        return start(dir, logs, false);
    }

    /** With {@code saslScram}, the broker of {@link no.ks.ehelse.localstack.SaslScramProfile}. */
    static KafkaProcess start(Path dir, Path logs, boolean saslScram) {
        KafkaProcess kafka = new KafkaProcess(dir, logs, saslScram);
        kafka.resume();
        return kafka;
    }

    /** The broker's process id (its RSS for the benchmark's footprint). */
    public synchronized long pid() {
        return process.pid();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker (again) and waits until it says it is ready. */
    public synchronized void resume() {
        try {
            Files.createDirectories(log.getParent());
            String name = log.getFileName().toString().replace(".log", "");
            Path thisLog = log.resolveSibling(name + "-" + (++starts) + ".log");
            List<String> command = new java.util.ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC",
                    "-Xmx384m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    KafkaBroker.class.getName(),
                    dir.toString(),
                    Integer.toString(port),
                    Integer.toString(controllerPort),
                    saslScram ? "sasl-scram" : "plaintext"));
            command.addAll(node);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(thisLog.toFile())
                    .start();
            // A cluster's node is ready only once a quorum has elected a controller, which on a loaded machine
            // can take minutes of timed-out votes.
            Duration patience = Duration.ofSeconds(node.isEmpty() ? 90 : 300);
            Instant deadline = Instant.now().plus(patience);
            while (Instant.now().isBefore(deadline)) {
                if (Files.readString(thisLog).contains("KAFKA_READY")) {
                    return;
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka exited; see " + thisLog);
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("Kafka not ready in " + patience + "; see " + thisLog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A clean stop (SIGTERM): the broker is gone until {@link #resume}. */
    public synchronized void pause() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL, as a crashed node: nothing flushed, no controlled shutdown. */
    public synchronized void kill() {
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            pause();
        }
    }
}
