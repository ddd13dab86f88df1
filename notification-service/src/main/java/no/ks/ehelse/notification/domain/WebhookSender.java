package no.ks.ehelse.notification.domain;

/** POSTs one signed Standard Webhooks call and reports what the endpoint answered. */
public interface WebhookSender {

    /**
     * What the endpoint answered: a status (0 when it could not be reached), its {@code Retry-After} header as sent
     * (judged by {@link WebhookRetryPolicy}), and what went wrong, for the log.
     */
    record Answer(int status, String retryAfter, String error) {}

    /** {@code webhookId} is the same on every try of one notification, so receivers can drop repeats. */
    Answer post(String url, String secret, String webhookId, String body);
}
