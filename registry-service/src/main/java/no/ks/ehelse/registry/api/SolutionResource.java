package no.ks.ehelse.registry.api;

import java.net.URI;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import no.ks.ehelse.platform.api.Page;
import no.ks.ehelse.platform.api.PageRequest;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Roles;
import no.ks.ehelse.registry.domain.PriorityArea;
import no.ks.ehelse.registry.domain.SolutionCatalogue;

@Path("/api/v1/solutions")
@Tag(name = "Solutions", description = "The catalogue of national e-health solutions")
@Authenticated
public class SolutionResource {

    private final SolutionCatalogue catalogue;

    SolutionResource(SolutionCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @Operation(
            operationId = "listSolutions",
            summary = "List solutions, optionally of one priority area (innsatsområde)")
    public Page<SolutionView> list(@QueryParam("area") PriorityArea area, @BeanParam @Valid PageRequest page) {
        return Page.of(catalogue.list(area), page, SolutionView::of);
    }

    @GET
    @Path("{code}")
    @Operation(operationId = "getSolution", summary = "Get one solution by its code, e.g. kjernejournal")
    public SolutionView get(@PathParam("code") String code) {
        return catalogue
                .find(code)
                .map(SolutionView::of)
                .orElseThrow(() -> ProblemException.notFound("Solution", code));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "publishSolution",
            summary = "Publish a new solution (admin); announces solution.published")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers =
                    @Header(
                            name = "Location",
                            required = true,
                            description = "the new solution",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SolutionView.class)))
    @APIResponse(responseCode = "409", description = "A solution with this code exists")
    public Response publish(@NotNull(message = "a body is required") @Valid SolutionRequest request) {
        SolutionView created = SolutionView.of(catalogue.publish(request.code(), request.details()));
        return Response.created(URI.create("/api/v1/solutions/" + created.code()))
                .entity(created)
                .build();
    }

    @PUT
    @Path("{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "replaceSolution",
            summary = "Replace a solution's details (admin); announces solution.changed")
    public SolutionView change(
            @PathParam("code") String code, @NotNull(message = "a body is required") @Valid SolutionRequest request) {
        if (!code.equals(request.code())) {
            throw ProblemException.invalidField("code", "must equal the code in the path ('" + code + "')");
        }
        return SolutionView.of(catalogue.change(code, request.details()));
    }
}
