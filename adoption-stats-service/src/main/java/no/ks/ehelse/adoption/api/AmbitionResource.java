package no.ks.ehelse.adoption.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import no.ks.ehelse.adoption.domain.Ambitions;
import no.ks.ehelse.platform.api.Page;
import no.ks.ehelse.platform.api.PageRequest;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;

@Path("/api/v1/ambitions")
@Tag(name = "Ambitions", description = "National targets per solution and year")
@Authenticated
public class AmbitionResource {

    private static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
    private static final String SLUG_MESSAGE = "must be a solution code such as 'kjernejournal'";

    private final Ambitions ambitions;
    private final Caller caller;

    AmbitionResource(Ambitions ambitions, Caller caller) {
        this.ambitions = ambitions;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listAmbitions", summary = "List ambitions, optionally of one year or solution")
    public Page<AmbitionView> list(
            @QueryParam("year") Integer year,
            @QueryParam("solution") @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String solution,
            @BeanParam @Valid PageRequest page) {
        return Page.of(ambitions.list(year, solution), page, a -> AmbitionView.of(a, ambitions.activeNow(a.solution)));
    }

    @GET
    @Path("{solution}/{year}")
    @Operation(operationId = "getAmbition", summary = "The ambition for a solution in a year")
    public AmbitionView get(@PathParam("solution") String solution, @PathParam("year") int year) {
        return ambitions
                .find(solution, year)
                .map(a -> AmbitionView.of(a, ambitions.activeNow(solution)))
                .orElseThrow(() -> ProblemException.notFound("Ambition", solution + "/" + year));
    }

    @PUT
    @Path("{solution}/{year}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "setAmbition",
            summary = "Set the ambition for a solution in a year (admin); announces adoption.ambition-set")
    public AmbitionView set(
            @PathParam("solution") @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String solution,
            @PathParam("year")
                    @Min(value = 2020, message = "must be between 2020 and 2100")
                    @Max(value = 2100, message = "must be between 2020 and 2100")
                    int year,
            @NotNull(message = "a body is required") @Valid AmbitionRequest request) {
        return AmbitionView.of(
                ambitions.set(solution, year, request.target(), request.note(), caller.name()),
                ambitions.activeNow(solution));
    }
}
