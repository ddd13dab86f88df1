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
    private final int port = MailSink.freePort();
    private final int controllerPort = MailSink.freePort();
    private final Path log;
    private final boolean saslScram;
    private Process process;
    private int starts;

    private KafkaProcess(Path dir, Path logs, boolean saslScram) {
        this.dir = dir;
        this.log = logs.resolve("kafka.log");
        this.saslScram = saslScram;
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
            Path thisLog = log.resolveSibling("kafka-" + (++starts) + ".log");
            process = new ProcessBuilder(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-XX:+UseSerialGC",
                            "-Xmx384m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            KafkaBroker.class.getName(),
                            dir.toString(),
                            Integer.toString(port),
                            Integer.toString(controllerPort),
                            saslScram ? "sasl-scram" : "plaintext"))
                    .redirectErrorStream(true)
                    .redirectOutput(thisLog.toFile())
                    .start();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (Instant.now().isBefore(deadline)) {
                if (Files.readString(thisLog).contains("KAFKA_READY")) {
                    return;
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka exited; see " + thisLog);
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("Kafka not ready in 90 s; see " + thisLog);
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

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            pause();
        }
    }
}
