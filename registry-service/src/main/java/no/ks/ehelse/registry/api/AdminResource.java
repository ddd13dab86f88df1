package no.ks.ehelse.registry.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import no.ks.ehelse.platform.security.Roles;
import no.ks.ehelse.registry.domain.RegistryPublication;

@Path("/api/v1/admin")
@Tag(name = "Admin", description = "Operations for administrators")
@RolesAllowed(Roles.ADMIN)
public class AdminResource {

    private final RegistryPublication publication;

    AdminResource(RegistryPublication publication) {
        this.publication = publication;
    }

    @POST
    @Path("republish")
    @Operation(
            operationId = "republishRegistry",
            summary = "Announce the whole registry again on its compacted topics (admin), e.g. for a new consumer")
    public RegistryPublication.Summary republish() {
        return publication.publishAll();
    }
}
