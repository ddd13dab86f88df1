package no.ks.ehelse.notification.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import no.ks.ehelse.notification.domain.MessageKind;
import no.ks.ehelse.notification.domain.Notification;

/** One entry of a feed: the message as a person reads it, and whether they have. */
public record FeedItem(
        UUID id,
        String eventType,
        MessageKind kind,
        String kommunenummer,
        UUID trackId,
        String title,
        String text,
        OffsetDateTime createdAt,
        boolean read,
        OffsetDateTime readAt) {

    static FeedItem of(Notification n) {
        return new FeedItem(
                n.id,
                n.eventType,
                n.kind,
                n.kommunenummer,
                n.trackId,
                n.subject,
                n.body,
                n.createdAt,
                n.readAt != null,
                n.readAt);
    }
}
