package no.ks.ehelse.notification.api;

import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import no.ks.ehelse.notification.domain.Cadence;
import no.ks.ehelse.notification.domain.Channel;
import no.ks.ehelse.notification.domain.MessageKind;
import no.ks.ehelse.notification.domain.Preferences;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;

/**
 * A recipient's choice per message kind and channel (their e-mail, their own feed): IMMEDIATE, DAILY_DIGEST,
 * WEEKLY_DIGEST or OFF for e-mail, IMMEDIATE or OFF for the feed. Confirmations are fixed (always immediate); a
 * kind the recipient must act on cannot be OFF. Who may choose: as {@link PreferenceResource}.
 */
@Path("/api/v1/recipients/{address}/preferences")
@Tag(name = "Preferences")
@RolesAllowed({Roles.ADMIN, Roles.LEAD, Roles.MUNICIPALITY, Roles.READER})
public class KindPreferenceResource {

    public record KindPreference(
            MessageKind kind,
            Channel channel,
            Cadence delivery,

            @Schema(description = "true when the recipient chose this kind itself (else the address-wide choice)")
            boolean chosen,

            @Schema(description = "true when nothing else may be chosen (a confirmation)")
            boolean fixed,

            List<Cadence> allowed) {

        static KindPreference of(Preferences.KindChoice c) {
            return new KindPreference(c.kind(), c.channel(), c.cadence(), c.chosen(), c.fixed(), c.choices());
        }
    }

    public record RecipientPreferences(String address, Cadence delivery, List<KindPreference> kinds) {}

    public record Choice(@NotNull(message = "is required") Cadence delivery) {}

    private final Preferences preferences;
    private final Caller caller;

    KindPreferenceResource(Preferences preferences, Caller caller) {
        this.preferences = preferences;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "getKindPreferences",
            summary = "How this recipient hears each kind of message on e-mail and in their feed, and what may be "
                    + "chosen")
    public RecipientPreferences get(@PathParam("address") String address) {
        PreferenceResource.check(address, caller, preferences);
        return new RecipientPreferences(
                address.strip().toLowerCase(java.util.Locale.ROOT),
                preferences.preference(address),
                preferences.kinds(address).stream().map(KindPreference::of).toList());
    }

    @PUT
    @Path("{kind}/{channel}")
    @Operation(
            operationId = "setKindPreference",
            summary = "Choose how this recipient hears one kind on one channel; a choice the kind does not allow "
                    + "(OFF for a confirmation or for what the recipient must act on, a digest for the feed) is a "
                    + "problem naming delivery")
    public KindPreference set(
            @PathParam("address") String address,
            @Parameter(description = "a message kind, e.g. WENT_LIVE") @PathParam("kind") String kind,
            @Parameter(description = "EMAIL or FEED") @PathParam("channel") String channel,
            @NotNull(message = "a body is required") @Valid Choice choice) {
        PreferenceResource.check(address, caller, preferences);
        return KindPreference.of(
                preferences.prefer(address, kindOf(kind), channelOf(channel), choice.delivery(), caller.name()));
    }

    private static MessageKind kindOf(String kind) {
        List<MessageKind> allowed = Preferences.choosableKinds();
        return allowed.stream()
                .filter(k -> k.name().equals(kind))
                .findFirst()
                .orElseThrow(() -> ProblemException.invalidField("kind", "must be one of " + allowed)
                        .with("allowed", allowed));
    }

    private static Channel channelOf(String channel) {
        return Arrays.stream(Channel.values())
                .filter(c -> Preferences.CHANNELS.contains(c) && c.name().equals(channel))
                .findFirst()
                .orElseThrow(() -> ProblemException.invalidField("channel", "must be one of " + Preferences.CHANNELS)
                        .with("allowed", Preferences.CHANNELS));
    }
}
