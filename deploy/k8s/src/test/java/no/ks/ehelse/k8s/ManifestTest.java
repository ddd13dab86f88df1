package no.ks.ehelse.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * What can be checked without a cluster: every rendering (the base and each overlay) loads into typed
 * Kubernetes objects of known kinds, and the rules the operations guide promises hold for every object in it.
 */
class ManifestTest {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final Path K8S = ROOT.resolve("deploy/k8s");
    static final List<String> SERVICES =
            List.of("registry-service", "enrollment-service", "adoption-stats-service", "notification-service");
    /** The custom resources we use, by kind: their operators' API versions. */
    static final Map<String, String> CUSTOM = Map.of(
            "KafkaTopic",
            "kafka.strimzi.io/v1beta2",
            "KafkaUser",
            "kafka.strimzi.io/v1beta2",
            "Cluster",
            "postgresql.cnpg.io/v1",
            "Database",
            "postgresql.cnpg.io/v1",
            "PrometheusRule",
            "monitoring.coreos.com/v1");

    /** NHN's Kafka user: the producer of nhn.adoption.v1. */
    static final String NHN = "nhn";

    /** The port of health, metrics and the OpenAPI document in the cluster (quarkus.management.port). */
    static final int MANAGEMENT_PORT = 9000;

    static final Pattern SENSITIVE = Pattern.compile("(?i).*(PASSWORD|SECRET|JAAS|PRIVATE_KEY|CREDENTIAL|API_KEY).*");

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyRenderedObjectIsOfAKnownKind(String directory) {
        List<HasMetadata> objects = Kustomization.render(K8S.resolve(directory));
        assertFalse(objects.isEmpty());
        for (HasMetadata o : objects) {
            if (o instanceof GenericKubernetesResource generic) {
                assertEquals(
                        CUSTOM.get(generic.getKind()),
                        generic.getApiVersion(),
                        "unknown kind " + generic.getApiVersion() + "/" + generic.getKind());
            }
            assertNotNull(o.getMetadata().getName(), () -> "unnamed " + o.getKind());
            if (!directory.equals("base")) {
                assertNotNull(o.getMetadata().getNamespace(), "overlays set the namespace");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyContainerHasProbesResourcesRunsAsNonRootAndAPinnedImage(String directory) {
        List<Deployment> deployments = of(Kustomization.render(K8S.resolve(directory)), Deployment.class);
        assertEquals(new TreeSet<>(SERVICES), names(deployments));
        for (Deployment d : deployments) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            assertEquals(
                    Boolean.TRUE,
                    pod.getSecurityContext().getRunAsNonRoot(),
                    d.getMetadata().getName());
            for (Container c : pod.getContainers()) {
                String where = d.getMetadata().getName() + "/" + c.getName();
                probe(c.getStartupProbe(), "/q/health/started", where);
                probe(c.getReadinessProbe(), "/q/health/ready", where);
                probe(c.getLivenessProbe(), "/q/health/live", where);
                for (String kind : List.of("cpu", "memory")) {
                    assertNotNull(c.getResources().getRequests().get(kind), where + " requests " + kind);
                    assertNotNull(c.getResources().getLimits().get(kind), where + " limits " + kind);
                }
                assertEquals(Boolean.TRUE, c.getSecurityContext().getReadOnlyRootFilesystem(), where);
                assertEquals(Boolean.FALSE, c.getSecurityContext().getAllowPrivilegeEscalation(), where);
                String image = c.getImage();
                assertTrue(image.matches(".+:[0-9][A-Za-z0-9._-]*"), where + " has no version tag: " + image);
                assertFalse(image.endsWith(":latest"), where + " uses latest");
            }
            Map<String, String> annotations =
                    d.getSpec().getTemplate().getMetadata().getAnnotations();
            assertEquals(
                    "true",
                    annotations.get("prometheus.io/scrape"),
                    d.getMetadata().getName());
            assertEquals("/q/metrics", annotations.get("prometheus.io/path"));
            assertEquals(
                    String.valueOf(MANAGEMENT_PORT),
                    annotations.get("prometheus.io/port"),
                    d.getMetadata().getName() + " is scraped on the management port");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void healthMetricsAndTheApiDocumentAreOnAManagementPortOnlyMonitoringReaches(String directory) {
        List<HasMetadata> objects = Kustomization.render(K8S.resolve(directory));
        for (Deployment d : of(objects, Deployment.class)) {
            String service = d.getMetadata().getName();
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            var management = c.getPorts().stream()
                    .filter(p -> "management".equals(p.getName()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(service + " names no management port"));
            assertEquals(MANAGEMENT_PORT, management.getContainerPort(), service);
            for (Probe probe : List.of(c.getStartupProbe(), c.getReadinessProbe(), c.getLivenessProbe())) {
                assertEquals("management", probe.getHttpGet().getPort().getStrVal(), service + " probes");
            }
            ConfigMap config = of(objects, ConfigMap.class).stream()
                    .filter(m -> m.getMetadata().getName().equals(service + "-config"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(String.valueOf(MANAGEMENT_PORT), config.getData().get("MANAGEMENT_PORT"), service);
            Service svc = of(objects, Service.class).stream()
                    .filter(x -> x.getMetadata().getName().equals(service))
                    .findFirst()
                    .orElseThrow();
            assertTrue(
                    svc.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == MANAGEMENT_PORT),
                    service + " Service exposes the management port for scraping");

            NetworkPolicy policy = of(objects, NetworkPolicy.class).stream()
                    .filter(p -> p.getMetadata().getName().equals(service))
                    .findFirst()
                    .orElseThrow();
            int rulesForManagement = 0;
            for (var rule : policy.getSpec().getIngress()) {
                boolean opensManagement = rule.getPorts() == null
                        || rule.getPorts().isEmpty()
                        || rule.getPorts().stream()
                                .anyMatch(
                                        p -> p.getPort() == null || p.getPort().getIntVal() == MANAGEMENT_PORT);
                if (!opensManagement) {
                    continue;
                }
                rulesForManagement++;
                assertEquals(
                        List.of(MANAGEMENT_PORT),
                        rule.getPorts().stream()
                                .map(p -> p.getPort().getIntVal())
                                .toList(),
                        service + ": the rule that opens the management port opens nothing else");
                assertNotNull(rule.getFrom(), service + ": the management port is not open to everyone");
                assertFalse(rule.getFrom().isEmpty(), service + ": the management port is not open to everyone");
                for (var peer : rule.getFrom()) {
                    assertEquals(
                            Map.of("kubernetes.io/metadata.name", "monitoring"),
                            peer.getNamespaceSelector().getMatchLabels(),
                            service + ": only the monitoring namespace reaches the management port");
                    assertTrue(peer.getIpBlock() == null, service);
                }
            }
            assertEquals(1, rulesForManagement, service + ": one ingress rule for the management port");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void noSecretValueIsWrittenInAManifest(String directory) {
        List<HasMetadata> objects = Kustomization.render(K8S.resolve(directory));
        assertTrue(of(objects, Secret.class).isEmpty(), "Secrets are created at install, not kept here");
        for (ConfigMap cm : of(objects, ConfigMap.class)) {
            cm.getData()
                    .keySet()
                    .forEach(key -> assertFalse(
                            SENSITIVE.matcher(key).matches(),
                            cm.getMetadata().getName() + " holds " + key + " in plain text"));
        }
        for (Deployment d : of(objects, Deployment.class)) {
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                for (EnvVar e : c.getEnv()) {
                    if (SENSITIVE.matcher(e.getName()).matches()) {
                        assertTrue(
                                e.getValue() == null
                                        && e.getValueFrom() != null
                                        && e.getValueFrom().getSecretKeyRef() != null,
                                d.getMetadata().getName() + ": " + e.getName() + " must come from a Secret");
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/prod"})
    void everyServiceTakesItsDatabaseAndKafkaCredentialsFromSecrets(String directory) {
        List<HasMetadata> objects = Kustomization.render(K8S.resolve(directory));
        Set<String> users = names(kind(objects, "KafkaUser"));
        for (Deployment d : of(objects, Deployment.class)) {
            Map<String, EnvVar> env = new HashMap<>();
            d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().forEach(e -> env.put(e.getName(), e));
            String service = d.getMetadata().getName();
            for (String name : List.of("EHELSE_DB_USER", "EHELSE_DB_PASSWORD")) {
                assertEquals(
                        service + "-db",
                        env.get(name).getValueFrom().getSecretKeyRef().getName(),
                        service + " " + name);
            }
            String kafkaSecret = env.get("KAFKA_SASL_JAAS_CONFIG")
                    .getValueFrom()
                    .getSecretKeyRef()
                    .getName();
            assertEquals(service, kafkaSecret, "Strimzi names the user's Secret after the KafkaUser");
            assertTrue(users.contains(kafkaSecret), service + " has no KafkaUser");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void notificationServiceTakesItsWebhookSecretKeyFromASecretAndReachesWebhooksOnlyOnPublicAddresses(
            String directory) {
        List<HasMetadata> objects = Kustomization.render(K8S.resolve(directory));
        Deployment d = of(objects, Deployment.class).stream()
                .filter(x -> x.getMetadata().getName().equals("notification-service"))
                .findFirst()
                .orElseThrow();
        Map<String, EnvVar> env = new HashMap<>();
        d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().forEach(e -> env.put(e.getName(), e));
        var current = env.get("EHELSE_WEBHOOK_SECRET_KEY").getValueFrom().getSecretKeyRef();
        assertEquals("notification-service-webhook-key", current.getName());
        assertEquals("current", current.getKey());
        assertTrue(current.getOptional() == null || !current.getOptional(), "the service does not start without it");
        var previous =
                env.get("EHELSE_WEBHOOK_SECRET_KEY_PREVIOUS").getValueFrom().getSecretKeyRef();
        assertEquals("notification-service-webhook-key", previous.getName());
        assertEquals("previous", previous.getKey());
        assertEquals(Boolean.TRUE, previous.getOptional(), "set only during a rotation");

        NetworkPolicy policy = of(objects, NetworkPolicy.class).stream()
                .filter(p -> p.getMetadata().getName().equals("notification-service"))
                .findFirst()
                .orElseThrow();
        var https = policy.getSpec().getEgress().stream()
                .filter(rule ->
                        rule.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == 443))
                .filter(rule -> rule.getTo().stream().anyMatch(t -> t.getIpBlock() != null))
                .findFirst()
                .orElseThrow();
        List<String> except = https.getTo().get(0).getIpBlock().getExcept();
        for (String range : List.of(
                "10.0.0.0/8",
                "172.16.0.0/12",
                "192.168.0.0/16",
                "169.254.0.0/16",
                "100.64.0.0/10",
                "0.0.0.0/8",
                "127.0.0.0/8",
                "192.0.0.0/24",
                "198.18.0.0/15",
                "224.0.0.0/4",
                "240.0.0.0/4")) {
            assertTrue(except.contains(range), "webhook egress on 443 excludes " + range);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/prod"})
    void everyTopicOfTheCatalogueAndOfEveryServiceExistsAsAKafkaTopic(String directory) {
        Map<String, GenericKubernetesResource> topics = new HashMap<>();
        kind(Kustomization.render(K8S.resolve(directory)), "KafkaTopic").forEach(t -> topics.put(topicName(t), t));
        for (String[] row : catalogue()) {
            GenericKubernetesResource topic = topics.get(row[0]);
            assertNotNull(topic, "no KafkaTopic for " + row[0]);
            Map<?, ?> spec = (Map<?, ?>) topic.getAdditionalProperties().get("spec");
            assertEquals(Integer.parseInt(row[1]), ((Number) spec.get("partitions")).intValue(), row[0]);
            assertEquals(row[2], ((Map<?, ?>) spec.get("config")).get("cleanup.policy"), row[0]);
        }
        assertEquals(catalogue().size(), topics.size(), "KafkaTopics and the catalogue list the same topics");
        for (String service : SERVICES) {
            ServiceTopics t = ServiceTopics.of(service);
            Stream.of(t.reads(), t.writes())
                    .flatMap(Set::stream)
                    .forEach(name -> assertTrue(
                            topics.containsKey(name), service + " names topic " + name + ", which has no KafkaTopic"));
        }
    }

    /** The catalogue's producers and consumers are what each service's configuration and outbox say it does. */
    @org.junit.jupiter.api.Test
    void theCatalogueNamesWhatEachServiceReadsAndWrites() {
        for (String service : SERVICES) {
            ServiceTopics expected = ServiceTopics.of(service);
            assertEquals(expected.reads(), CatalogueAcls.of(service).reads(), service + " reads (topics.csv)");
            assertEquals(expected.writes(), CatalogueAcls.of(service).writes(), service + " writes (topics.csv)");
            assertEquals(expected.groups(), CatalogueAcls.of(service).groups(), service + " consumes in its own group");
        }
        Set<String> users = new TreeSet<>(SERVICES);
        users.add(NHN);
        for (String[] row : catalogue()) {
            Stream.of(row[3], row[4])
                    .flatMap(f -> users(f).stream())
                    .forEach(user -> assertTrue(
                            users.contains(user), row[0] + " names " + user + ", which is neither a service nor NHN"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/prod"})
    void eachKafkaUserMayReadAndWriteExactlyWhatTheCatalogueSays(String directory) {
        Map<String, GenericKubernetesResource> users = kafkaUsers(directory);
        Set<String> expectedUsers = new TreeSet<>(SERVICES);
        expectedUsers.add(NHN);
        assertEquals(expectedUsers, new TreeSet<>(users.keySet()));
        for (String user : expectedUsers) {
            Map<?, ?> spec =
                    (Map<?, ?>) users.get(user).getAdditionalProperties().get("spec");
            assertEquals(
                    "scram-sha-512",
                    ((Map<?, ?>) spec.get("authentication")).get("type"),
                    user + " authenticates as the listener requires");
            assertEquals("simple", ((Map<?, ?>) spec.get("authorization")).get("type"), user);
            assertEquals(CatalogueAcls.of(user), CatalogueAcls.granted(users.get(user)), user + " ACLs");
        }
    }

    /**
     * The CloudEvent {@code source} of NHN's records is checked, but anyone who may write the topic can set it: the
     * ACL is what makes a record NHN's. So exactly one user writes nhn.adoption.v1, and no service holds its Secret.
     */
    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/prod"})
    void onlyNhnsUserMayWriteNhnsTopic(String directory) {
        Map<String, GenericKubernetesResource> users = kafkaUsers(directory);
        Set<String> writers = new TreeSet<>();
        users.forEach((name, user) -> {
            if (CatalogueAcls.granted(user).writes().contains("nhn.adoption.v1")) {
                writers.add(name);
            }
        });
        assertEquals(Set.of(NHN), writers, "who may write nhn.adoption.v1");
        CatalogueAcls nhn = CatalogueAcls.granted(users.get(NHN));
        assertEquals(Set.of("nhn.adoption.v1"), nhn.writes());
        assertEquals(Set.of("nhn.adoption.v1.dlq"), nhn.reads(), "NHN reads its rejected records, nothing else");
        for (Deployment d : of(Kustomization.render(K8S.resolve(directory)), Deployment.class)) {
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                for (EnvVar e : c.getEnv()) {
                    if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                        assertFalse(
                                NHN.equals(e.getValueFrom().getSecretKeyRef().getName()),
                                d.getMetadata().getName() + " has NHN's Kafka credentials in " + e.getName());
                    }
                }
            }
        }
    }

    private static Map<String, GenericKubernetesResource> kafkaUsers(String directory) {
        Map<String, GenericKubernetesResource> users = new HashMap<>();
        kind(Kustomization.render(K8S.resolve(directory)), "KafkaUser")
                .forEach(u -> users.put(u.getMetadata().getName(), u));
        return users;
    }

    /** What a Kafka user may read, write and consume as: from the catalogue, or from a KafkaUser's ACLs. */
    record CatalogueAcls(Set<String> reads, Set<String> writes, Set<String> groups) {

        /** The catalogue's rights of a user: its topics, and its own group if it consumes anything. */
        static CatalogueAcls of(String user) {
            Set<String> reads = new TreeSet<>();
            Set<String> writes = new TreeSet<>();
            for (String[] row : catalogue()) {
                if (users(row[3]).contains(user)) {
                    writes.add(row[0]);
                }
                if (users(row[4]).contains(user)) {
                    reads.add(row[0]);
                }
            }
            return new CatalogueAcls(reads, writes, reads.isEmpty() ? Set.of() : Set.of(user));
        }

        /** A KafkaUser's ACLs; fails on any right beyond reading or writing a literal topic and reading a group. */
        static CatalogueAcls granted(GenericKubernetesResource user) {
            String name = user.getMetadata().getName();
            Set<String> reads = new TreeSet<>();
            Set<String> writes = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            Map<?, ?> authorization =
                    (Map<?, ?>) ((Map<?, ?>) user.getAdditionalProperties().get("spec")).get("authorization");
            for (Object item : (List<?>) authorization.get("acls")) {
                Map<?, ?> acl = (Map<?, ?>) item;
                Map<?, ?> resource = (Map<?, ?>) acl.get("resource");
                Set<Object> operations = new TreeSet<>((List<?>) acl.get("operations"));
                String type = (String) resource.get("type");
                assertEquals("literal", resource.get("patternType"), name + " " + acl);
                assertTrue(acl.get("type") == null || "allow".equals(acl.get("type")), name + " " + acl);
                if (type.equals("topic") && operations.equals(Set.of("Read", "Describe"))) {
                    reads.add((String) resource.get("name"));
                } else if (type.equals("topic") && operations.equals(Set.of("Write", "Describe"))) {
                    writes.add((String) resource.get("name"));
                } else if (type.equals("group") && operations.equals(Set.of("Read"))) {
                    groups.add((String) resource.get("name"));
                } else {
                    fail(name + " has an ACL beyond reading or writing a topic and reading its group: " + acl);
                }
            }
            return new CatalogueAcls(reads, writes, groups);
        }
    }

    static Set<String> users(String field) {
        return field.strip().equals("-") ? Set.of() : Set.of(field.strip().split("\\s+"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyServiceHasAServiceAnAutoscalerADisruptionBudgetAndANetworkPolicy(String directory) {
        List<HasMetadata> objects = Kustomization.render(K8S.resolve(directory));
        for (String service : SERVICES) {
            assertTrue(names(of(objects, Service.class)).contains(service), service + " Service");
            HorizontalPodAutoscaler hpa = of(objects, HorizontalPodAutoscaler.class).stream()
                    .filter(h -> h.getMetadata().getName().equals(service))
                    .findFirst()
                    .orElseThrow();
            assertEquals(service, hpa.getSpec().getScaleTargetRef().getName());
            assertTrue(
                    hpa.getSpec().getMinReplicas() >= 1
                            && hpa.getSpec().getMaxReplicas() >= hpa.getSpec().getMinReplicas(),
                    service);
            assertTrue(names(of(objects, PodDisruptionBudget.class)).contains(service), service + " PDB");
            NetworkPolicy policy = of(objects, NetworkPolicy.class).stream()
                    .filter(p -> p.getMetadata().getName().equals(service))
                    .findFirst()
                    .orElseThrow();
            assertEquals(
                    service, policy.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/name"));
            assertTrue(policy.getSpec().getPolicyTypes().contains("Egress"), service + " limits egress");
        }
        if (directory.equals("overlays/prod")) {
            of(objects, HorizontalPodAutoscaler.class)
                    .forEach(h -> assertTrue(
                            h.getSpec().getMinReplicas() >= 2,
                            "production keeps two replicas of "
                                    + h.getMetadata().getName()));
        }
    }

    private static void probe(Probe probe, String path, String where) {
        assertNotNull(probe, where + " probe " + path);
        assertEquals(path, probe.getHttpGet().getPath(), where);
    }

    static <T extends HasMetadata> List<T> of(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static List<GenericKubernetesResource> kind(List<HasMetadata> objects, String kind) {
        return of(objects, GenericKubernetesResource.class).stream()
                .filter(o -> o.getKind().equals(kind))
                .toList();
    }

    static Set<String> names(List<? extends HasMetadata> objects) {
        Set<String> names = new TreeSet<>();
        objects.forEach(o -> names.add(o.getMetadata().getName()));
        return names;
    }

    private static String topicName(GenericKubernetesResource topic) {
        Object name = ((Map<?, ?>) topic.getAdditionalProperties().get("spec")).get("topicName");
        return name != null ? name.toString() : topic.getMetadata().getName();
    }

    static List<String[]> catalogue() {
        try {
            return Files.readAllLines(ROOT.resolve("docs/events/topics.csv")).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.strip().split(","))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a service's own configuration and code say it reads and writes. */
    record ServiceTopics(Set<String> reads, Set<String> writes, Set<String> groups) {

        private static final Pattern OUTBOX_TOPIC = Pattern.compile("String TOPIC = \"([^\"]+)\"");

        static ServiceTopics of(String service) {
            Properties p = new Properties();
            try (Reader in =
                    Files.newBufferedReader(ROOT.resolve(service + "/src/main/resources/application.properties"))) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Set<String> reads = new TreeSet<>();
            Set<String> writes = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            for (String key : p.stringPropertyNames()) {
                String value = resolve(p, p.getProperty(key));
                if (key.startsWith("mp.messaging.outgoing.") && key.endsWith(".topic")) {
                    writes.add(value);
                }
                if (!key.startsWith("mp.messaging.incoming.")) {
                    continue;
                }
                if (key.endsWith(".dead-letter-queue.topic")) {
                    writes.add(value);
                } else if (key.endsWith(".topic")) {
                    reads.add(value);
                } else if (key.endsWith(".group.id")) {
                    groups.add(value);
                }
            }
            try (Stream<Path> sources = Files.walk(ROOT.resolve(service + "/src/main/java"))) {
                sources.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    try {
                        Matcher m = OUTBOX_TOPIC.matcher(Files.readString(f));
                        while (m.find()) {
                            writes.add(m.group(1));
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new ServiceTopics(reads, writes, groups);
        }

        private static String resolve(Properties p, String value) {
            Matcher m = Pattern.compile("\\$\\{([^}:]+)(:[^}]*)?}").matcher(value);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(p.getProperty(m.group(1), "")));
            }
            m.appendTail(out);
            return out.toString();
        }
    }
}
