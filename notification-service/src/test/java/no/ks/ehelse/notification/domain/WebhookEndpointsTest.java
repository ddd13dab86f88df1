package no.ks.ehelse.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF guard with production settings, and the relaxed settings of tests and the local run. Names resolve
 * through a fixed table (no DNS in a unit test); address literals resolve as themselves.
 */
class WebhookEndpointsTest {

    private static final Map<String, List<String>> DNS = Map.of(
            "localhost", List.of("127.0.0.1"),
            "hook.example.test", List.of("93.184.215.14"),
            "mixed.example.test", List.of("93.184.215.14", "10.0.0.7"),
            "metadata.example.test", List.of("64:ff9b::a9fe:a9fe"));

    private static final WebhookEndpoints.Resolver TABLE = host -> {
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return InetAddress.getAllByName(host);
        }
        List<String> answer = DNS.get(host);
        if (answer == null) {
            throw new UnknownHostException(host);
        }
        List<InetAddress> addresses = new ArrayList<>();
        for (String a : answer) {
            addresses.add(InetAddress.getByName(a));
        }
        return addresses.toArray(InetAddress[]::new);
    };

    private static final WebhookEndpoints PRODUCTION = new WebhookEndpoints(true, false, List.of("443"), TABLE);
    private static final WebhookEndpoints TESTS = new WebhookEndpoints(false, true, List.of("*"), TABLE);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0.0.0.0", // this network 0/8
                "0.255.255.255",
                "10.1.2.3", // private 10/8
                "100.64.0.1", // carrier-grade NAT 100.64/10
                "100.127.255.254",
                "127.0.0.1", // loopback 127/8
                "127.255.255.254",
                "169.254.169.254", // link-local, cloud metadata
                "172.16.5.5", // private 172.16/12
                "172.31.255.255",
                "192.0.0.1", // IETF protocol assignments 192.0.0/24
                "192.0.0.255",
                "192.168.0.10", // private 192.168/16
                "198.18.0.1", // benchmarking 198.18/15
                "198.19.255.255",
                "224.0.0.1", // multicast 224/4
                "239.255.255.255",
                "240.0.0.1", // reserved 240/4
                "255.255.255.255" // broadcast
            })
    void productionRefusesEveryNonPublicIpv4Range(String address) {
        assertRefused("https://" + address + "/hook", "non-public");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "::", // unspecified ::/128
                "::1", // loopback
                "::a9fe:a9fe", // IPv4-compatible 169.254.169.254
                "::ffff:169.254.169.254", // IPv4-mapped
                "::ffff:10.0.0.1",
                "64:ff9b::a9fe:a9fe", // NAT64 of 169.254.169.254
                "64:ff9b::7f00:1", // NAT64 of 127.0.0.1
                "64:ff9b::c612:1", // NAT64 of 198.18.0.1
                "64:ff9b:1::5db8:d70e", // NAT64 for local use 64:ff9b:1::/48, whatever it embeds
                "2002:a9fe:a9fe::", // 6to4 of 169.254.169.254
                "2002:c000:0001::1", // 6to4 of 192.0.0.1
                "2002:0a00:0001::1", // 6to4 of 10.0.0.1
                "2001:0:4136:e378:8000:63bf:3fff:fdd2", // Teredo
                "fc00::1", // unique local fc00::/7
                "fd12:3456::1",
                "fe80::1", // link-local fe80::/10
                "febf:ffff::1",
                "fec0::1", // site-local (deprecated)
                "ff02::1" // multicast
            })
    void productionRefusesEveryNonPublicIpv6RangeAndIpv4HiddenInIpv6(String address) {
        assertRefused("https://[" + address + "]/hook", "non-public");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "93.184.215.14",
                "100.63.255.255", // just below carrier-grade NAT
                "100.128.0.0", // just above
                "172.15.255.255",
                "172.32.0.0",
                "192.0.1.1",
                "198.17.255.255",
                "198.20.0.0",
                "223.255.255.255",
                "[2606:2800:21f:cb07:6820:80da:af6b:8b2c]",
                "[64:ff9b::5db8:d70e]", // NAT64 of a public address
                "[2002:5db8:d70e::1]", // 6to4 of a public address
                "[::ffff:93.184.215.14]"
            })
    void productionAcceptsPublicAddressesRightNextToTheRefusedRanges(String host) {
        assertNull(PRODUCTION.refusal("https://" + host + "/hook").orElse(null), host);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://localhost/hook",
                "https://mixed.example.test/hook", // one public, one private answer
                "https://metadata.example.test/hook" // a name whose AAAA is NAT64 of the metadata address
            })
    void productionRefusesANameWithAnyNonPublicAddress(String url) {
        assertRefused(url, "non-public");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://93.184.215.14/hook",
                "https://user:pw@93.184.215.14/hook",
                "https://no-such-host.invalid/hook",
                "not a url"
            })
    void productionRefusesPlainHttpUserInfoAndUnresolvableHosts(String url) {
        assertTrue(PRODUCTION.refusal(url).isPresent(), url);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://hook.example.test:8443/hook",
                "https://93.184.215.14:80/hook",
                "https://93.184.215.14:22/"
            })
    void productionAllowsOnlyPort443(String url) {
        assertRefused(url, "port");
    }

    @Test
    void productionAcceptsAPublicHttpsAddressOnPort443() {
        assertTrue(PRODUCTION.refusal("https://93.184.215.14/hook").isEmpty());
        assertTrue(PRODUCTION.refusal("https://hook.example.test:443/hook").isEmpty());
    }

    @Test
    void theAllowedPortsAreConfigurable() {
        WebhookEndpoints ports = new WebhookEndpoints(true, false, List.of("443", "8443"), TABLE);
        assertTrue(ports.refusal("https://hook.example.test:8443/hook").isEmpty());
        assertTrue(ports.refusal("https://hook.example.test:9443/hook").isPresent());
        IllegalArgumentException bad = assertThrows(
                IllegalArgumentException.class,
                () -> new WebhookEndpoints(true, false, List.of("443", "https"), TABLE));
        assertTrue(bad.getMessage().contains("allowed-ports"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WebhookEndpoints(true, false, List.of("70000"), TABLE));
    }

    @Test
    void aDeliveryCheckResolvesOnceAndNamesTheAddressToConnectTo() {
        List<String> lookups = new ArrayList<>();
        WebhookEndpoints guard = new WebhookEndpoints(true, false, List.of("443"), host -> {
            lookups.add(host);
            return TABLE.resolve(host);
        });
        WebhookEndpoints.Checked checked = guard.check("https://hook.example.test/hook?x=1");
        assertNull(checked.refusal());
        assertEquals("93.184.215.14", checked.target().address().getHostAddress());
        assertEquals(443, checked.target().port());
        assertEquals("hook.example.test", checked.target().host());
        assertEquals(List.of("hook.example.test"), lookups);
    }

    @Test
    void testSettingsAllowALocalHttpReceiverOnAnyPort() {
        assertTrue(TESTS.refusal("http://127.0.0.1:8089/hook").isEmpty());
        assertTrue(TESTS.refusal("http://localhost:8089/hook").isEmpty());
        assertEquals(
                "127.0.0.1",
                TESTS.check("http://localhost:8089/hook").target().address().getHostAddress());
        assertTrue(TESTS.refusal("ftp://127.0.0.1/hook").isPresent());
    }

    private static void assertRefused(String url, String because) {
        String refusal = PRODUCTION.refusal(url).orElse(null);
        assertTrue(refusal != null && refusal.contains(because), url + " → " + refusal);
        assertTrue(PRODUCTION.check(url).refusal() != null, url + " at delivery");
    }
}
