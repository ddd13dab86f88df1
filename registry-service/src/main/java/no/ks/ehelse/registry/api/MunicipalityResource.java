package no.ks.ehelse.registry.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

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
import jakarta.ws.rs.core.UriInfo;
import no.ks.ehelse.platform.api.Page;
import no.ks.ehelse.platform.api.PageRequest;
import no.ks.ehelse.platform.api.Problem;
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

    private static final String RATE_LIMITED =
            "The caller has matched its names for now (ehelse.match.rate); problem type urn:no:ks:ehelse:problem:rate-limited";
    private static final String RETRY_AFTER = "seconds until this request would fit in the caller's rate limit";

    private static final Map<String, String> SORTABLE =
            Map.of("kommunenummer", "kommunenummer", "name", "name", "population", "population");

    private final MunicipalityRegistry registry;
    private final StructuralChanges changes;
    private final NameMatcher matcher;
    private final MatchRateLimit rateLimit;
    private final JsonWebToken token;

    MunicipalityResource(
            MunicipalityRegistry registry,
            StructuralChanges changes,
            NameMatcher matcher,
            MatchRateLimit rateLimit,
            JsonWebToken token) {
        this.registry = registry;
        this.changes = changes;
        this.matcher = matcher;
        this.rateLimit = rateLimit;
        this.token = token;
    }

    @GET
    @Operation(
            operationId = "listMunicipalities",
            summary = "List municipalities valid on a day (today by default), filtered and sorted")
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
            @Parameter(description = "a vendor code, e.g. cgm: only municipalities with that vendor")
                    @QueryParam("vendor")
                    @Size(max = 40, message = "must be at most 40 characters")
                    String vendor,
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
                        new MunicipalityRegistry.Filter(county, network, healthRegion, namePrefix, vendor, validOn),
                        sortOf(sort)),
                page,
                MunicipalitySummary::of);
    }

    @GET
    @Path("{kommunenummer}")
    @Operation(
            operationId = "getMunicipality",
            summary = "Get a municipality by its number, current or former; a former number says what it became")
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
            operationId = "correctMunicipality",
            summary =
                    "Correct population, EPJ vendor, network or health region (admin); announces municipality.changed")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = MunicipalityView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The municipality is a former one (`successors` says what it became); correct its successor")
    public MunicipalityView correct(
            @PathParam("kommunenummer") String kommunenummer,
            @NotNull(message = "a body is required") @Valid MunicipalityPatchRequest request) {
        return MunicipalityView.of(registry.correct(kommunenummer, request.patch()), true);
    }

    @POST
    @Path("changes")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "recordStructuralChange",
            summary =
                    "Record a merge, split or renumbering (admin); announces municipality.merged/split/renumbered and registered")
    @APIResponse(
            responseCode = "201",
            description = "Recorded; the municipalities the change affects, as they are now",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(type = SchemaType.ARRAY, implementation = MunicipalityView.class)))
    public Response record(@NotNull(message = "a body is required") @Valid StructuralChangeRequest request) {
        List<MunicipalityView> affected = changes.record(request.change()).stream()
                .map(s -> MunicipalityView.of(s, s.validTo() == null))
                .toList();
        return Response.status(201).entity(affected).build();
    }

    @GET
    @Path("match")
    @Operation(
            operationId = "matchName",
            summary =
                    "Match one name (tolerant: case, diacritics, hyphens, 'kommune', Sámi/Kven and former names, misspellings)",
            description = "Counts as one name against the caller's rate limit (see POST).")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MatchView.class)))
    @APIResponse(
            responseCode = "429",
            description = RATE_LIMITED,
            headers =
                    @Header(
                            name = "Retry-After",
                            description = RETRY_AFTER,
                            schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE))
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
        rateLimit.take(subject(), 1);
        return MatchView.of(matcher.match(name, new NameIndex.Scope(county, network)));
    }

    @POST
    @Path("match")
    @Operation(
            operationId = "matchNames",
            summary = "Match a list of names at once; each result says how it matched, or why not",
            description = "At most 5000 names of at most 200 characters per request (400 naming `names` otherwise)."
                    + " Every caller, whatever its role, may match a limited number of names per period"
                    + " (ehelse.match.rate, by default 20000 per minute, refilled evenly); a request that would"
                    + " exceed it is refused whole with 429 and a Retry-After header.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BulkMatchView.class)))
    @APIResponse(
            responseCode = "429",
            description = RATE_LIMITED,
            headers =
                    @Header(
                            name = "Retry-After",
                            description = RETRY_AFTER,
                            schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public BulkMatchView matchAll(@NotNull(message = "a body is required") @Valid BulkMatchRequest request) {
        rateLimit.take(subject(), request.names().size());
        return BulkMatchView.of(
                matcher.matchAll(request.names(), new NameIndex.Scope(request.county(), request.network())));
    }

    /** The 429 of the rate limit, with the seconds until the refused request would fit. */
    @ServerExceptionMapper
    public Response rateLimited(MatchRateLimit.Exceeded e, UriInfo uri) {
        return Response.status(429)
                .header("Retry-After", e.retryAfterSeconds())
                .type(Problem.MEDIA_TYPE)
                .entity(e.toProblem("/" + uri.getPath().replaceFirst("^/", "")))
                .build();
    }

    /** Whom the rate limit counts: the token's subject (every token here has one; the principal name otherwise). */
    private String subject() {
        String subject = token.getSubject();
        return subject != null ? subject : String.valueOf(token.getName());
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
