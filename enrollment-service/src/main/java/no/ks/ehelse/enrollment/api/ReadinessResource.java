package no.ks.ehelse.enrollment.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import no.ks.ehelse.enrollment.domain.NetworkAccess;
import no.ks.ehelse.enrollment.domain.Readiness;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;

@Path("/api/v1/readiness")
@Tag(name = "Readiness", description = "Whether a municipality is ready for a solution, item by item")
@Authenticated
public class ReadinessResource {

    private final Readiness readiness;
    private final Caller caller;

    ReadinessResource(Readiness readiness, Caller caller) {
        this.readiness = readiness;
        this.caller = caller;
    }

    @GET
    @Path("{kommunenummer}/{solution}")
    @RolesAllowed({Roles.ADMIN, Roles.LEAD, Roles.MUNICIPALITY, Roles.NETWORK, Roles.READER})
    @Operation(
            operationId = "getReadiness",
            summary =
                    "Whether the municipality is ready for the solution: NHN level, prerequisites, contacts, vendor support and required solutions, each explained (docs/enrollment.md \"Beredskap\")")
    public ReadinessView get(@PathParam("kommunenummer") String kommunenummer, @PathParam("solution") String solution) {
        NetworkAccess.requireMunicipality(caller, kommunenummer);
        return ReadinessView.of(readiness.of(kommunenummer, solution));
    }
}
