package no.ks.ehelse.notification.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.ThreadLocalRandom;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The delivery state machine of one message: SENT, RETRYING with exponential backoff and jitter (or the
 * endpoint's Retry-After), FAILED when it cannot succeed or has tried for longer than the configured limit,
 * SKIPPED when its reason no longer holds. Every try is written to the delivery log.
 */
@ApplicationScoped
public class StatusTransitions {

    private static final Logger LOG = Logger.getLogger(StatusTransitions.class);

    private final Clock clock;
    private final NotificationConfig.Delivery config;
    private final MeterRegistry metrics;

    StatusTransitions(Clock clock, NotificationConfig config, MeterRegistry metrics) {
        this.clock = clock;
        this.config = config.delivery();
        this.metrics = metrics;
    }

    /** Why a planned message should no longer go out, checked just before sending; null to send. */
    public String skipReason(Notification n) {
        if (n.kind == MessageKind.DEADLINE_APPROACHING && n.kommunenummer != null
                && EnrollmentProjection.enrolled(n.trackId, n.kommunenummer)) {
            return "municipality " + n.kommunenummer + " enrolled after the reminder was planned";
        }
        return null;
    }

    public void sent(Notification n, Integer httpStatus) {
        n.status = NotificationStatus.SENT;
        n.sentAt = OffsetDateTime.now(clock);
        n.nextAttemptAt = null;
        n.lastError = null;
        log(n, "SENT", httpStatus, null);
    }

    public void skipped(Notification n, String reason) {
        n.status = NotificationStatus.SKIPPED;
        n.lastError = reason;
        n.nextAttemptAt = null;
        log(n, "SKIPPED", null, reason);
    }

    public void failed(Notification n, String error, Integer httpStatus) {
        n.status = NotificationStatus.FAILED;
        n.lastError = error;
        n.nextAttemptAt = null;
        LOG.warnf("Message %s (%s, %s) failed for good: %s", n.id, n.kind, n.channel, error);
        log(n, "FAILED", httpStatus, error);
    }

    /** Schedules another try, or gives up once the next one would be later than the configured limit. */
    public void retry(Notification n, String error, Duration retryAfter, Integer httpStatus) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime next = now.plus(retryAfter != null ? retryAfter : backoff(n.attempts));
        if (next.isAfter(n.createdAt.plus(config.giveUpAfter()))) {
            failed(n, error + " (gave up after " + n.attempts + " attempts)", httpStatus);
            return;
        }
        n.status = NotificationStatus.RETRYING;
        n.lastError = error;
        n.nextAttemptAt = next;
        LOG.infof("Message %s (%s, %s) attempt %d failed, next at %s: %s", n.id, n.kind, n.channel, n.attempts,
                next, error);
        log(n, "RETRY", httpStatus, error);
    }

    /** initial × 2^(attempts-1), capped, then a random point in its upper half so retries do not march in step. */
    Duration backoff(int attempts) {
        long initial = config.initialBackoff().toMillis();
        long capped = Math.min(config.maxBackoff().toMillis(),
                initial * (1L << Math.min(Math.max(attempts - 1, 0), 20)));
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private void log(Notification n, String outcome, Integer httpStatus, String error) {
        DeliveryAttempt a = new DeliveryAttempt();
        a.notificationId = n.id;
        a.attemptedAt = OffsetDateTime.now(clock);
        a.outcome = outcome;
        a.httpStatus = httpStatus;
        a.error = error;
        a.persist();
        metrics.counter("ehelse.notifications.attempts", "channel", n.channel.name(), "outcome", outcome)
                .increment();
    }
}
