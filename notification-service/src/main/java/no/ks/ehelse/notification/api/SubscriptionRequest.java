package no.ks.ehelse.notification.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.ks.ehelse.notification.domain.Cadence;
import no.ks.ehelse.notification.domain.Channel;
import no.ks.ehelse.notification.domain.Subscriptions;

@Schema(example = """
        {"eventTypes": ["no.ks.ehelse.enrollment.enrolled.v1", "no.ks.ehelse.enrollment.went-live.v1"],
         "channel": "EMAIL", "address": "postmottak@kommune.example", "kommunenummer": "4601", "delivery": "DAILY_DIGEST"}""")
public record SubscriptionRequest(
        @NotEmpty(message = "must name at least one event type") @Size(max = 50, message = "at most 50 event types")
        List<
                        @NotNull(message = "must not be null")
                        @Pattern(
                                regexp = "no\\.ks\\.ehelse\\.[a-z-]+(\\.[a-z-]+)+\\.v[0-9]+",
                                message = "must be an event type such as no.ks.ehelse.enrollment.enrolled.v1")
                        String>
                eventTypes,

        @NotNull(message = "is required") Channel channel,

        @Schema(description = "the e-mail address or the webhook URL; left out for FEED (your own feed)")
        @Size(max = 2000, message = "must be at most 2000 characters")
        String address,

        @Pattern(regexp = "[0-9]{4}", message = "must be a 4-digit kommunenummer")
        String kommunenummer,

        @Size(max = 100, message = "must be at most 100 characters")
        String network,

        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a solution code such as 'vkp'")
        String solution,

        UUID trackId,
        Cadence delivery) {

    Subscriptions.Request request() {
        return new Subscriptions.Request(
                eventTypes, channel, address, kommunenummer, network, solution, trackId, delivery);
    }
}
