package no.ks.ehelse.notification.infra;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.ks.ehelse.notification.domain.NotificationConfig;
import no.ks.ehelse.notification.domain.WebhookEndpoints.Target;
import no.ks.ehelse.notification.domain.WebhookSender;

/**
 * POSTs a signed Standard Webhooks message over HTTP/1.1 to exactly the address the SSRF guard checked: the
 * socket is opened to {@code target.address()} (no name resolution here, so a rebinding DNS answer cannot send
 * the call elsewhere), while the URL's host is the Host header, the TLS server name (SNI) and the name the
 * certificate is verified against. A JDK HTTP client cannot be told which address to connect to, hence the
 * small client of its own: one request, {@code connection: close}, the status line and headers read, the body
 * ignored. Redirects are not followed (a redirect could lead past the guard). Neither the secret nor the
 * signature is ever logged.
 */
@ApplicationScoped
public class HttpWebhookSender implements WebhookSender {

    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 100;
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] ([1-5][0-9]{2})( .*)?");
    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+");

    private final Duration timeout;
    private final Clock clock;
    private final SSLSocketFactory tls;

    @Inject
    HttpWebhookSender(NotificationConfig config, Clock clock) {
        this(config.webhooks().timeout(), clock, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    HttpWebhookSender(Duration timeout, Clock clock, SSLSocketFactory tls) {
        this.timeout = timeout;
        this.clock = clock;
        this.tls = tls;
    }

    @Override
    public Answer post(Target target, java.util.List<String> secrets, String webhookId, String body) {
        long timestamp = clock.instant().getEpochSecond();
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + requestTarget(target) + " HTTP/1.1\r\n"
                + "host: " + hostHeader(target) + "\r\n"
                + "content-type: application/json\r\n"
                + "user-agent: ks-ehelse-notification/1.0\r\n"
                + "webhook-id: " + webhookId + "\r\n"
                + "webhook-timestamp: " + timestamp + "\r\n"
                + "webhook-signature: "
                + String.join(
                        " ",
                        secrets.stream()
                                .map(secret -> WebhookSignature.sign(secret, webhookId, timestamp, body))
                                .toList())
                + "\r\n"
                + "content-length: " + payload.length + "\r\n"
                + "connection: close\r\n\r\n";
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket socket = open(target, deadline)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(payload);
            out.flush();
            return answer(socket, new BufferedInputStream(socket.getInputStream()), deadline);
        } catch (SocketTimeoutException e) {
            return unreachable(target, "no answer within " + timeout);
        } catch (IOException e) {
            return unreachable(
                    target, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    private Socket open(Target target, long deadline) throws IOException {
        Socket raw = new Socket();
        try {
            raw.connect(new InetSocketAddress(target.address(), target.port()), remaining(deadline));
            raw.setSoTimeout(remaining(deadline));
            if (!target.https()) {
                return raw;
            }
            SSLSocket socket = (SSLSocket) tls.createSocket(raw, target.host(), target.port(), true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!ipLiteral(target.host())) {
                parameters.setServerNames(List.of(new SNIHostName(target.host())));
            }
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return socket;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static Answer answer(Socket socket, InputStream in, long deadline) throws IOException {
        while (true) {
            String statusLine = line(socket, in, deadline);
            var status = STATUS_LINE.matcher(statusLine);
            if (!status.matches()) {
                return new Answer(0, null, "endpoint answered something other than HTTP/1.1");
            }
            int code = Integer.parseInt(status.group(1));
            String retryAfter = null;
            for (int i = 0; ; i++) {
                String header = line(socket, in, deadline);
                if (header.isEmpty()) {
                    break;
                }
                if (i == MAX_HEADERS) {
                    return new Answer(0, null, "endpoint answered with more than " + MAX_HEADERS + " headers");
                }
                int colon = header.indexOf(':');
                if (colon > 0
                        && header.substring(0, colon)
                                .strip()
                                .toLowerCase(Locale.ROOT)
                                .equals("retry-after")) {
                    retryAfter = header.substring(colon + 1).strip();
                }
            }
            if (code >= 200) {
                return new Answer(code, retryAfter, code / 100 == 2 ? null : "endpoint answered " + code);
            }
            // 1xx is interim (e.g. 100 Continue): the final answer follows.
        }
    }

    /** One CRLF-terminated line of the answer's head, read within the call's deadline. */
    private static String line(Socket socket, InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (true) {
            socket.setSoTimeout(remaining(deadline));
            int b = in.read();
            if (b == -1) {
                throw new IOException("connection closed before the answer was complete");
            }
            if (b == '\n') {
                String text = bytes.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            if (bytes.size() == MAX_LINE) {
                throw new IOException("answer line longer than " + MAX_LINE + " bytes");
            }
            bytes.write(b);
        }
    }

    private static int remaining(long deadline) throws SocketTimeoutException {
        long millis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        if (millis <= 0) {
            throw new SocketTimeoutException();
        }
        return (int) Math.min(millis, Integer.MAX_VALUE);
    }

    private static String requestTarget(Target target) {
        String path = target.uri().getRawPath();
        String query = target.uri().getRawQuery();
        return (path == null || path.isEmpty() ? "/" : path) + (query == null ? "" : "?" + query);
    }

    private static String hostHeader(Target target) {
        String host = target.uri().getHost(); // IPv6 literals keep their brackets, as Host needs
        int defaultPort = target.https() ? 443 : 80;
        return target.port() == defaultPort ? host : host + ":" + target.port();
    }

    private static boolean ipLiteral(String host) {
        return host.contains(":") || IPV4_LITERAL.matcher(host).matches();
    }

    private static Answer unreachable(Target target, String why) {
        return new Answer(
                0,
                null,
                "endpoint not reachable at " + target.address().getHostAddress() + ":" + target.port() + ": " + why);
    }
}
