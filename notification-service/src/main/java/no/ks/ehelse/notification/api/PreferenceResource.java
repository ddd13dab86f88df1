package no.ks.ehelse.notification.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import no.ks.ehelse.notification.domain.Cadence;
import no.ks.ehelse.notification.domain.Preferences;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;

/**
 * Each recipient's address-wide choice for e-mail: immediate, a daily or weekly digest, or off (confirmations are
 * always sent at once; what the recipient must act on is never off). Per kind: {@link KindPreferenceResource}. A
 * person sets their own (the address in their token), a municipality its registry contacts', an admin anyone's.
 */
@Path("/api/v1/recipients/{address}/delivery")
@Tag(name = "Preferences", description = "Immediate, daily or weekly digest, or off: per recipient, kind and channel")
@RolesAllowed({Roles.ADMIN, Roles.LEAD, Roles.MUNICIPALITY, Roles.READER})
public class PreferenceResource {

    public record Preference(
            @NotNull(message = "is required") Cadence delivery) {}

    private final Preferences preferences;
    private final Caller caller;

    PreferenceResource(Preferences preferences, Caller caller) {
        this.preferences = preferences;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "getDeliveryPreference",
            summary = "How this recipient gets messages (IMMEDIATE unless chosen otherwise)")
    public Preference get(@PathParam("address") String address) {
        check(address);
        return new Preference(preferences.preference(address));
    }

    @PUT
    @Operation(
            operationId = "setDeliveryPreference",
            summary = "Choose IMMEDIATE, DAILY_DIGEST, WEEKLY_DIGEST or OFF for this recipient's e-mail: the default "
                    + "for every kind without a choice of its own (OFF never stops confirmations or what the "
                    + "recipient must act on)")
    public Preference set(
            @PathParam("address") String address,
            @NotNull(message = "a body is required") @Valid Preference preference) {
        check(address);
        return new Preference(preferences.prefer(address, preference.delivery(), caller.name()));
    }

    private void check(String address) {
        check(address, caller, preferences);
    }

    /** The recipient themselves, their municipality (for its registry contacts) or an admin. */
    static void check(String address, Caller caller, Preferences preferences) {
        if (!address.contains("@") || address.length() > 320) {
            throw ProblemException.invalidField("address", "must be an e-mail address");
        }
        boolean allowed = caller.has(Roles.ADMIN)
                || address.equalsIgnoreCase(caller.name())
                || caller.has(Roles.MUNICIPALITY)
                        && caller.kommunenummer() != null
                        && preferences.isContactOf(address, caller.kommunenummer());
        if (!allowed) {
            throw new ProblemException(
                    403,
                    "forbidden",
                    "Forbidden",
                    "Only the recipient, their municipality or an admin may choose this");
        }
    }
}
