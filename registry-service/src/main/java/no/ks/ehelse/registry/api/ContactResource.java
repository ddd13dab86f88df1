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
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Roles;
import no.ks.ehelse.registry.domain.Contact;
import no.ks.ehelse.registry.domain.ContactDirectory;

@Path("/api/v1/contacts/{id}")
@Tag(name = "Contacts", description = "Contacts by role of municipalities and networks")
@Authenticated
public class ContactResource {

    private final ContactDirectory directory;
    private final ContactVisibility visibility;
    private final NetworkScope networkScope;

    ContactResource(ContactDirectory directory, ContactVisibility visibility, NetworkScope networkScope) {
        this.directory = directory;
        this.visibility = visibility;
        this.networkScope = networkScope;
    }

    @GET
    @Operation(operationId = "getContact", summary = "One contact")
    public ContactView get(@PathParam("id") UUID id) {
        return visibility.view(directory.find(id));
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.NETWORK})
    @Operation(
            operationId = "replaceContact",
            summary = "Replace a contact (admin, or the network of the contact's municipality); announces"
                    + " contacts.changed")
    public ContactView update(
            @PathParam("id") UUID id, @NotNull(message = "a body is required") @Valid ContactRequest request) {
        Contact contact = directory.find(id);
        if (networkScope.isNetworkRole() && !networkScope.covers(contact.kommunenummer)) {
            // A network corrects its municipalities' contacts, not another's nor a network's own list.
            throw new ProblemException(
                    403, "forbidden", "Forbidden", "The contact is not of a municipality in the caller's network");
        }
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
