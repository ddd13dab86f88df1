package no.ks.ehelse.notification.domain;

/** POSTs one signed Standard Webhooks call and reports what the endpoint answered. */
public interface WebhookSender {

    /**
     * What the endpoint answered: a status (0 when it could not be reached), its {@code Retry-After} header as sent
     * (judged by {@link WebhookRetryPolicy}), and what went wrong, for the log.
     */
    record Answer(int status, String retryAfter, String error) {}

    /**
     * Connects to {@code target.address()} (the address the SSRF guard checked, never a fresh DNS answer) and sends
     * the URL's host as Host and, for https, as TLS server name and for certificate verification. {@code webhookId}
     * is the same on every try of one notification, so receivers can drop repeats. Signed with each of
     * {@code secrets} (Standard Webhooks: {@code webhook-signature: v1,<a> v1,<b>}), for the overlap of a secret
     * rotation.
     */
    Answer post(WebhookEndpoints.Target target, java.util.List<String> secrets, String webhookId, String body);

    /** Signed with one secret (no rotation in progress). */
    default Answer post(WebhookEndpoints.Target target, String secret, String webhookId, String body) {
        return post(target, java.util.List.of(secret), webhookId, body);
    }
}
