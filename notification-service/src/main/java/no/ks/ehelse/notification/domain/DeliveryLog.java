package no.ks.ehelse.notification.domain;

import java.time.OffsetDateTime;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Every try of a notification, as a row in {@code delivery_attempt} and in the attempts metric. */
@ApplicationScoped
public class DeliveryLog {

    private final MeterRegistry metrics;

    DeliveryLog(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    void record(Notification n, OffsetDateTime at, String outcome, Integer httpStatus, String error) {
        DeliveryAttempt a = new DeliveryAttempt();
        a.notificationId = n.id;
        a.attemptedAt = at;
        a.outcome = outcome;
        a.httpStatus = httpStatus;
        a.error = error;
        a.persist();
        metrics.counter("ehelse.notifications.attempts", "channel", n.channel.name(), "outcome", outcome)
                .increment();
    }
}
