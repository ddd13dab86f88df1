package no.ks.ehelse.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The local broker as production runs Kafka: clients authenticate with SASL/SCRAM-SHA-512 (without TLS, on
 * loopback), the {@code StandardAuthorizer} refuses whatever no ACL allows, and every Kafka user of the topic
 * catalogue (one per service, and {@code nhn}) has exactly the ACLs the catalogue gives it, the same ones as its
 * KafkaUser in deploy/k8s (ManifestTest checks those against the catalogue).
 *
 * <p>The passwords are fixed and known ({@link #password}): this profile is for tests and the local run, never
 * for data that matters. The broker and the tests' administrator are {@link #ADMIN}, a super user.
 */
public final class SaslScramProfile {

    public static final String MECHANISM = "SCRAM-SHA-512";
    /** The broker's own user (between its listeners) and the tests' administrator: creates topics and ACLs. */
    public static final String ADMIN = "admin";

    private SaslScramProfile() {}

    /** The local password of a Kafka user. */
    public static String password(String user) {
        return user + "-local-secret";
    }

    /** The users that get SCRAM credentials: the administrator and every user the catalogue names. */
    public static Set<String> users() {
        Set<String> users = new HashSet<>(TopicCatalogue.users());
        users.add(ADMIN);
        return users;
    }

    /** A Kafka client's settings to connect as {@code user} with {@code password}. */
    public static Map<String, Object> clientConfig(String bootstrapServers, String user, String password) {
        return Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM,
                MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG,
                jaas(user, password));
    }

    public static Map<String, Object> clientConfig(String bootstrapServers, String user) {
        return clientConfig(bootstrapServers, user, password(user));
    }

    /**
     * A service's environment to connect as its own user: the same variables production sets (deploy/k8s
     * common.yaml and the KafkaUser's Secret), so the consumers and the outbox relay both use them.
     */
    public static Map<String, String> serviceEnvironment(String user) {
        return Map.of(
                "KAFKA_SECURITY_PROTOCOL",
                "SASL_PLAINTEXT",
                "KAFKA_SASL_MECHANISM",
                MECHANISM,
                "KAFKA_SASL_JAAS_CONFIG",
                jaas(user, password(user)));
    }

    static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    /** The SCRAM credentials written into the metadata when the storage is formatted (kafka-storage --add-scram). */
    static List<String> formatArguments() {
        return users().stream()
                .sorted()
                .map(user -> MECHANISM + "=[name=" + user + ",password=" + password(user) + "]")
                .toList();
    }

    /**
     * A SASL_PLAINTEXT listener for clients and between brokers. The controller listener stays PLAINTEXT on
     * loopback: KRaft controllers cannot authenticate each other with SCRAM (its credentials live in the metadata
     * they serve), so its anonymous principal is a super user there; Strimzi uses mutual TLS for it instead.
     */
    static void brokerProperties(Properties p, int port, int controllerPort) {
        p.put("listeners", "SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + port);
        p.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        p.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("sasl.enabled.mechanisms", MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        p.put(
                "listener.name.sasl_plaintext." + MECHANISM.toLowerCase(java.util.Locale.ROOT) + ".sasl.jaas.config",
                jaas(ADMIN, password(ADMIN)));
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("super.users", "User:" + ADMIN + ";User:ANONYMOUS");
    }

    /**
     * The ACLs of the catalogue: a producer may write and describe its topics, a consumer read and describe them
     * and read its own consumer group (named after the user). Nothing else: no prefixes, no wildcards, no cluster
     * rights (an idempotent producer needs only Write on a topic since Kafka 2.8, KIP-679).
     */
    public static List<AclBinding> acls() {
        List<AclBinding> acls = new ArrayList<>();
        Set<String> consumers = new HashSet<>();
        for (TopicCatalogue.Topic topic : TopicCatalogue.topics()) {
            ResourcePattern resource = new ResourcePattern(ResourceType.TOPIC, topic.name(), PatternType.LITERAL);
            for (String user : topic.producers()) {
                acls.add(allow(resource, user, AclOperation.WRITE));
                acls.add(allow(resource, user, AclOperation.DESCRIBE));
            }
            for (String user : topic.consumers()) {
                acls.add(allow(resource, user, AclOperation.READ));
                acls.add(allow(resource, user, AclOperation.DESCRIBE));
                consumers.add(user);
            }
        }
        for (String user : consumers) {
            acls.add(
                    allow(new ResourcePattern(ResourceType.GROUP, user, PatternType.LITERAL), user, AclOperation.READ));
        }
        return acls;
    }

    private static AclBinding allow(ResourcePattern resource, String user, AclOperation operation) {
        return new AclBinding(
                resource, new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }

    /**
     * Creates the catalogue's topics and ACLs as the administrator; returns once the broker enforces every ACL
     * (the controller acknowledges them before the broker's authorizer has them). Safe on a broker that has them.
     */
    static void createTopicsAndAcls(String bootstrapServers) {
        Map<String, Object> admin = clientConfig(bootstrapServers, ADMIN);
        TopicCatalogue.createAll(admin);
        List<AclBinding> wanted = acls();
        try (Admin client = Admin.create(admin)) {
            client.createAcls(wanted).all().get();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (!client.describeAcls(AclBindingFilter.ANY).values().get().containsAll(wanted)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("ACLs created, but not enforced by the broker after 30 s");
                }
                Thread.sleep(50);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create the ACLs", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
