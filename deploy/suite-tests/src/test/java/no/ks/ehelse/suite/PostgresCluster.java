package no.ks.ehelse.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import no.ks.ehelse.localstack.MailSink;

/**
 * The suite's own PostgreSQL cluster, from the machine's binaries ({@code /usr/lib/postgresql/<v>/bin}): initdb into
 * {@code target/}, its own ports and socket directory, trust auth on loopback, fsync on. Optionally with a
 * synchronous streaming standby ({@code pg_basebackup -R}), so a test can kill the primary and promote the standby
 * as the operator (CloudNativePG in production) would. The services reach it with a multi-host JDBC URL that
 * names every node and asks for the primary. Stopped at the end; its directory (data and server logs) stays for
 * post-mortem. Public for deploy/benchmark.
 *
 * <p>PostgreSQL refuses to run as root, and the tests (and .ci/run) may run as root: then every server command
 * runs as the {@code postgres} OS user, which owns the cluster's directory.
 */
public final class PostgresCluster implements AutoCloseable {

    private static final Path BIN = binaries();
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    /** A Unix socket path is at most 107 bytes, with {@code /.s.PGSQL.<port>} appended. */
    private static final int SOCKET_PATH_MAX = 90;

    private final Path dir;
    private final List<Node> nodes = new ArrayList<>();

    /** One server: its data directory and port. */
    public record Node(String name, Path data, int port) {}

    private PostgresCluster(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    /** One primary; with {@code standby}, a synchronous standby streaming from it. */
    public static PostgresCluster start(Path dir, boolean standby) {
        PostgresCluster cluster = new PostgresCluster(dir);
        // A test JVM that is stopped (Ctrl-C, a CI timeout) must not leave servers behind.
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "postgres-cluster-shutdown"));
        try {
            cluster.init();
            if (standby) {
                cluster.addStandby();
            }
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void init() {
        try {
            Files.createDirectories(dir);
            own(dir);
            Node primary = new Node("primary", dir.resolve("primary"), MailSink.freePort());
            run(
                    "initdb",
                    "-D",
                    primary.data().toString(),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--locale=C.UTF-8",
                    "--no-sync");
            configure(primary);
            nodes.add(primary);
            startNode(primary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void addStandby() {
        Node primary = nodes.get(0);
        Node standby = new Node("standby", dir.resolve("standby"), MailSink.freePort());
        run(
                "pg_basebackup",
                "-D",
                standby.data().toString(),
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(primary.port()),
                "-U",
                "postgres",
                "-X",
                "stream",
                "-R",
                "--checkpoint=fast");
        configure(standby);
        nodes.add(standby);
        startNode(standby);
        // Only now, on the primary alone: a commit waits until the standby has it on disk. Set in the primary's
        // own auto.conf, which the standby's copy predates, so a promoted standby does not wait for a standby.
        awaitReplication(primary, "streaming");
        sql(primary, "ALTER SYSTEM SET synchronous_standby_names = '*'");
        sql(primary, "SELECT pg_reload_conf()");
        awaitReplication(primary, "sync");
    }

    private void configure(Node node) {
        Path socket = dir.resolve("sock-" + node.name());
        try {
            Files.createDirectories(socket);
            own(socket);
            // Without a socket the server listens on TCP only, which is all the suite uses.
            String sockets = socket.toString().length() <= SOCKET_PATH_MAX ? socket.toString() : "";
            Files.writeString(
                    node.data().resolve("postgresql.conf"),
                    """

                    # The suite's own cluster (PostgresCluster)
                    listen_addresses = '127.0.0.1'
                    port = %d
                    unix_socket_directories = '%s'
                    fsync = on
                    synchronous_commit = on
                    max_connections = 300
                    wal_level = replica
                    hot_standby = on
                    logging_collector = off
                    """.formatted(node.port(), sockets),
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDBC URL of one database: every node, the driver picks whichever is the primary. */
    public String url(String database) {
        return "jdbc:postgresql://"
                + nodes.stream().map(n -> "127.0.0.1:" + n.port()).collect(Collectors.joining(","))
                + "/" + database
                // hostRecheckSeconds: how long the driver trusts what it learnt about a node (a standby) before
                // asking again; a promoted standby is found within it.
                + "?user=postgres&targetServerType=primary&hostRecheckSeconds=2";
    }

    /** For {@link no.ks.ehelse.localstack.PostgresDatabases}: the cluster's {@code postgres} database. */
    public String adminUrl() {
        return url("postgres");
    }

    /** libpq's view of the cluster (for pg_dump, psql and the restore script): hosts, ports, the primary. */
    public Map<String, String> libpqEnvironment() {
        return Map.of(
                "PGHOST",
                nodes.stream().map(n -> "127.0.0.1").collect(Collectors.joining(",")),
                "PGPORT",
                nodes.stream().map(n -> Integer.toString(n.port())).collect(Collectors.joining(",")),
                "PGUSER",
                "postgres",
                "PGTARGETSESSIONATTRS",
                "read-write");
    }

    /** The directory of PostgreSQL's client and server programs. */
    public static Path bin() {
        return BIN;
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** A clean stop of every node ({@code pg_ctl stop -m fast}), as a restart for maintenance begins. */
    public void stop() {
        for (Node node : nodes) {
            run("pg_ctl", "stop", "-D", node.data().toString(), "-m", "fast", "-w");
        }
    }

    /** Starts every node again on the same ports and data. */
    public void start() {
        nodes.forEach(this::startNode);
    }

    /** SIGKILL of the primary's postmaster: no shutdown checkpoint, its backends go with it. */
    public Node killPrimary() {
        Node primary = nodes.get(0);
        long pid = postmasterPid(primary);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        try {
            Instant deadline = Instant.now().plusSeconds(30);
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return primary;
    }

    /** {@code pg_ctl promote} of the standby, which becomes the primary (the killed node is not brought back). */
    public void promoteStandby() {
        Node standby = nodes.get(1);
        run("pg_ctl", "promote", "-D", standby.data().toString(), "-w");
        Node dead = nodes.remove(0);
        // The URL keeps naming the old primary's port, as a client's configuration would; it is just refused.
        nodes.add(dead);
    }

    private void startNode(Node node) {
        run(
                "pg_ctl",
                "start",
                "-D",
                node.data().toString(),
                "-l",
                dir.resolve(node.name() + ".log").toString(),
                "-w",
                "-t",
                "120");
    }

    private void awaitReplication(Node primary, String state) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String column = state.equals("sync") ? "sync_state" : "state";
        while (Instant.now().isBefore(deadline)) {
            try (var c = DriverManager.getConnection(
                            "jdbc:postgresql://127.0.0.1:" + primary.port() + "/postgres", "postgres", "");
                    var rs = c.createStatement()
                            .executeQuery("SELECT count(*) FROM pg_stat_replication WHERE " + column + " = '" + state
                                    + "'")) {
                rs.next();
                if (rs.getInt(1) == 1) {
                    return;
                }
                Thread.sleep(100);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the standby is not " + state + " after 60 s; see " + dir);
    }

    private static void sql(Node node, String statement) {
        try (var c = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + node.port() + "/postgres", "postgres", "");
                var st = c.createStatement()) {
            st.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }

    private static long postmasterPid(Node node) {
        try {
            return Long.parseLong(Files.readAllLines(node.data().resolve("postmaster.pid"))
                    .get(0)
                    .trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void own(Path path) {
        if (ROOT) {
            exec(List.of("chown", "postgres:postgres", path.toString()));
        }
    }

    private void run(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (ROOT) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(BIN.resolve(program).toString());
        command.addAll(List.of(arguments));
        exec(command);
    }

    private static void exec(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(150, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The newest PostgreSQL installed, as Debian lays it out. */
    private static Path binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                    .max(java.util.Comparator.comparingInt(
                            v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))))
                    .map(v -> v.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException("no initdb under /usr/lib/postgresql/<v>/bin"));
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL's binaries are expected under /usr/lib/postgresql", e);
        }
    }

    /** Stops every node still running (the data stays for post-mortem). */
    @Override
    public synchronized void close() {
        for (Node node : nodes) {
            if (Files.exists(node.data().resolve("postmaster.pid"))) {
                try {
                    run("pg_ctl", "stop", "-D", node.data().toString(), "-m", "fast", "-w");
                } catch (RuntimeException e) {
                    // a killed node's stale pid file: nothing to stop
                }
            }
        }
    }
}
