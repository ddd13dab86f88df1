package no.ks.ehelse.notification.domain;

import java.time.Duration;

import no.ks.ehelse.platform.api.ProblemException;

/** 429: a message was sent again by hand too often or too many times; {@link #retryAfter()} says when it may be. */
public class RedeliveryLimited extends ProblemException {

    private final long retryAfterSeconds;

    RedeliveryLimited(String detail, Duration retryAfter) {
        super(429, "redelivery-limited", "Too many redeliveries", detail);
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        with("retryAfter", retryAfterSeconds);
    }

    /** Whole seconds, at least 1 (the {@code Retry-After} header's value). */
    public long retryAfter() {
        return retryAfterSeconds;
    }
}
