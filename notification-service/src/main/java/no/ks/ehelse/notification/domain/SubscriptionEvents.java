package no.ks.ehelse.notification.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.platform.events.Outbox;

/**
 * {@code no.ks.ehelse.notification.subscription-created.v1} on {@code notification.subscriptions.v1}, keyed by
 * subscription id. The address stays out: a webhook URL can carry a secret in its query string.
 */
@ApplicationScoped
public class SubscriptionEvents {

    public static final String TOPIC = "notification.subscriptions.v1";
    public static final String CREATED = "no.ks.ehelse.notification.subscription-created.v1";

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
                        s.eventTypes,
                        s.channel,
                        new Filters(s.kommunenummer, s.network, s.solution, s.trackId)));
    }
}
