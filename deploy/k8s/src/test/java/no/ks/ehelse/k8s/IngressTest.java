package no.ks.ehelse.k8s;

import static no.ks.ehelse.k8s.ManifestTest.K8S;
import static no.ks.ehelse.k8s.ManifestTest.MANAGEMENT_PORT;
import static no.ks.ehelse.k8s.ManifestTest.ROOT;
import static no.ks.ehelse.k8s.ManifestTest.SERVICES;
import static no.ks.ehelse.k8s.ManifestTest.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;

/**
 * People reach every page on one host: each page path the services' code serves (the {@code @Path} of the page
 * resources in their {@code api} packages, and the sign-in paths their ConfigMaps set) reaches the owning service's
 * http port through the Ingress, by the rules Kubernetes gives Ingress path matching. Nothing reaches a management
 * port, every host has TLS, and each service's API has a host of its own.
 */
class IngressTest {

    static final String PAGES = "ehelse-pages";
    static final String API = "ehelse-api";
    private static final Pattern PATH = Pattern.compile("@Path\\(\"([^\"]*)\"\\)");
    private static final Pattern CLASS = Pattern.compile("\\bclass\\s+\\w+");
    private static final Pattern PARAMETER = Pattern.compile("\\{[^/]*}");

    @Test
    void theCodeHasPagesToRoute() {
        // Guards the scan: if it found nothing, every routing check below would pass vacuously.
        Set<String> enrollment = pagePaths("enrollment-service");
        assertTrue(enrollment.contains("/"), enrollment.toString());
        assertTrue(enrollment.contains("/losninger/{code}"), enrollment.toString());
        assertTrue(enrollment.contains("/pameldinger/{id}/avbud"), enrollment.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyPagePathOfEveryServiceIsRoutedToThatServicesHttpPort(String directory) {
        List<HasMetadata> objects = Kustomization.render(K8S.resolve(directory));
        IngressRule pages = onlyRule(ingress(objects, PAGES));
        for (String service : SERVICES) {
            for (String page : pagePaths(service)) {
                assertFalse(
                        page.substring(1).startsWith("{"),
                        service + " serves " + page + ", whose first segment no path prefix can route");
                assertEquals(
                        Optional.of(service),
                        route(pages, sample(page)).map(IngressServiceBackend::getName),
                        service + "'s page " + page + " (as " + sample(page) + ") on " + pages.getHost());
            }
        }
        assertTrue(
                route(pages, "/static/ehelse/ds/designsystemet.css").isPresent(),
                "the shared styles (every service serves them)");
    }

    /**
     * A service's own sign-in and sign-out must reach it (its session is its own); after sign-in and sign-out it may
     * send the browser to any service, since every service serves the signed-in and signed-out pages. The session
     * cookie is only sent under the cookie path, so the redirect path must lie under it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void eachServiceSignsInAndOutUnderAPathRoutedToItself(String directory) {
        List<HasMetadata> objects = Kustomization.render(K8S.resolve(directory));
        IngressRule pages = onlyRule(ingress(objects, PAGES));
        Set<String> redirectPaths = new TreeSet<>();
        for (String service : SERVICES) {
            Map<String, String> config = config(objects, service);
            String redirect = setting(config, "quarkus.oidc.authentication.redirect-path");
            String logout = setting(config, "quarkus.oidc.logout.path");
            String cookiePath = setting(config, "quarkus.oidc.authentication.cookie-path");
            for (String own : List.of(redirect, logout)) {
                assertEquals(
                        Optional.of(service),
                        route(pages, own).map(IngressServiceBackend::getName),
                        service + " " + own);
            }
            for (String any : List.of(
                    setting(config, "quarkus.oidc.logout.post-logout-path"),
                    setting(config, "ehelse.pages.signed-in-path"))) {
                assertTrue(route(pages, any).isPresent(), service + " sends the browser to " + any);
            }
            assertTrue(
                    cookiePath.equals("/") || redirect.startsWith(cookiePath + "/"),
                    service + ": redirect path " + redirect + " under the cookie path " + cookiePath);
            assertTrue(redirectPaths.add(redirect), "two services share the redirect path " + redirect);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void noRouteReachesAManagementPortAndEveryHostHasTls(String directory) {
        List<HasMetadata> objects = Kustomization.render(K8S.resolve(directory));
        List<Ingress> ingresses = of(objects, Ingress.class);
        assertEquals(Set.of(PAGES, API), ManifestTest.names(ingresses));
        for (Ingress ingress : ingresses) {
            String name = ingress.getMetadata().getName();
            assertNotNull(ingress.getSpec().getIngressClassName(), name + " names its ingress class");
            assertNull(ingress.getSpec().getDefaultBackend(), name + " has no default backend");
            Set<String> tlsHosts = new TreeSet<>();
            ingress.getSpec().getTls().forEach(tls -> {
                assertNotNull(tls.getSecretName(), name + " TLS secret");
                tlsHosts.addAll(tls.getHosts());
            });
            for (IngressRule rule : ingress.getSpec().getRules()) {
                assertNotNull(rule.getHost(), name + ": a rule for any host");
                assertTrue(tlsHosts.contains(rule.getHost()), name + ": TLS for " + rule.getHost());
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    IngressServiceBackend backend = path.getBackend().getService();
                    String where = name + " " + rule.getHost() + path.getPath();
                    assertNotNull(backend, where + " routes to a Service");
                    ServicePort port = servicePort(objects, backend);
                    assertNotEquals(MANAGEMENT_PORT, port.getPort(), where + " routes to the management port");
                    assertEquals(
                            "http", port.getTargetPort().getStrVal(), where + " routes to the container's http port");
                }
            }
        }
    }

    /** The APIs' paths overlap across services, so each has its own host; the pages host serves no API. */
    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void eachServicesApiHasAHostOfItsOwnAndThePagesHostServesNoApi(String directory) {
        List<HasMetadata> objects = Kustomization.render(K8S.resolve(directory));
        IngressRule pages = onlyRule(ingress(objects, PAGES));
        List<IngressRule> apiHosts = ingress(objects, API).getSpec().getRules();
        for (String service : SERVICES) {
            Set<String> api = apiPaths(service);
            assertFalse(api.isEmpty(), service + " has an API");
            List<String> hosts = apiHosts.stream()
                    .filter(rule -> api.stream().allMatch(p -> route(rule, sample(p))
                            .map(IngressServiceBackend::getName)
                            .equals(Optional.of(service))))
                    .map(IngressRule::getHost)
                    .toList();
            assertEquals(1, hosts.size(), service + "'s API " + api + " on exactly one host: " + hosts);
            for (String p : api) {
                assertEquals(Optional.empty(), route(pages, sample(p)), p + " on the pages host");
            }
        }
    }

    private static void assertNotEquals(int unexpected, Integer actual, String message) {
        assertFalse(actual != null && actual == unexpected, message);
    }

    /**
     * The backend Kubernetes picks for {@code path}: an Exact match first, else the longest Prefix match, where a
     * prefix matches whole path elements ({@code /tall} matches {@code /tall/x}, not {@code /tallx}).
     */
    static Optional<IngressServiceBackend> route(IngressRule rule, String path) {
        List<HTTPIngressPath> paths = rule.getHttp().getPaths();
        Optional<HTTPIngressPath> exact = paths.stream()
                .filter(p -> p.getPathType().equals("Exact") && p.getPath().equals(path))
                .findFirst();
        if (exact.isPresent()) {
            return exact.map(p -> p.getBackend().getService());
        }
        return paths.stream()
                .filter(p -> p.getPathType().equals("Prefix"))
                .filter(p -> {
                    String prefix = p.getPath().endsWith("/")
                            ? p.getPath().substring(0, p.getPath().length() - 1)
                            : p.getPath();
                    return prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
                })
                .max(Comparator.comparingInt(p -> p.getPath().length()))
                .map(p -> p.getBackend().getService());
    }

    /** A concrete path of a template: each parameter becomes one path element. */
    static String sample(String template) {
        return PARAMETER.matcher(template).replaceAll("x");
    }

    /** The paths of the page resources (those rendering a template) in a service's api packages. */
    static Set<String> pagePaths(String service) {
        return resourcePaths(service, source -> source.contains("TemplateInstance"));
    }

    static Set<String> apiPaths(String service) {
        Set<String> paths = resourcePaths(service, source -> !source.contains("TemplateInstance"));
        paths.removeIf(p -> !p.startsWith("/api/"));
        return paths;
    }

    /**
     * A resource class's paths: its own {@code @Path} and that joined with each of its methods' (enough for the first
     * path element, which is all routing looks at, and for a sample path).
     */
    private static Set<String> resourcePaths(String service, java.util.function.Predicate<String> kind) {
        Set<String> paths = new TreeSet<>();
        Path sources = ROOT.resolve(service + "/src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (!sources.relativize(file).toString().contains("/api/")) {
                    continue;
                }
                String source = Files.readString(file);
                Matcher declaration = CLASS.matcher(source);
                if (!kind.test(source) || !declaration.find()) {
                    continue;
                }
                List<String> methodPaths = new ArrayList<>();
                String classPath = null;
                Matcher m = PATH.matcher(source);
                while (m.find()) {
                    if (m.start() < declaration.start()) {
                        classPath = m.group(1);
                    } else {
                        methodPaths.add(m.group(1));
                    }
                }
                if (classPath == null) {
                    continue;
                }
                String root = classPath.startsWith("/") ? classPath : "/" + classPath;
                paths.add(root);
                for (String method : methodPaths) {
                    paths.add((root.endsWith("/") ? root : root + "/") + method.replaceFirst("^/", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return paths;
    }

    /** A setting of a service: its ConfigMap's environment variable, else the platform's default. */
    static String setting(Map<String, String> config, String property) {
        String env = property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
        if (config.containsKey(env)) {
            return config.get(env);
        }
        Properties defaults = new Properties();
        try (Reader in = Files.newBufferedReader(
                ROOT.resolve("deploy/platform/src/main/resources/META-INF/microprofile-config.properties"))) {
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Quarkus's own default for the cookie path.
        return defaults.getProperty(property, property.endsWith("cookie-path") ? "/" : null);
    }

    private static Map<String, String> config(List<HasMetadata> objects, String service) {
        return of(objects, ConfigMap.class).stream()
                .filter(m -> m.getMetadata().getName().equals(service + "-config"))
                .findFirst()
                .orElseThrow()
                .getData();
    }

    private static Ingress ingress(List<HasMetadata> objects, String name) {
        return of(objects, Ingress.class).stream()
                .filter(i -> i.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Ingress " + name));
    }

    private static IngressRule onlyRule(Ingress ingress) {
        assertEquals(1, ingress.getSpec().getRules().size(), "one host for all pages");
        return ingress.getSpec().getRules().get(0);
    }

    private static ServicePort servicePort(List<HasMetadata> objects, IngressServiceBackend backend) {
        Service service = of(objects, Service.class).stream()
                .filter(s -> s.getMetadata().getName().equals(backend.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Service " + backend.getName()));
        String name = backend.getPort().getName();
        Integer number = backend.getPort().getNumber();
        return service.getSpec().getPorts().stream()
                .filter(p -> name != null ? name.equals(p.getName()) : number.equals(p.getPort()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(backend.getName() + " has no port " + backend.getPort()));
    }
}
