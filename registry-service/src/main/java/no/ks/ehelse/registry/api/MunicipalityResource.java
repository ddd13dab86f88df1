package no.ks.ehelse.registry.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import no.ks.ehelse.platform.api.Page;
import no.ks.ehelse.platform.api.PageRequest;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Roles;
import no.ks.ehelse.registry.domain.Municipality;
import no.ks.ehelse.registry.domain.MunicipalityRegistry;
import no.ks.ehelse.registry.domain.NameIndex;
import no.ks.ehelse.registry.domain.NameMatcher;
import no.ks.ehelse.registry.domain.StructuralChanges;

@Path("/api/v1/municipalities")
@Tag(name = "Municipalities", description = "Municipalities and their history, and tolerant name matching")
@Authenticated
public class MunicipalityResource {

    private static final Map<String, String> SORTABLE =
            Map.of("kommunenummer", "kommunenummer", "name", "name", "population", "population");

    private final MunicipalityRegistry registry;
    private final StructuralChanges changes;
    private final NameMatcher matcher;

    MunicipalityResource(MunicipalityRegistry registry, StructuralChanges changes, NameMatcher matcher) {
        this.registry = registry;
        this.changes = changes;
        this.matcher = matcher;
    }

    @GET
    @Operation(summary = "List municipalities valid on a day (today by default), filtered and sorted")
    public Page<MunicipalitySummary> list(
            @Parameter(description = "fylkesnummer, e.g. 46")
                    @QueryParam("county")
                    @Pattern(regexp = "[0-9]{2}", message = "must be a 2-digit fylkesnummer")
                    String county,
            @Parameter(description = "Diginettverk code, e.g. digi-vestland")
                    @QueryParam("network")
                    @Size(max = 60, message = "must be at most 60 characters")
                    String network,
            @Parameter(description = "health region code, e.g. helse-vest")
                    @QueryParam("healthRegion")
                    @Size(max = 60, message = "must be at most 60 characters")
                    String healthRegion,
            @Parameter(description = "start of the name, e.g. Nord")
                    @QueryParam("namePrefix")
                    @Size(max = 100, message = "must be at most 100 characters")
                    String namePrefix,
            @Parameter(
                            description =
                                    "the day the numbers must be valid on, e.g. 2019-06-01 for the numbers before the 2020 reform")
                    @QueryParam("validOn")
                    LocalDate validOn,
            @Parameter(description = "kommunenummer, name or population; prefix - for descending, e.g. -population")
                    @QueryParam("sort")
                    @Pattern(
                            regexp = "-?(kommunenummer|name|population)",
                            message = "must be kommunenummer, name or population, optionally prefixed by -")
                    String sort,
            @BeanParam @Valid PageRequest page) {
        return Page.of(
                registry.list(
                        new MunicipalityRegistry.Filter(county, network, healthRegion, namePrefix, validOn),
                        sortOf(sort)),
                page,
                MunicipalitySummary::of);
    }

    @GET
    @Path("{kommunenummer}")
    @Operation(summary = "Get a municipality by its number, current or former; a former number says what it became")
    public MunicipalityView get(
            @PathParam("kommunenummer") @Pattern(regexp = "[0-9]{4}", message = "must be a 4-digit kommunenummer")
                    String kommunenummer) {
        Municipality m = registry.find(kommunenummer)
                .orElseThrow(() -> ProblemException.notFound("Municipality", kommunenummer));
        return MunicipalityView.of(registry.state(m), m.validOn(registry.today()));
    }

    @PATCH
    @Path("{kommunenummer}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary =
                    "Correct population, EPJ vendor, network or health region (admin); announces municipality.changed")
    public MunicipalityView correct(
            @PathParam("kommunenummer") String kommunenummer,
            @NotNull(message = "a body is required") @Valid MunicipalityPatchRequest request) {
        return MunicipalityView.of(registry.correct(kommunenummer, request.patch()), true);
    }

    @POST
    @Path("changes")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary =
                    "Record a merge, split or renumbering (admin); announces municipality.merged/split/renumbered and registered")
    public Response record(@NotNull(message = "a body is required") @Valid StructuralChangeRequest request) {
        List<MunicipalityView> affected = changes.record(request.change()).stream()
                .map(s -> MunicipalityView.of(s, s.validTo() == null))
                .toList();
        return Response.status(201).entity(affected).build();
    }

    @GET
    @Path("match")
    @Operation(
            summary =
                    "Match one name (tolerant: case, diacritics, hyphens, 'kommune', Sámi/Kven and former names, misspellings)")
    public MatchView match(
            @QueryParam("name")
                    @NotBlank(message = "is required")
                    @Size(max = 200, message = "must be at most 200 characters")
                    String name,
            @Parameter(description = "narrow to a county (fylkesnummer)")
                    @QueryParam("county")
                    @Pattern(regexp = "[0-9]{2}", message = "must be a 2-digit fylkesnummer")
                    String county,
            @Parameter(description = "narrow to a network code") @QueryParam("network") String network) {
        return MatchView.of(matcher.match(name, new NameIndex.Scope(county, network)));
    }

    @POST
    @Path("match")
    @Operation(summary = "Match a list of names at once; each result says how it matched, or why not")
    public BulkMatchView matchAll(@NotNull(message = "a body is required") @Valid BulkMatchRequest request) {
        return BulkMatchView.of(
                matcher.matchAll(request.names(), new NameIndex.Scope(request.county(), request.network())));
    }

    static URI location(String kommunenummer) {
        return URI.create("/api/v1/municipalities/" + kommunenummer);
    }

    private static Sort sortOf(String sort) {
        if (sort == null) {
            return Sort.by("kommunenummer");
        }
        boolean descending = sort.startsWith("-");
        String field = SORTABLE.get(descending ? sort.substring(1) : sort);
        return (descending ? Sort.descending(field) : Sort.ascending(field)).and("kommunenummer");
    }
}
