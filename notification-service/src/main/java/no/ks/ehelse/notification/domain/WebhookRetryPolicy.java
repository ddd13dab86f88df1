package no.ks.ehelse.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What a webhook endpoint's answer means, and when a failed try of any notification is tried again: any 2xx is
 * delivered, 410 Gone disables the subscription, 429 and 503 are retried when the endpoint's {@code Retry-After}
 * says (delay-seconds or an HTTP date), anything else (and no answer at all) after an exponential backoff with
 * jitter. A notification not delivered {@code give-up-after} after it was planned is given up.
 */
@ApplicationScoped
public class WebhookRetryPolicy {

    /** What to do with a notification after the endpoint answered. */
    public enum Verdict {
        DELIVERED,
        DISABLE,
        RETRY
    }

    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration giveUpAfter;

    @Inject
    WebhookRetryPolicy(NotificationConfig config) {
        this(
                config.delivery().initialBackoff(),
                config.delivery().maxBackoff(),
                config.delivery().giveUpAfter());
    }

    WebhookRetryPolicy(Duration initialBackoff, Duration maxBackoff, Duration giveUpAfter) {
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.giveUpAfter = giveUpAfter;
    }

    /** The verdict on an HTTP status; 0 means the endpoint could not be reached. */
    public Verdict verdict(int status) {
        if (status >= 200 && status < 300) {
            return Verdict.DELIVERED;
        }
        return status == 410 ? Verdict.DISABLE : Verdict.RETRY;
    }

    /**
     * The wait an endpoint asked for with its {@code Retry-After} header, honoured on 429 and 503 only; empty when
     * it is absent, unreadable or on another status (the backoff applies then). A date in the past is no wait.
     */
    public Optional<Duration> retryAfter(int status, String header, Instant now) {
        if ((status != 429 && status != 503) || header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(now, at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    /**
     * When to try again after failed try number {@code attempts}: after {@code retryAfter} if the endpoint asked,
     * else after the backoff; empty once that would be later than {@code give-up-after} from {@code plannedAt}.
     */
    public Optional<OffsetDateTime> nextAttempt(
            OffsetDateTime plannedAt, OffsetDateTime now, int attempts, Duration retryAfter) {
        OffsetDateTime next = now.plus(retryAfter != null ? retryAfter : backoff(attempts));
        return next.isAfter(plannedAt.plus(giveUpAfter)) ? Optional.empty() : Optional.of(next);
    }

    Duration backoff(int attempts) {
        return backoff(attempts, ThreadLocalRandom.current().nextDouble());
    }

    /**
     * initial × 2^(attempts-1), capped at max-backoff, then the point {@code jitter} (0 to 1) of its upper half, so
     * retries of many notifications do not march in step.
     */
    Duration backoff(int attempts, double jitter) {
        long initial = initialBackoff.toMillis();
        long capped = Math.min(maxBackoff.toMillis(), initial * (1L << Math.min(Math.max(attempts - 1, 0), 20)));
        return Duration.ofMillis(capped / 2 + Math.round(jitter * (capped / 2)));
    }
}
