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
import no.ks.ehelse.adoption.domain.AdoptionLevel;
import no.ks.ehelse.adoption.domain.Ambition;
import no.ks.ehelse.adoption.domain.Ambitions;
import no.ks.ehelse.platform.api.Page;
import no.ks.ehelse.platform.api.PageRequest;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;

/**
 * Ambitions per solution and year: national at {@code /{solution}/{year}} (as in the first version), for a health
 * region or a Diginettverk below it.
 */
@Path("/api/v1/ambitions")
@Tag(name = "Ambitions", description = "Targets per solution and year: national, per health region or per Diginettverk")
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
    @Operation(
            operationId = "listAmbitions",
            summary = "List ambitions of every scope, optionally of one year or solution")
    public Page<AmbitionView> list(
            @QueryParam("year") Integer year,
            @QueryParam("solution") @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String solution,
            @BeanParam @Valid PageRequest page) {
        return Page.of(ambitions.list(year, solution), page, a -> AmbitionView.of(a, ambitions.status(a)));
    }

    @GET
    @Path("{solution}/{year}")
    @Operation(operationId = "getAmbition", summary = "The national ambition for a solution in a year")
    public AmbitionView get(@PathParam("solution") String solution, @PathParam("year") int year) {
        return get(solution, year, Ambition.Scope.NATIONAL, Ambition.NATION);
    }

    @GET
    @Path("{solution}/{year}/health-regions/{healthRegion}")
    @Operation(
            operationId = "getRegionalAmbition",
            summary = "The ambition for a solution in a year in a health region")
    public AmbitionView getRegional(
            @PathParam("solution") String solution,
            @PathParam("year") int year,
            @PathParam("healthRegion") String healthRegion) {
        return get(solution, year, Ambition.Scope.HEALTH_REGION, healthRegion);
    }

    @GET
    @Path("{solution}/{year}/networks/{network}")
    @Operation(operationId = "getNetworkAmbition", summary = "The ambition for a solution in a year in a Diginettverk")
    public AmbitionView getNetwork(
            @PathParam("solution") String solution, @PathParam("year") int year, @PathParam("network") String network) {
        return get(solution, year, Ambition.Scope.NETWORK, network);
    }

    private AmbitionView get(String solution, int year, Ambition.Scope scope, String code) {
        return ambitions
                .find(solution, year, scope, code)
                .map(a -> AmbitionView.of(a, ambitions.status(a)))
                .orElseThrow(() -> ProblemException.notFound(
                        "Ambition",
                        solution + "/" + year + (scope == Ambition.Scope.NATIONAL ? "" : "/" + scope + "/" + code)));
    }

    @PUT
    @Path("{solution}/{year}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "setAmbition",
            summary = "Set the national ambition for a solution in a year (admin); announces adoption.ambition-set")
    public AmbitionView set(
            @PathParam("solution") @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String solution,
            @PathParam("year")
                    @Min(value = 2020, message = "must be between 2020 and 2100")
                    @Max(value = 2100, message = "must be between 2020 and 2100")
                    int year,
            @NotNull(message = "a body is required") @Valid AmbitionRequest request) {
        return set(solution, year, Ambition.Scope.NATIONAL, Ambition.NATION, request);
    }

    @PUT
    @Path("{solution}/{year}/health-regions/{healthRegion}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "setRegionalAmbition",
            summary = "Set the ambition for a solution in a year in a health region (admin); announces"
                    + " adoption.ambition-set")
    public AmbitionView setRegional(
            @PathParam("solution") @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String solution,
            @PathParam("year")
                    @Min(value = 2020, message = "must be between 2020 and 2100")
                    @Max(value = 2100, message = "must be between 2020 and 2100")
                    int year,
            @PathParam("healthRegion") String healthRegion,
            @NotNull(message = "a body is required") @Valid AmbitionRequest request) {
        return set(solution, year, Ambition.Scope.HEALTH_REGION, healthRegion, request);
    }

    @PUT
    @Path("{solution}/{year}/networks/{network}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "setNetworkAmbition",
            summary = "Set the ambition for a solution in a year in a Diginettverk (admin); announces"
                    + " adoption.ambition-set")
    public AmbitionView setNetwork(
            @PathParam("solution") @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String solution,
            @PathParam("year")
                    @Min(value = 2020, message = "must be between 2020 and 2100")
                    @Max(value = 2100, message = "must be between 2020 and 2100")
                    int year,
            @PathParam("network") String network,
            @NotNull(message = "a body is required") @Valid AmbitionRequest request) {
        return set(solution, year, Ambition.Scope.NETWORK, network, request);
    }

    private AmbitionView set(String solution, int year, Ambition.Scope scope, String code, AmbitionRequest r) {
        Ambition a = ambitions.set(
                solution,
                year,
                scope,
                code,
                new Ambitions.Setting(
                        r.target(),
                        r.share(),
                        r.outOf(),
                        r.level() == null
                                ? AdoptionLevel.ACTIVE
                                : AdoptionLevel.valueOf(r.level().name()),
                        r.note()),
                caller.name());
        return AmbitionView.of(a, ambitions.status(a));
    }
}
