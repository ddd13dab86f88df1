package no.ks.ehelse.localstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What a service's tests run against: the real Kafka broker (one per test JVM, started here in-JVM), a fresh
 * PostgreSQL database for this application start (dropped afterwards), and the OIDC public key of
 * {@link TestTokens}.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

    /** JVM-wide marker: the broker outlives a single Quarkus application start (class loaders differ). */
    private static final String BOOTSTRAP_PROPERTY = "ehelse.test.kafka.bootstrap";

    private static final Logger[] QUIET = {Logger.getLogger("org.testcontainers")};

    private String database;
    private PostgresDatabases databases;
    private PostgreSQLContainer container;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka());
        config.putAll(postgres());
        // Module tests reach the API and the pages with bearer tokens signed by TestTokens, checked with its public
        // key; Quarkus verifies with a local key only in a service application. Sign-in through the browser is
        // tested against the real OIDC server in deploy/suite-tests.
        config.put("quarkus.oidc.application-type", "service");
        config.put("quarkus.oidc.public-key", TestTokens.publicKeyBase64());
        config.put("quarkus.oidc.token.issuer", TestTokens.ISSUER);
        config.put("ehelse.security.token.key-id", TestTokens.KEY_ID);
        return config;
    }

    private static synchronized String kafka() {
        String running = System.getProperty(BOOTSTRAP_PROPERTY);
        if (running != null) {
            return running;
        }
        for (Logger logger : QUIET) {
            logger.setLevel(Level.WARNING);
        }
        KafkaBroker broker = new KafkaBroker(
                        Path.of("target", "kafka-test", UUID.randomUUID().toString()), 0, 0)
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-test-broker-shutdown"));
        System.setProperty(BOOTSTRAP_PROPERTY, broker.bootstrapServers());
        return broker.bootstrapServers();
    }

    private Map<String, String> postgres() {
        databases = new PostgresDatabases(PostgresDatabases.ADMIN_URL);
        if (databases.reachable()) {
            database = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            databases.createIfMissing(database);
            return Map.of(
                    "quarkus.datasource.jdbc.url",
                    databases.urlOf(database),
                    "quarkus.datasource.username",
                    "postgres",
                    "quarkus.datasource.password",
                    "");
        }
        if (dockerAvailable()) {
            container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            return Map.of(
                    "quarkus.datasource.jdbc.url",
                    container.getJdbcUrl(),
                    "quarkus.datasource.username",
                    container.getUsername(),
                    "quarkus.datasource.password",
                    container.getPassword());
        }
        throw new IllegalStateException("No PostgreSQL for the tests: nothing answers at " + PostgresDatabases.ADMIN_URL
                + " and no Docker engine is available. Start the local server (pg_ctlcluster --skip-systemctl-redirect"
                + " 15 main start, or apt-get install postgresql) or set EHELSE_PG_ADMIN_URL to an admin JDBC URL.");
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @Override
    public void stop() {
        if (database != null) {
            databases.drop(database);
        }
        if (container != null) {
            container.stop();
        }
    }
}
