package no.ks.ehelse.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import no.ks.ehelse.localstack.MailSink;
import no.ks.ehelse.localstack.OidcServer;
import no.ks.ehelse.localstack.PostgresDatabases;
import no.ks.ehelse.localstack.SaslScramProfile;
import no.ks.ehelse.localstack.ServiceProcess;

/**
 * The whole suite as production runs it: the four packaged services as separate processes, each on its own
 * database in the suite's own PostgreSQL cluster ({@link PostgresCluster}), one Kafka broker process, the OIDC server as a process (every token comes from it),
 * an SMTP server in the test JVM. Tests talk to it only over HTTP and Kafka. The clock hook is enabled so a test can
 * pass a deadline without waiting for it. Public, with {@link KafkaProcess}, for deploy/benchmark, which uses this
 * module's test-jar.
 */
public final class Suite implements AutoCloseable {

    public static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    public static final List<String> SERVICES =
            List.of("registry-service", "enrollment-service", "adoption-stats-service", "notification-service");
    /**
     * How long a service may take to ready: four JVMs starting together on a shared 2-core machine may take over
     * 2 min; {@code -Dsuite.ready.seconds} on a machine loaded by other work.
     */
    private static final Duration READY = Duration.ofSeconds(Long.getLong("suite.ready.seconds", 240));

    /** The single broker; null when the suite runs on {@link #brokers}. */
    public final KafkaProcess kafka;

    public final PostgresCluster postgres;
    /** The three-node cluster of {@link #startOnKafkaCluster}; null otherwise. */
    public final KafkaCluster brokers;

    public final MailSink mail;
    public final OidcServer oidc;
    /** The services' OIDC client secret; it also encrypts their session cookies, so at least 32 characters. */
    private final String clientSecret = newKey();

    private final List<String> services;
    private final PostgresDatabases databases;
    private final Map<String, String> database = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> running = new ConcurrentHashMap<>();
    private final Path logs;
    private final boolean saslScram;

    private Suite(String name, List<String> services, boolean saslScram) {
        this(name, services, saslScram, false, false);
    }

    private Suite(String name, List<String> services, boolean saslScram, boolean standby, boolean kafkaCluster) {
        this.services = services;
        this.saslScram = saslScram;
        String run = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        logs = Path.of("target", "suite-logs", run);
        postgres = PostgresCluster.start(Path.of("target", "suite-pg", run), standby);
        databases = new PostgresDatabases(postgres.adminUrl());
        Path kafkaDir = Path.of("target", "suite-kafka", run);
        kafka = kafkaCluster ? null : KafkaProcess.start(kafkaDir, logs, saslScram);
        brokers = kafkaCluster ? KafkaCluster.start(kafkaDir, logs) : null;
        mail = MailSink.start();
        oidc = OidcServer.start(ROOT.resolve("deploy/local-stack"), Path.of("target", "suite-oidc", run), logs);
        for (String service : services) {
            String db = "suite_" + service.substring(0, 4) + "_"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            databases.createIfMissing(db);
            database.put(service, db);
        }
    }

    /** Starts everything; the four services in parallel, each waited for until ready. */
    public static Suite start(String name) {
        return start(name, SERVICES);
    }

    /**
     * Starts only some of the services (with Kafka, the OIDC server and the mail sink), e.g. for a browser test
     * that needs one service's pages. Reference data is awaited only when adoption-stats-service is among them.
     */
    public static Suite start(String name, List<String> services) {
        return start(new Suite(name, services, false));
    }

    /**
     * The services whose pages link to each other, for the browser tests: registry- and enrollment-service first,
     * then notification-service, which is told their page addresses (its mails link to the enrollment pages, and
     * each service's port is only known once it runs). Production needs none of this: one host, relative links.
     */
    public static Suite startForPages(String name) {
        Suite suite = new Suite(name, List.of("registry-service", "enrollment-service", "notification-service"), false);
        start(suite, List.of("registry-service", "enrollment-service"));
        try {
            suite.startService("notification-service");
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
        return suite;
    }

    /**
     * Some of the services, on a broker with SASL/SCRAM and the catalogue's ACLs ({@link SaslScramProfile}), each
     * connecting as its own Kafka user as in production. The list must hold registry- and adoption-stats-service.
     */
    public static Suite startWithSaslScram(String name, List<String> services) {
        return start(new Suite(name, services, true));
    }

    /** Everything, on a primary with a synchronous standby that a test may promote ({@link PostgresCluster}). */
    public static Suite startWithStandby(String name) {
        return start(new Suite(name, SERVICES, false, true, false));
    }

    /** Every service, on three Kafka brokers with replication 3 and {@code min.insync.replicas=2}. */
    public static Suite startOnKafkaCluster(String name) {
        return start(new Suite(name, SERVICES, false, false, true));
    }

    /** The broker or the cluster's three brokers, as the services are given them. */
    public String bootstrapServers() {
        return brokers != null ? brokers.bootstrapServers() : kafka.bootstrapServers();
    }

    public Path logs() {
        return logs;
    }

    private static Suite start(Suite suite) {
        start(suite, suite.services);
        if (suite.services.contains("adoption-stats-service")) {
            suite.awaitReferenceData();
        }
        return suite;
    }

    private static void start(Suite suite, List<String> services) {
        // A test JVM that is stopped (Ctrl-C, a CI timeout) must not leave service processes behind.
        Runtime.getRuntime().addShutdownHook(new Thread(suite::close, "suite-shutdown"));
        ExecutorService starter = Executors.newFixedThreadPool(services.size());
        try {
            CompletableFuture.allOf(services.stream()
                            .map(s -> CompletableFuture.runAsync(() -> suite.startService(s), starter))
                            .toArray(CompletableFuture[]::new))
                    .join();
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        } finally {
            starter.shutdown();
        }
    }

    /**
     * Ready is not the same as caught up: the registry publishes its 357 municipalities after it starts, and
     * adoption-stats reads them at its own pace. A test that counts non-adopters before it has them all counts a
     * moving number, so the suite is handed over only when adoption-stats knows every current municipality.
     */
    private void awaitReferenceData() {
        try {
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        var r = admin("adoption-stats-service")
                                .get("/api/v1/adoption/digihelse/non-adopters")
                                .then()
                                .extract();
                        return r.statusCode() == 200 && Integer.valueOf(357).equals(r.path("of"));
                    });
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public Map<String, String> env(String service) {
        Map<String, String> env = new HashMap<>(Map.of(
                "EHELSE_DB_URL",
                databases.urlOf(database.get(service)),
                "EHELSE_DB_USER",
                "postgres",
                "KAFKA_BOOTSTRAP_SERVERS",
                bootstrapServers(),
                "QUARKUS_OIDC_AUTH_SERVER_URL",
                oidc.issuer(),
                "QUARKUS_OIDC_CREDENTIALS_SECRET",
                clientSecret,
                // Plain http here, as in the local run.
                "QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE",
                "false",
                "EHELSE_CLOCK_ADJUSTABLE",
                "true"));
        if (saslScram) {
            env.putAll(SaslScramProfile.serviceEnvironment(service));
        }
        // Readiness down this long before the listener closes on SIGTERM (production: 5 s, for the endpoints to
        // be updated); here test clients poll readiness themselves, and every suite stops four services.
        env.put("QUARKUS_SHUTDOWN_DELAY", "1s");
        // Extra JVM options for one service, e.g. a flight recording to profile it (docs/performance.md).
        String jvm = System.getProperty("suite.jvm." + service);
        if (jvm != null) {
            env.put("JAVA_TOOL_OPTIONS", jvm);
        }
        // Links to the pages of the services already running (see startForPages).
        running.forEach((other, process) -> env.put(
                "EHELSE_PAGES_BASE_URL_"
                        + other.replace("-service", "").replace('-', '_').toUpperCase(java.util.Locale.ROOT),
                process.url()));
        switch (service) {
            case "enrollment-service" ->
                env.putAll(Map.of(
                        "EHELSE_DEADLINES_CHECK_INTERVAL",
                        "1s",
                        // Signs the cancel links of information meetings (at least 32 characters).
                        "EHELSE_MEETINGS_LINK_KEY",
                        meetingLinkKey,
                        // The mailed links (cancel, the meeting's page) must reach this process, whose port
                        // ServiceProcess picks at launch; SmallRye Config expands ${PORT} from its environment.
                        "EHELSE_MEETINGS_PUBLIC_URL",
                        "http://127.0.0.1:${PORT}"));
            case "notification-service" ->
                env.putAll(Map.of(
                        "EHELSE_SMTP_HOST",
                        "127.0.0.1",
                        "EHELSE_SMTP_PORT",
                        Integer.toString(mail.port()),
                        "EHELSE_SMTP_START_TLS",
                        "DISABLED",
                        "EHELSE_NOTIFICATIONS_WEBHOOKS_REQUIRE_HTTPS",
                        "false",
                        "EHELSE_NOTIFICATIONS_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES",
                        "true",
                        "EHELSE_NOTIFICATIONS_DELIVERY_INITIAL_BACKOFF",
                        "1s",
                        "EHELSE_NOTIFICATIONS_DELIVERY_MAX_BACKOFF",
                        "3s",
                        // The receivers listen on random ports; production allows only 443.
                        "EHELSE_NOTIFICATIONS_WEBHOOKS_ALLOWED_PORTS",
                        "*",
                        "EHELSE_WEBHOOK_SECRET_KEY",
                        webhookSecretKey));
            default -> {}
        }
        return env;
    }

    /** One key per run, the same for every restart of enrollment-service (mailed cancel links stay valid). */
    private final String meetingLinkKey = newKey();

    /** One key per run, the same for every restart of notification-service (its stored secrets are under it). */
    private final String webhookSecretKey = newKey();

    private static String newKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    public ServiceProcess startService(String service) {
        return startService(service, Map.of());
    }

    /** With extra environment, e.g. JVM options in JAVA_TOOL_OPTIONS for a footprint comparison. */
    public ServiceProcess startService(String service, Map<String, String> extraEnv) {
        return startService(
                service, ServiceProcess.Jvm.harness(ROOT.resolve(service).resolve("target/quarkus-app")), extraEnv);
    }

    /** With a JVM of its own (java, options, application directory), e.g. the AOT cache's (deploy/benchmark). */
    public ServiceProcess startService(String service, ServiceProcess.Jvm jvm, Map<String, String> extraEnv) {
        Map<String, String> env = env(service);
        env.putAll(extraEnv);
        ServiceProcess p = ServiceProcess.start(service, jvm, env, logs, READY);
        running.put(service, p);
        return p;
    }

    /**
     * One more instance of a running service with its environment (database, Kafka, keys), as a second replica in
     * production; stopped with the suite unless the caller closes it first.
     */
    public ServiceProcess startReplica(String service) {
        ServiceProcess p = ServiceProcess.start(
                service, ServiceProcess.jarOf(ROOT.resolve(service).toFile()), env(service), logs, READY);
        replicas.add(p);
        return p;
    }

    private final List<ServiceProcess> replicas = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The running process of a service, e.g. for its RSS. */
    public ServiceProcess process(String service) {
        return running.get(service);
    }

    /** The fictitious contact address the suite gives a municipality. */
    /** The registry's current municipalities (kommunenummer, sorted): the reference data every suite loads. */
    public List<String> municipalities() {
        return admin("registry-service")
                .get("/api/v1/municipalities?size=500&sort=kommunenummer")
                .then()
                .statusCode(200)
                .extract()
                .path("items.kommunenummer");
    }

    /** adoption-stats' national coverage of a solution: municipalities per adoption level, NONE included. */
    public Map<String, Long> levels(String solution) {
        Map<String, Object> byLevel = admin("adoption-stats-service")
                .get("/api/v1/adoption/" + solution + "/coverage")
                .then()
                .statusCode(200)
                .extract()
                .path("groups[0].byLevel");
        Map<String, Long> levels = new HashMap<>();
        if (byLevel != null) {
            byLevel.forEach((k, v) -> levels.put(k, ((Number) v).longValue()));
        }
        return levels;
    }

    /** The levels NHN reported: without NONE and without the levels no municipality is on. */
    public static Map<String, Long> withoutNone(Map<String, Long> levels) {
        Map<String, Long> reported = new HashMap<>(levels);
        reported.remove("NONE");
        reported.values().removeIf(v -> v == 0);
        return reported;
    }

    public static String contact(String kommunenummer) {
        return "ehelse-" + kommunenummer + "@kommune.example";
    }

    /** A token of the municipality role for one municipality, from the OIDC server. */
    public String municipality(String kommunenummer) {
        return token("municipality", Map.of("kommunenummer", kommunenummer));
    }

    /** A token from the OIDC server with one role and extra claims (e.g. kommunenummer, solutions, sub). */
    public String token(String role, Map<String, Object> claims) {
        return oidc.tokenForRole(role, claims);
    }

    /**
     * Gives each municipality a contact in the registry and returns once notification-service knows them all (a
     * municipality may read its contact's delivery choice only then).
     */
    public void addContacts(List<String> municipalities) {
        for (String k : municipalities) {
            admin("registry-service")
                    .body("""
                    {"role": "EHEALTH_CONTACT", "name": "E-helsekontakt", "email": "%s"}""".formatted(contact(k)))
                    .post("/api/v1/municipalities/" + k + "/contacts")
                    .then()
                    .statusCode(201);
        }
        for (String k : municipalities) {
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> as("notification-service", municipality(k))
                                    .get("/api/v1/recipients/" + contact(k) + "/delivery")
                                    .statusCode()
                            == 200);
        }
    }

    /** Starts every service that is not running (after a test that killed one and failed before restarting it). */
    public void startMissing() {
        services.stream().filter(s -> !running.containsKey(s)).forEach(this::startService);
    }

    /** SIGTERM, as a rolling deploy does: the service shuts down and its consumers leave their groups. */
    public void stop(String service) {
        running.remove(service).close();
    }

    /** SIGKILL: no shutdown hook, no commit, no flush. */
    public void kill(String service) {
        running.remove(service).kill();
    }

    /** The instance {@link #url} and the other helpers talk to. */
    public ServiceProcess instance(String service) {
        return running.get(service);
    }

    public String url(String service) {
        return running.get(service).url();
    }

    /** Health, metrics and the OpenAPI document: the service's management port. */
    public String managementUrl(String service) {
        return running.get(service).managementUrl();
    }

    /** A request to a service's management port (no token: the NetworkPolicy, not a token, guards it). */
    public RequestSpecification management(String service) {
        return RestAssured.given().baseUri(managementUrl(service));
    }

    /** The name of a service's database in {@link #postgres}. */
    public String database(String service) {
        return database.get(service);
    }

    public String jdbcUrl(String service) {
        return databases.urlOf(database.get(service));
    }

    /** One number from a service's database, e.g. {@code SELECT count(*) ...}; parameters bound in order. */
    public long count(String service, String sql, Object... parameters) {
        try (var c = java.sql.DriverManager.getConnection(jdbcUrl(service), "postgres", "");
                var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                statement.setObject(
                        i + 1, p instanceof java.util.Collection<?> list ? c.createArrayOf("text", list.toArray()) : p);
            }
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(service + ": " + sql, e);
        }
    }

    /** Events the service's transactional outbox still has to publish (the relay deletes what the broker acked). */
    public long unpublished(String service) {
        return count(service, "SELECT count(*) FROM outbox_event");
    }

    /** A request to a service as the given token. */
    public RequestSpecification as(String service, String token) {
        return RestAssured.given().baseUri(url(service)).auth().oauth2(token).contentType("application/json");
    }

    public RequestSpecification admin(String service) {
        return as(service, token("admin", Map.of()));
    }

    /** An OPEN track with a lead, deadline in 30 days (retried while enrollment-service learns the catalogue). */
    public String openTrack(String solution, String name, int capacity) {
        return openTrack(
                solution,
                name,
                capacity,
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30));
    }

    /** An OPEN track with a lead ({@code leder-<solution>@ks.example}) and the given registration deadline. */
    public String openTrack(String solution, String name, int capacity, java.time.LocalDate deadline) {
        return openTrack("""
                {"solution": "%s", "name": "%s", "capacity": %d, "registrationDeadline": "%s",
                 "workingGroup": [{"role": "LEAD", "name": "Innføringsleder", "email": "leder-%s@ks.example"}]}""".formatted(solution, name, capacity, deadline, solution));
    }

    /** A track made from {@code body} (POST /api/v1/tracks, retried until enrollment-service knows the solution), opened. */
    public String openTrack(String body) {
        String track = org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(
                        () -> admin("enrollment-service")
                                .body(body)
                                .post("/api/v1/tracks")
                                .then()
                                .extract(),
                        r -> r.statusCode() == 201)
                .path("id");
        admin("enrollment-service")
                .body("{\"status\": \"OPEN\"}")
                .post("/api/v1/tracks/" + track + "/status")
                .then()
                .statusCode(200);
        return track;
    }

    @Override
    public synchronized void close() {
        // All at once: each drains for its shutdown delay, and one after another they outlast the time failsafe
        // gives a finished test JVM (30 s) before it kills it, which left the broker and OIDC server running.
        List<ServiceProcess> processes = new ArrayList<>(replicas);
        processes.addAll(running.values());
        replicas.clear();
        running.clear();
        List<Thread> stopping =
                processes.stream().map(p -> new Thread(p::close, "suite-stop")).toList();
        stopping.forEach(Thread::start);
        for (Thread t : stopping) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (kafka != null) {
            kafka.close();
        }
        if (brokers != null) {
            brokers.close();
        }
        oidc.close();
        mail.close();
        postgres.close();
    }
}
