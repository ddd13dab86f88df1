package no.ks.ehelse.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service started from its packaged jar as a separate process, as in production: for tests that need several
 * instances, or a whole suite, talking only over HTTP and Kafka.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;

    private ServiceProcess(String name, Process process, int port, int managementPort, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /**
     * How a service's JVM is started: the {@code java} binary, its options and the packaged application's
     * directory ({@code quarkus-app}, or {@code quarkus-app-aot} with its AOT cache).
     *
     * @param inAppDirectory start in the application's directory with {@code -jar quarkus-run.jar}: an AOT cache
     *     holds the class path it was made with, relative to that directory, and is not used with another one
     */
    public record Jvm(Path java, List<String> options, Path app, boolean inAppDirectory) {

        /** The test JVM's java with a serial collector and a bounded heap, the jar by its absolute path. */
        public static Jvm harness(Path app) {
            return new Jvm(
                    Path.of(System.getProperty("java.home"), "bin", "java"),
                    List.of("-XX:+UseSerialGC", "-Xmx192m"),
                    app,
                    false);
        }

        List<String> command() {
            List<String> command = new ArrayList<>();
            command.add(java.toString());
            command.addAll(options);
            command.add("-jar");
            command.add(
                    inAppDirectory
                            ? "quarkus-run.jar"
                            : app.resolve("quarkus-run.jar").toString());
            return command;
        }
    }

    /**
     * Starts {@code jar} with the given environment (plus PORT and MANAGEMENT_PORT on free ports) and waits until
     * {@code /q/health/ready} answers 200 on the management port.
     */
    public static ServiceProcess start(String name, Path jar, Map<String, String> env, Path logDir, Duration timeout) {
        return start(name, Jvm.harness(jar.getParent()), env, logDir, timeout);
    }

    /** As {@link #start(String, Path, Map, Path, Duration)}, with the JVM given. */
    public static ServiceProcess start(String name, Jvm jvm, Map<String, String> env, Path logDir, Duration timeout) {
        // A port found free can be taken by someone else before the service binds it: try another one.
        for (int attempt = 1; ; attempt++) {
            ServiceProcess service = launch(name, jvm, env, logDir);
            try {
                service.awaitReady(timeout);
                return service;
            } catch (IllegalStateException e) {
                service.kill();
                if (attempt >= 3 || !service.portWasTaken()) {
                    throw e;
                }
            }
        }
    }

    private static ServiceProcess launch(String name, Jvm jvm, Map<String, String> env, Path logDir) {
        int port = KafkaBroker.freePort();
        int managementPort = KafkaBroker.freePort();
        while (managementPort == port) {
            managementPort = KafkaBroker.freePort();
        }
        try {
            java.nio.file.Files.createDirectories(logDir);
            Path log = logDir.resolve(name + "-" + port + ".log");
            ProcessBuilder builder = new ProcessBuilder(jvm.command())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toAbsolutePath().toFile());
            if (jvm.inAppDirectory()) {
                builder.directory(jvm.app().toFile());
            }
            builder.environment().putAll(env);
            builder.environment().put("PORT", Integer.toString(port));
            builder.environment().put("MANAGEMENT_PORT", Integer.toString(managementPort));
            return new ServiceProcess(name, builder.start(), port, managementPort, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean portWasTaken() {
        try {
            return java.nio.file.Files.readString(log).contains("seems to be in use");
        } catch (IOException e) {
            return false;
        }
    }

    /** The API port: {@code /api/v1}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The management port: health, metrics, the OpenAPI document, Swagger UI. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                var response = http.send(
                        HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet, or not answering yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            // Often enough that the benchmark's time to ready (target 1.5 s) is not a multiple of the poll.
            sleep(25);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    /** SIGKILL: the process gets no chance to flush or commit anything. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM, as Kubernetes or Ctrl-C would. */
    @Override
    public void close() {
        process.destroy();
        waitFor();
    }

    private void waitFor() {
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Resident memory of the process in kB (Linux /proc), or -1 where it cannot be read. */
    public long rssKb() {
        return rssKb(process.pid());
    }

    /** Resident memory of any process in kB (Linux /proc), or -1 where it cannot be read. */
    public static long rssKb(long pid) {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** The packaged jar of a module, from the module's own directory (where Maven runs its tests). */
    public static Path jarOf(File moduleDirectory) {
        return moduleDirectory.toPath().resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
