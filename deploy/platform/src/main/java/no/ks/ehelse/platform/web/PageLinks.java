package no.ks.ehelse.platform.web;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.ConfigProvider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Addresses of pages that another service owns. In production one host routes each page prefix to its service,
 * so the base URL is empty and links are relative; locally every service has its own port, so
 * {@code ehelse.pages.base-url.<service>} is e.g. {@code http://localhost:8082}. Templates use it as
 * {@code {inject:pageLinks.base('registry')}/kontakter/...}.
 */
@ApplicationScoped
@Named("pageLinks")
public class PageLinks {

    /** The services that serve pages, by the short name their config key uses. */
    public static final Set<String> SERVICES = Set.of("registry", "enrollment", "adoption-stats", "notification");

    // Read once per service: every mail and page asks for links, and a config lookup costs more than the rendering.
    private final Map<String, String> bases = new ConcurrentHashMap<>();

    /** The base URL of {@code service}'s pages without a trailing slash; empty for the same host. */
    public String base(String service) {
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException("No pages are served by a service called " + service);
        }
        return bases.computeIfAbsent(service, PageLinks::configured);
    }

    private static String configured(String service) {
        String base = ConfigProvider.getConfig()
                .getOptionalValue("ehelse.pages.base-url." + service, String.class)
                .orElse("")
                .strip();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /**
     * This service's sign-in path (its OIDC redirect path): a link there starts the code flow and ends signed in. Per
     * service, since on the production host each service signs in under its own page prefix.
     */
    public String signIn() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.authentication.redirect-path", String.class);
    }

    /** This service's sign-out path (RP-initiated logout at the IdP, then the post-logout page). */
    public String signOut() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.logout.path", String.class);
    }

    /** The address of {@code path} (starting with "/") on {@code service}. */
    public String url(String service, String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("A page path starts with '/': " + path);
        }
        return base(service) + path;
    }
}
