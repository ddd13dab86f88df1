package no.ks.ehelse.notification.domain;

import java.time.Duration;

/** POSTs one signed Standard Webhooks call and reports what the endpoint answered. */
public interface WebhookSender {

    /** What the endpoint answered: a status (0 when it could not be reached), and its Retry-After if any. */
    record Answer(int status, Duration retryAfter, String error) {

        public boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    /** {@code webhookId} is the same on every try of one notification, so receivers can drop repeats. */
    Answer post(String url, String secret, String webhookId, String body);
}
