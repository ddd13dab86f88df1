package no.ks.ehelse.notification.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import no.ks.ehelse.notification.domain.Channel;
import no.ks.ehelse.notification.domain.Subscription;

public record SubscriptionView(UUID id, String owner, List<String> eventTypes, Channel channel, String address,
        String kommunenummer, String network, String solution, UUID trackId, OffsetDateTime createdAt) {

    static SubscriptionView of(Subscription s) {
        return new SubscriptionView(s.id, s.owner, s.eventTypes, s.channel, s.address, s.kommunenummer, s.network,
                s.solution, s.trackId, s.createdAt);
    }
}
