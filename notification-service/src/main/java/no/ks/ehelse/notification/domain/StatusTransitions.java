package no.ks.ehelse.notification.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Moves a notification's status after a try: SENT, RETRYING (when {@link WebhookRetryPolicy} says), FAILED when it
 * cannot succeed or has tried for too long, SKIPPED when its reason no longer holds. Every move is written to the
 * delivery log.
 */
@ApplicationScoped
public class StatusTransitions {

    private static final Logger LOG = Logger.getLogger(StatusTransitions.class);

    private final Clock clock;
    private final WebhookRetryPolicy policy;
    private final DeliveryLog log;

    StatusTransitions(Clock clock, WebhookRetryPolicy policy, DeliveryLog log) {
        this.clock = clock;
        this.policy = policy;
        this.log = log;
    }

    public void sent(Notification n, Integer httpStatus) {
        n.status = NotificationStatus.SENT;
        n.sentAt = OffsetDateTime.now(clock);
        n.nextAttemptAt = null;
        n.lastError = null;
        log.record(n, n.sentAt, "SENT", httpStatus, null);
    }

    public void skipped(Notification n, String reason) {
        n.status = NotificationStatus.SKIPPED;
        n.lastError = reason;
        n.nextAttemptAt = null;
        log.record(n, OffsetDateTime.now(clock), "SKIPPED", null, reason);
    }

    public void failed(Notification n, String error, Integer httpStatus) {
        n.status = NotificationStatus.FAILED;
        n.lastError = error;
        n.nextAttemptAt = null;
        LOG.warnf("Notification %s (%s, %s) failed for good: %s", n.id, n.kind, n.channel, error);
        log.record(n, OffsetDateTime.now(clock), "FAILED", httpStatus, error);
    }

    /** Schedules another try after {@code retryAfter} (null: the backoff), or gives up when the policy says so. */
    public void retry(Notification n, String error, Duration retryAfter, Integer httpStatus) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<OffsetDateTime> next = policy.nextAttempt(n.createdAt, now, n.attempts, retryAfter);
        if (next.isEmpty()) {
            failed(n, error + " (gave up after " + n.attempts + " attempts)", httpStatus);
            return;
        }
        n.status = NotificationStatus.RETRYING;
        n.lastError = error;
        n.nextAttemptAt = next.get();
        LOG.infof(
                "Notification %s (%s, %s) attempt %d failed, next at %s: %s",
                n.id, n.kind, n.channel, n.attempts, n.nextAttemptAt, error);
        log.record(n, now, "RETRY", httpStatus, error);
    }
}
