package no.ks.ehelse.registry.api;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import no.ks.ehelse.platform.security.Roles;
import no.ks.ehelse.registry.domain.ContactDirectory;

@Path("/api/v1/contacts/{id}")
@Tag(name = "Contacts", description = "Contacts by role of municipalities and networks")
@Authenticated
public class ContactResource {

    private final ContactDirectory directory;
    private final ContactVisibility visibility;

    ContactResource(ContactDirectory directory, ContactVisibility visibility) {
        this.directory = directory;
        this.visibility = visibility;
    }

    @GET
    @Operation(operationId = "getContact", summary = "One contact")
    public ContactView get(@PathParam("id") UUID id) {
        return visibility.view(directory.find(id));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "replaceContact", summary = "Replace a contact (admin); announces contacts.changed")
    public ContactView update(
            @PathParam("id") UUID id, @NotNull(message = "a body is required") @Valid ContactRequest request) {
        return visibility.view(directory.update(id, request.details()));
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "removeContact", summary = "Remove a contact (admin); announces contacts.changed")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response remove(@PathParam("id") UUID id) {
        directory.remove(id);
        return Response.noContent().build();
    }
}
