package no.ks.ehelse.notification.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.platform.events.Outbox;

/**
 * A subscription's life on {@code notification.subscriptions.v1}, keyed by subscription id: created, confirmed (an
 * e-mail address followed its double opt-in link), secret-rotated (a webhook's signing secret was replaced) and
 * deleted. The address and secrets stay out: a webhook URL can carry a secret in its query string.
 */
@ApplicationScoped
public class SubscriptionEvents {

    public static final String TOPIC = "notification.subscriptions.v1";
    public static final String CREATED = "no.ks.ehelse.notification.subscription-created.v1";
    public static final String CONFIRMED = "no.ks.ehelse.notification.subscription-confirmed.v1";
    public static final String SECRET_ROTATED = "no.ks.ehelse.notification.subscription-secret-rotated.v1";
    public static final String DELETED = "no.ks.ehelse.notification.subscription-deleted.v1";

    public record Confirmed(UUID id, String owner, Channel channel, OffsetDateTime confirmedAt) {}

    public record SecretRotated(
            UUID id, String owner, OffsetDateTime rotatedAt, OffsetDateTime previousSecretValidUntil) {}

    public record Deleted(UUID id, String owner, String deletedBy, OffsetDateTime deletedAt) {}

    public record Filters(String kommunenummer, String network, String solution, UUID trackId) {}

    public record SubscriptionState(UUID id, String owner, List<String> eventTypes, Channel channel, Filters filters) {}

    private final Outbox outbox;

    SubscriptionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void created(Subscription s) {
        outbox.publish(
                TOPIC,
                s.id.toString(),
                CREATED,
                s.id.toString(),
                new SubscriptionState(
                        s.id,
                        s.owner,
                        s.eventTypeList(),
                        s.channel,
                        new Filters(s.kommunenummer, s.network, s.solution, s.trackId)));
    }

    public void confirmed(Subscription s) {
        outbox.publish(
                TOPIC,
                s.id.toString(),
                CONFIRMED,
                s.id.toString(),
                new Confirmed(s.id, s.owner, s.channel, s.confirmedAt));
    }

    public void secretRotated(Subscription s, OffsetDateTime at) {
        outbox.publish(
                TOPIC,
                s.id.toString(),
                SECRET_ROTATED,
                s.id.toString(),
                new SecretRotated(s.id, s.owner, at, s.previousSecretUntil));
    }

    public void deleted(Subscription s, String by) {
        outbox.publish(TOPIC, s.id.toString(), DELETED, s.id.toString(), new Deleted(s.id, s.owner, by, s.disabledAt));
    }
}
