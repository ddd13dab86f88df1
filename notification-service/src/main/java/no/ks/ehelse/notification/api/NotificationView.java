package no.ks.ehelse.notification.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import no.ks.ehelse.notification.domain.Channel;
import no.ks.ehelse.notification.domain.DeliveryAttempt;
import no.ks.ehelse.notification.domain.MessageKind;
import no.ks.ehelse.notification.domain.Notification;
import no.ks.ehelse.notification.domain.NotificationStatus;

/** A notification and its delivery status; {@code attempts} (the log) only on the single-message answer. */
public record NotificationView(
        UUID id,
        String eventId,
        String eventType,
        MessageKind kind,
        Channel channel,
        String recipient,
        String kommunenummer,
        UUID trackId,
        UUID subscriptionId,
        boolean digest,
        NotificationStatus status,
        int attemptCount,
        String lastError,
        OffsetDateTime nextAttemptAt,
        OffsetDateTime createdAt,
        OffsetDateTime sentAt,
        String subject,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Attempt> attempts) {

    public record Attempt(OffsetDateTime at, String outcome, Integer httpStatus, String error) {}

    /**
     * The same message without who it went to: the recipient, and errors (an SMTP or HTTP error often quotes the
     * address). For callers who may know a message was sent but not to whom.
     */
    NotificationView withoutRecipient() {
        return new NotificationView(
                id,
                eventId,
                eventType,
                kind,
                channel,
                null,
                kommunenummer,
                trackId,
                subscriptionId,
                digest,
                status,
                attemptCount,
                null,
                nextAttemptAt,
                createdAt,
                sentAt,
                subject,
                attempts == null
                        ? null
                        : attempts.stream()
                                .map(a -> new Attempt(a.at(), a.outcome(), a.httpStatus(), null))
                                .toList());
    }

    static NotificationView of(Notification n) {
        return of(n, null);
    }

    static NotificationView of(Notification n, List<DeliveryAttempt> attempts) {
        return new NotificationView(
                n.id,
                n.eventId,
                n.eventType,
                n.kind,
                n.channel,
                n.recipient,
                n.kommunenummer,
                n.trackId,
                n.subscriptionId,
                n.digest,
                n.status,
                n.attempts,
                n.lastError,
                n.nextAttemptAt,
                n.createdAt,
                n.sentAt,
                n.subject,
                attempts == null
                        ? null
                        : attempts.stream()
                                .map(a -> new Attempt(a.attemptedAt, a.outcome, a.httpStatus, a.error))
                                .toList());
    }
}
