package no.ks.ehelse.notification.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import no.ks.ehelse.notification.domain.Language;
import no.ks.ehelse.notification.domain.Languages;
import no.ks.ehelse.notification.domain.Preferences;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;

/**
 * Bokmål or nynorsk, per recipient: the person's own choice wins; without one, the official målform of the
 * municipality whose registry contact the address is; else bokmål. Who may choose: as for the delivery choice.
 */
@Path("/api/v1/recipients/{address}/language")
@Tag(name = "Preferences", description = "Immediate, daily or weekly digest, or off: per recipient, kind and channel")
@RolesAllowed({Roles.ADMIN, Roles.LEAD, Roles.MUNICIPALITY, Roles.READER})
public class LanguageResource {

    public record LanguageChoice(
            @NotNull(message = "is required") Language language) {}

    @Schema(example = """
            {"language": "NYNORSK", "source": "MUNICIPALITY", "municipalityLanguage": "NYNORSK"}""")
    public record LanguageView(
            @Schema(description = "The form messages to this address are written in")
            Language language,

            @Schema(
                    description =
                            "OWN_CHOICE, MUNICIPALITY (the målform of the municipality whose contact the address is) or DEFAULT (bokmål)")
            Languages.Source source,

            @Schema(description = "What applies without an own choice")
            Language municipalityLanguage) {

        static LanguageView of(Languages.Choice c) {
            return new LanguageView(c.language(), c.source(), c.withoutOwnChoice());
        }
    }

    private final Languages languages;
    private final Preferences preferences;
    private final Caller caller;

    LanguageResource(Languages languages, Preferences preferences, Caller caller) {
        this.languages = languages;
        this.preferences = preferences;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "getRecipientLanguage",
            summary = "Bokmål or nynorsk for this recipient's messages, and where the choice comes from")
    public LanguageView get(@PathParam("address") String address) {
        PreferenceResource.check(address, caller, preferences);
        return LanguageView.of(languages.choice(address));
    }

    @PUT
    @Operation(
            operationId = "setRecipientLanguage",
            summary = "Choose BOKMAL or NYNORSK for this recipient's messages (overrides the municipality's målform)")
    public LanguageView set(
            @PathParam("address") String address,
            @NotNull(message = "a body is required") @Valid LanguageChoice choice) {
        PreferenceResource.check(address, caller, preferences);
        return LanguageView.of(languages.choose(address, choice.language(), caller.name()));
    }

    @DELETE
    @Operation(
            operationId = "clearRecipientLanguage",
            summary = "Drop the own choice: the municipality's målform (else bokmål) applies again")
    public LanguageView clear(@PathParam("address") String address) {
        PreferenceResource.check(address, caller, preferences);
        return LanguageView.of(languages.choose(address, null, caller.name()));
    }
}
