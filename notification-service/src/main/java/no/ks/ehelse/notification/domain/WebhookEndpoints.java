package no.ks.ehelse.notification.domain;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Which webhook endpoints the service may call (the SSRF guard). Production requires https, a port from
 * {@code allowed-ports} (443), and a host whose every address is public: loopback, private, link-local,
 * carrier-grade NAT, benchmarking, IETF protocol assignments, multicast, reserved, unique-local IPv6, and IPv4
 * hidden in NAT64, 6to4, Teredo, IPv4-compatible or IPv4-mapped IPv6 addresses are refused, so a subscriber
 * cannot make the service call into the cluster. Checked when subscribing and again before every delivery; a
 * delivery resolves the host once, here, and connects to exactly the address that was checked ({@link Target}),
 * so a DNS answer that changes in between (rebinding) cannot lead the call elsewhere.
 */
@ApplicationScoped
public class WebhookEndpoints {

    /** Name resolution, a seam so tests can give a different answer on every lookup, as a rebinding DNS would. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A checked endpoint: the URL as subscribed (its host goes in the Host header and TLS) and where to connect. */
    public record Target(URI uri, InetAddress address, int port) {
        public boolean https() {
            return "https".equalsIgnoreCase(uri.getScheme());
        }

        /** The host as written in the URL, without IPv6 brackets. */
        public String host() {
            String host = uri.getHost();
            return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        }
    }

    /** Either a target to connect to or why the endpoint may not be called. */
    public record Checked(Target target, String refusal) {}

    /** Written in the allowed-ports list: any port (tests and the local run, whose receivers take a free port). */
    static final String ANY_PORT = "*";

    private record Range(long network, int prefix) {
        static Range of(String cidr) {
            String[] parts = cidr.split("/");
            long value = 0;
            for (String octet : parts[0].split("\\.")) {
                value = (value << 8) | Integer.parseInt(octet);
            }
            return new Range(value, Integer.parseInt(parts[1]));
        }

        boolean contains(long address) {
            return prefix == 0 || (address >>> (32 - prefix)) == (network >>> (32 - prefix));
        }
    }

    /** IPv4 ranges that are not the public internet (IANA special-purpose registry). */
    private static final List<Range> NON_PUBLIC_V4 = List.of(
            Range.of("0.0.0.0/8"), // "this network"
            Range.of("10.0.0.0/8"), // private
            Range.of("100.64.0.0/10"), // carrier-grade NAT
            Range.of("127.0.0.0/8"), // loopback
            Range.of("169.254.0.0/16"), // link-local, cloud metadata
            Range.of("172.16.0.0/12"), // private
            Range.of("192.0.0.0/24"), // IETF protocol assignments
            Range.of("192.168.0.0/16"), // private
            Range.of("198.18.0.0/15"), // benchmarking
            Range.of("224.0.0.0/4"), // multicast
            Range.of("240.0.0.0/4")); // reserved, and the broadcast address 255.255.255.255

    private final boolean requireHttps;
    private final boolean allowPrivate;
    private final Set<Integer> allowedPorts;
    private final boolean anyPort;
    private final Resolver resolver;

    @Inject
    WebhookEndpoints(NotificationConfig config) {
        this(
                config.webhooks().requireHttps(),
                config.webhooks().allowPrivateAddresses(),
                config.webhooks().allowedPorts(),
                InetAddress::getAllByName);
    }

    /** The guard with its settings given directly, and the resolver it looks names up with. */
    public WebhookEndpoints(boolean requireHttps, boolean allowPrivate, List<String> allowedPorts, Resolver resolver) {
        this.requireHttps = requireHttps;
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
        this.anyPort = allowedPorts.stream().anyMatch(p -> p.strip().equals(ANY_PORT));
        Set<Integer> ports = new LinkedHashSet<>();
        for (String p : allowedPorts) {
            if (p.strip().equals(ANY_PORT)) {
                continue;
            }
            try {
                int port = Integer.parseInt(p.strip());
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                ports.add(port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ehelse.notifications.webhooks.allowed-ports: '" + p
                        + "' is neither a port (1-65535) nor " + ANY_PORT);
            }
        }
        this.allowedPorts = Set.copyOf(ports);
    }

    /**
     * Why the address may not be subscribed, or empty when it may. With private addresses allowed (tests, local
     * run) the host is not resolved here, so a subscription may name a host that only resolves later.
     */
    public Optional<String> refusal(String address) {
        return Optional.ofNullable(judge(address, !allowPrivate).refusal());
    }

    /** For one delivery: resolves the host once and returns the checked address to connect to, or why not. */
    public Checked check(String address) {
        return judge(address, true);
    }

    private Checked judge(String address, boolean resolve) {
        URI uri;
        try {
            uri = new URI(address.strip());
        } catch (URISyntaxException e) {
            return refused("must be an absolute URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !requireHttps)) {
            return refused(requireHttps ? "must be an absolute https URL" : "must be an absolute http(s) URL");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            return refused("must name a host (and no user info)");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        if (!anyPort && !allowedPorts.contains(port)) {
            return refused("port " + port + " is not allowed (allowed: "
                    + allowedPorts.stream().sorted().map(String::valueOf).toList() + ")");
        }
        if (!resolve) {
            return new Checked(null, null);
        }
        String host = uri.getHost();
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            return refused("host '" + host + "' does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            return refused("host '" + host + "' does not resolve");
        }
        if (!allowPrivate && Arrays.stream(addresses).anyMatch(WebhookEndpoints::internal)) {
            return refused("host '" + host + "' resolves to a non-public address");
        }
        return new Checked(new Target(uri, addresses[0], port), null);
    }

    private static Checked refused(String reason) {
        return new Checked(null, reason);
    }

    /** Whether the address is anything but the public internet; IPv4 inside IPv6 is judged as that IPv4. */
    static boolean internal(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length == 4) {
            return internalV4(b, 0);
        }
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return internalV4(b, 12); // IPv4-mapped ::ffff:0:0/96
        }
        if (allZero(b, 0, 12)) {
            return internalV4(b, 12); // IPv4-compatible ::/96, which includes :: and ::1
        }
        int first16 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int second16 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if (first16 == 0x0064 && second16 == 0xff9b) {
            if (allZero(b, 4, 12)) {
                return internalV4(b, 12); // NAT64 well-known prefix 64:ff9b::/96
            }
            return true; // 64:ff9b:1::/48, NAT64 for local use
        }
        if (first16 == 0x2002) {
            return internalV4(b, 2); // 6to4 2002::/16 carries the IPv4 address in bits 16-47
        }
        if (first16 == 0x2001 && second16 == 0x0000) {
            return true; // Teredo 2001::/32: the client address is obfuscated; no webhook lives there
        }
        return (b[0] & 0xfe) == 0xfc // unique local fc00::/7
                || ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) // link-local fe80::/10
                || ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) // site-local fec0::/10 (deprecated)
                || (b[0] & 0xff) == 0xff; // multicast ff00::/8
    }

    private static boolean internalV4(byte[] b, int offset) {
        long value = ((long) (b[offset] & 0xff) << 24)
                | ((b[offset + 1] & 0xff) << 16)
                | ((b[offset + 2] & 0xff) << 8)
                | (b[offset + 3] & 0xff);
        return NON_PUBLIC_V4.stream().anyMatch(r -> r.contains(value));
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
