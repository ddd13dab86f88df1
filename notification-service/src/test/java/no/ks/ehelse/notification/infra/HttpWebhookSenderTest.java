package no.ks.ehelse.notification.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import no.ks.ehelse.localstack.WebhookReceiver;
import no.ks.ehelse.notification.domain.WebhookEndpoints;
import no.ks.ehelse.notification.domain.WebhookSender;

/**
 * The real sender against local servers: it connects to the address the guard checked, never to a later DNS
 * answer, and keeps the URL's host for the Host header and for TLS (SNI and certificate verification).
 */
class HttpWebhookSenderTest {

    private static final String SECRET =
            "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
    private static final String BODY = "{\"type\":\"no.ks.ehelse.enrollment.enrolled.v1\"}";

    record Seen(String host, String id, String timestamp, String signature, String body) {}

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Answers a public address on the first lookup, the test's local server on every later one (DNS rebinding). */
    private static final class Rebinding implements WebhookEndpoints.Resolver {
        final AtomicInteger lookups = new AtomicInteger();
        final String first;
        final String later;

        Rebinding(String first, String later) {
            this.first = first;
            this.later = later;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return new InetAddress[] {InetAddress.getByName(lookups.getAndIncrement() == 0 ? first : later)};
        }
    }

    @Test
    void aDnsAnswerThatChangesAfterTheCheckDoesNotLeadTheCallToThePrivateAddress() throws IOException {
        int port = startHttp();
        // Production's guard (public addresses only); plain http and any port only to reach the local server.
        // 192.0.2.10 (TEST-NET-1) passes the guard as public but is never routed, so nothing answers there.
        Rebinding dns = new Rebinding("192.0.2.10", "127.0.0.1");
        WebhookEndpoints guard = guard(false, dns);
        WebhookEndpoints.Checked checked = guard.check("http://rebind.example.test:" + port + "/hook");
        assertNull(checked.refusal());

        WebhookSender.Answer answer = sender(Duration.ofSeconds(1), SSLSocketFactory.getDefault())
                .post(checked.target(), SECRET, "msg_1", BODY);

        assertEquals(0, answer.status(), answer.toString());
        assertTrue(answer.error().contains("192.0.2.10:" + port), answer.error());
        assertEquals(List.of(), seen, "the private address the DNS answered later was never called");
        assertEquals(1, dns.lookups.get(), "resolved once: for the check, which is where the call goes");
    }

    @Test
    void theCallGoesToTheCheckedAddressWithTheUrlsHostAsHostAndASignatureThatVerifies() throws IOException {
        int port = startHttp();
        Rebinding dns = new Rebinding("127.0.0.1", "192.0.2.10");
        WebhookEndpoints.Checked checked = guard(true, dns).check("http://hook.example.test:" + port + "/hook?k=1");

        WebhookSender.Answer answer = sender(Duration.ofSeconds(5), SSLSocketFactory.getDefault())
                .post(checked.target(), SECRET, "msg_2", BODY);

        assertEquals(204, answer.status(), answer.toString());
        assertEquals(1, seen.size());
        Seen call = seen.get(0);
        assertEquals("hook.example.test:" + port, call.host());
        assertEquals(BODY, call.body());
        assertTrue(WebhookReceiver.verify(SECRET, call.id(), call.timestamp(), call.signature(), call.body()));
        assertEquals(1, dns.lookups.get());
    }

    @Test
    void anAnswerOtherThan2xxIsReportedWithItsRetryAfter() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Retry-After", "7");
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        WebhookEndpoints.Checked checked = guard(true, new Rebinding("127.0.0.1", "127.0.0.1"))
                .check("http://hook.example.test:" + server.getAddress().getPort() + "/");
        WebhookSender.Answer answer = sender(Duration.ofSeconds(5), SSLSocketFactory.getDefault())
                .post(checked.target(), SECRET, "msg_3", BODY);
        assertEquals(new WebhookSender.Answer(503, "7", "endpoint answered 503"), answer);
    }

    @Test
    void overTlsTheCertificateIsVerifiedAgainstTheUrlsHostNotTheAddressConnectedTo(@TempDir Path dir) throws Exception {
        // A certificate for hook.example.test only (no IP in it): it verifies only if the sender checks the
        // URL's host while connected to 127.0.0.1.
        Path keystore = dir.resolve("hook.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-alias",
                        "hook",
                        "-dname",
                        "CN=hook.example.test",
                        "-ext",
                        "SAN=dns:hook.example.test",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        "test-only",
                        "-keypass",
                        "test-only")
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, output);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, "test-only".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "test-only".toCharArray());
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("hook", keys.getCertificate("hook"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), null);

        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        record(https);
        server = https;
        int port = https.getAddress().getPort();
        HttpWebhookSender sender = sender(Duration.ofSeconds(5), clientTls.getSocketFactory());

        WebhookEndpoints.Checked good =
                guard(true, new Rebinding("127.0.0.1", "192.0.2.10")).check("https://hook.example.test:" + port + "/h");
        WebhookSender.Answer answer = sender.post(good.target(), SECRET, "msg_4", BODY);
        assertEquals(204, answer.status(), answer.toString());
        assertEquals("hook.example.test:" + port, seen.get(0).host());

        WebhookEndpoints.Checked other =
                guard(true, new Rebinding("127.0.0.1", "127.0.0.1")).check("https://other.example.test:" + port + "/h");
        WebhookSender.Answer refused = sender.post(other.target(), SECRET, "msg_5", BODY);
        assertEquals(0, refused.status(), refused.toString());
        assertTrue(refused.error().contains("SSLHandshakeException"), refused.error());
        assertEquals(1, seen.size(), "a certificate for another name: nothing sent");
    }

    private int startHttp() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        record(server);
        return server.getAddress().getPort();
    }

    private void record(HttpServer s) {
        s.createContext("/", exchange -> {
            var h = exchange.getRequestHeaders();
            seen.add(new Seen(
                    h.getFirst("host"),
                    h.getFirst("webhook-id"),
                    h.getFirst("webhook-timestamp"),
                    h.getFirst("webhook-signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        s.start();
    }

    private static WebhookEndpoints guard(boolean allowPrivate, WebhookEndpoints.Resolver dns) {
        return new WebhookEndpoints(false, allowPrivate, List.of("*"), dns);
    }

    private static HttpWebhookSender sender(Duration timeout, javax.net.SocketFactory tls) {
        return new HttpWebhookSender(timeout, Clock.systemUTC(), (SSLSocketFactory) tls);
    }
}
