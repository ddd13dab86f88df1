package no.ks.ehelse.notification.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.notification.domain.NotificationConfig;
import no.ks.ehelse.notification.domain.WebhookSender;

/**
 * POSTs a signed Standard Webhooks message. Redirects are not followed (a redirect could lead past the SSRF
 * guard). Neither the secret nor the signature is ever logged.
 */
@ApplicationScoped
public class HttpWebhookSender implements WebhookSender {

    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;

    HttpWebhookSender(NotificationConfig config, Clock clock) {
        this.timeout = config.webhooks().timeout();
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Answer post(String url, String secret, String webhookId, String body) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("content-type", "application/json")
                .header("user-agent", "ks-ehelse-notification/1.0")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(secret, webhookId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("retry-after").orElse(null),
                    response.statusCode() / 100 == 2 ? null : "endpoint answered " + response.statusCode());
        } catch (IOException e) {
            return new Answer(
                    0,
                    null,
                    "endpoint not reachable: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, "interrupted");
        }
    }
}
