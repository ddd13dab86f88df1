package no.ks.ehelse.notification.domain;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Which webhook endpoints the service may call. Production requires https and refuses hosts that resolve to
 * loopback, private, link-local, carrier-grade NAT, unique-local or multicast addresses, so a subscriber cannot
 * make the service call into the cluster (SSRF). Checked when subscribing and again before every delivery,
 * since DNS can change in between.
 */
@ApplicationScoped
public class WebhookEndpoints {

    private final boolean requireHttps;
    private final boolean allowPrivate;

    @Inject
    WebhookEndpoints(NotificationConfig config) {
        this(config.webhooks().requireHttps(), config.webhooks().allowPrivateAddresses());
    }

    WebhookEndpoints(boolean requireHttps, boolean allowPrivate) {
        this.requireHttps = requireHttps;
        this.allowPrivate = allowPrivate;
    }

    /** Why the address may not be called, or empty when it may. */
    public Optional<String> refusal(String address) {
        URI uri;
        try {
            uri = new URI(address.strip());
        } catch (java.net.URISyntaxException e) {
            return Optional.of("must be an absolute URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !requireHttps)) {
            return Optional.of(requireHttps ? "must be an absolute https URL" : "must be an absolute http(s) URL");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            return Optional.of("must name a host (and no user info)");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("host '" + uri.getHost() + "' does not resolve");
        }
        for (InetAddress a : addresses) {
            if (internal(a)) {
                return Optional.of("host '" + uri.getHost() + "' resolves to a non-public address");
            }
        }
        return Optional.empty();
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress()
                || a.isAnyLocalAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) || first >= 240;
        }
        return (b[0] & 0xfe) == 0xfc; // IPv6 unique local fc00::/7
    }
}
