package no.ks.ehelse.registry.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import no.ks.ehelse.platform.api.Page;
import no.ks.ehelse.platform.api.PageRequest;
import no.ks.ehelse.platform.security.Roles;
import no.ks.ehelse.registry.domain.ContactDirectory;

@Path("/api/v1/municipalities/{kommunenummer}/contacts")
@Tag(name = "Contacts", description = "Contacts by role of municipalities and networks")
@Authenticated
public class MunicipalityContactResource {

    private final ContactDirectory directory;
    private final ContactVisibility visibility;
    private final NetworkScope networkScope;

    MunicipalityContactResource(ContactDirectory directory, ContactVisibility visibility, NetworkScope networkScope) {
        this.directory = directory;
        this.visibility = visibility;
        this.networkScope = networkScope;
    }

    @GET
    @Operation(
            operationId = "listMunicipalityContacts",
            summary = "Contacts of a municipality (addresses for admin, the municipality itself and its network)")
    public Page<ContactView> list(
            @PathParam("kommunenummer") String kommunenummer, @BeanParam @Valid PageRequest page) {
        return Page.of(
                directory.ofMunicipality(kommunenummer).stream()
                        .map(visibility::view)
                        .toList(),
                page);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.NETWORK})
    @Operation(
            operationId = "addMunicipalityContact",
            summary =
                    "Add a contact to a municipality (admin, or the municipality's network); announces contacts.changed")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers =
                    @Header(
                            name = "Location",
                            required = true,
                            description = "the new contact",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContactView.class)))
    public Response add(
            @PathParam("kommunenummer") String kommunenummer,
            @NotNull(message = "a body is required") @Valid ContactRequest request) {
        networkScope.requireCovered(kommunenummer);
        return visibility.created(directory.addToMunicipality(kommunenummer, request.details()));
    }
}
