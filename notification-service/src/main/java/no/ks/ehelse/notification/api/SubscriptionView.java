package no.ks.ehelse.notification.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import no.ks.ehelse.notification.domain.Cadence;
import no.ks.ehelse.notification.domain.Channel;
import no.ks.ehelse.notification.domain.Subscription;
import no.ks.ehelse.notification.domain.SubscriptionStatus;

/**
 * A subscription; {@code secret} appears only in the answer that created a webhook subscription. {@code status}:
 * PENDING_CONFIRMATION while an e-mail address has not followed its confirmation link (nothing is sent), then
 * ACTIVE. {@code previousSecretValidUntil}: the end of a secret rotation's overlap, when calls carry two signatures.
 */
public record SubscriptionView(
        UUID id,
        String owner,
        List<String> eventTypes,
        Channel channel,
        String address,
        String kommunenummer,
        String network,
        String solution,
        UUID trackId,
        Cadence delivery,
        OffsetDateTime createdAt,
        OffsetDateTime disabledAt,
        String disabledReason,
        SubscriptionStatus status,
        OffsetDateTime confirmedAt,
        OffsetDateTime previousSecretValidUntil,
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    static SubscriptionView of(Subscription s) {
        return of(s, null);
    }

    static SubscriptionView of(Subscription s, String secret) {
        return new SubscriptionView(
                s.id,
                s.owner,
                s.eventTypeList(),
                s.channel,
                s.address,
                s.kommunenummer,
                s.network,
                s.solution,
                s.trackId,
                s.cadence,
                s.createdAt,
                s.disabledAt,
                s.disabledReason,
                s.status,
                s.confirmedAt,
                s.previousSecretUntil,
                secret);
    }
}
