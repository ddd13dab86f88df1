package no.ks.ehelse.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The machine's PostgreSQL cluster, stopped and started as an outage would (pg_ctlcluster, as .ci/run starts it).
 * Only the suite tests use it while they run; the services must notice and recover by themselves.
 */
final class LocalPostgres {

    private LocalPostgres() {}

    static void stop() {
        run("stop");
    }

    static void start() {
        run("start");
    }

    private static void run(String action, String... options) {
        String version = version();
        List<String> command = new java.util.ArrayList<>(
                List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action));
        if (options.length > 0) {
            command.add("--");
            command.addAll(List.of(options));
        }
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "This fault test controls the local PostgreSQL cluster with pg_ctlcluster "
                            + "(Debian's postgresql-common), as .ci/run starts it: " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String version() {
        try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
            return versions.map(p -> p.getFileName().toString())
                    .max(java.util.Comparator.comparingInt(v -> Integer.parseInt(v.replaceAll("\\D", "0"))))
                    .orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException("no local PostgreSQL cluster under /etc/postgresql", e);
        }
    }
}
