package no.ks.ehelse.adoption.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.ks.ehelse.adoption.domain.AdoptionLevel;
import no.ks.ehelse.adoption.domain.AdoptionQueries;
import no.ks.ehelse.adoption.domain.Funnel;
import no.ks.ehelse.platform.api.Page;
import no.ks.ehelse.platform.api.PageRequest;

@Path("/api/v1/adoption/{solution}")
@Tag(name = "Adoption", description = "Coverage, non-adopters, usage and status history of a solution, from NHN's data")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AdoptionResource {

    private final AdoptionQueries queries;
    private final Funnel funnel;

    AdoptionResource(AdoptionQueries queries, Funnel funnel) {
        this.queries = queries;
        this.funnel = funnel;
    }

    @GET
    @Path("coverage")
    @Operation(
            operationId = "getCoverage",
            summary =
                    "Municipalities per adoption level and the share of inhabitants living where the solution is ACTIVE, by nation, health region, county or network; as of any date")
    public AdoptionQueries.Coverage coverage(
            @PathParam("solution") String solution,
            @Parameter(description = "NATION, HEALTH_REGION, COUNTY or NETWORK")
                    @QueryParam("groupBy")
                    @DefaultValue("NATION")
                    @Pattern(
                            regexp = "NATION|HEALTH_REGION|COUNTY|NETWORK",
                            message = "must be NATION, HEALTH_REGION, COUNTY or NETWORK")
                    String groupBy,
            @Parameter(
                            description =
                                    "the day to answer for, e.g. 2024-01-01, counting the municipalities valid that day (default: the current status)")
                    @QueryParam("asOf")
                    LocalDate asOf,
            @Parameter(description = KnownAt.DESCRIPTION) @QueryParam("knownAt") String knownAt) {
        return queries.coverage(solution, AdoptionQueries.GroupBy.valueOf(groupBy), asOf, KnownAt.parse(knownAt));
    }

    @GET
    @Path("coverage")
    @Produces(Csv.MEDIA_TYPE)
    @Operation(operationId = "getCoverage", summary = "Coverage as a CSV table (Accept: text/csv)")
    public String coverageCsv(
            @PathParam("solution") String solution,
            @QueryParam("groupBy")
                    @DefaultValue("NATION")
                    @Pattern(
                            regexp = "NATION|HEALTH_REGION|COUNTY|NETWORK",
                            message = "must be NATION, HEALTH_REGION, COUNTY or NETWORK")
                    String groupBy,
            @QueryParam("asOf") LocalDate asOf,
            @QueryParam("knownAt") String knownAt) {
        AdoptionQueries.Coverage c = coverage(solution, groupBy, asOf, knownAt);
        List<List<Object>> rows = c.groups().stream()
                .map(g -> List.<Object>of(
                        g.group(),
                        g.municipalities(),
                        g.byLevel().get(AdoptionLevel.ACTIVE),
                        g.byLevel().get(AdoptionLevel.TECHNICALLY_READY),
                        g.byLevel().get(AdoptionLevel.ORDERED),
                        g.byLevel().get(AdoptionLevel.DISCONTINUED),
                        g.byLevel().get(AdoptionLevel.NONE),
                        g.inhabitantsActive(),
                        g.inhabitants(),
                        g.shareOfInhabitantsActive()))
                .toList();
        return Csv.write(
                List.of(
                        "group",
                        "municipalities",
                        "active",
                        "technicallyReady",
                        "ordered",
                        "discontinued",
                        "none",
                        "inhabitantsActive",
                        "inhabitants",
                        "shareOfInhabitantsActive"),
                rows);
    }

    @GET
    @Path("non-adopters")
    @Produces(Csv.MEDIA_TYPE)
    @Operation(
            operationId = "listNonAdopters",
            summary = "Non-adopters as a CSV table, one municipality per row (Accept: text/csv)")
    public String nonAdoptersCsv(
            @PathParam("solution") String solution,
            @QueryParam("asOf") LocalDate asOf,
            @QueryParam("knownAt") String knownAt) {
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (AdoptionQueries.NonAdopterGroup g :
                queries.nonAdopters(solution, asOf, KnownAt.parse(knownAt)).byNetwork()) {
            for (AdoptionQueries.Municipality m : g.municipalities()) {
                rows.add(List.of(String.valueOf(g.network()), m.kommunenummer(), m.name(), m.level()));
            }
        }
        return Csv.write(List.of("network", "kommunenummer", "name", "level"), rows);
    }

    @GET
    @Path("usage")
    @Produces(Csv.MEDIA_TYPE)
    @Operation(operationId = "getUsage", summary = "Usage per municipality as a CSV table (Accept: text/csv)")
    public String usageCsv(
            @PathParam("solution") String solution,
            @QueryParam("metric") @NotBlank(message = "is required") String metric,
            @QueryParam("period")
                    @NotBlank(message = "is required")
                    @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])", message = "must be a month such as 2024-05")
                    String period) {
        List<List<Object>> rows = queries.usage(solution, metric, period).municipalities().stream()
                .map(r -> List.<Object>of(
                        r.group(), r.name(), r.value(), r.inhabitants(), r.per1000() == null ? "" : r.per1000()))
                .toList();
        return Csv.write(List.of("kommunenummer", "name", "value", "inhabitants", "per1000"), rows);
    }

    @GET
    @Path("non-adopters")
    @Operation(
            operationId = "listNonAdopters",
            summary =
                    "The municipalities where the solution is not ACTIVE, per Diginettverk with names ('85 kommuner har ikke tatt i bruk Kjernejournal')")
    public AdoptionQueries.NonAdopters nonAdopters(
            @PathParam("solution") String solution,
            @Parameter(description = "the day to answer for, counting the municipalities valid that day (default: now)")
                    @QueryParam("asOf")
                    LocalDate asOf,
            @Parameter(description = KnownAt.DESCRIPTION) @QueryParam("knownAt") String knownAt) {
        return queries.nonAdopters(solution, asOf, KnownAt.parse(knownAt));
    }

    @GET
    @Path("usage")
    @Operation(
            operationId = "getUsage",
            summary = "A usage metric for a month, per municipality and in total, per 1000 inhabitants")
    public AdoptionQueries.Usage usage(
            @PathParam("solution") String solution,
            @QueryParam("metric") @NotBlank(message = "is required") String metric,
            @QueryParam("period")
                    @NotBlank(message = "is required")
                    @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])", message = "must be a month such as 2024-05")
                    String period) {
        return queries.usage(solution, metric, period);
    }

    @GET
    @Path("funnel")
    @Operation(
            operationId = "getEnrollmentFunnel",
            summary =
                    "Enrollment funnel: enrolled, live and median days from enrollment to live, per track and for the solution")
    public Funnel.SolutionFunnel funnel(@PathParam("solution") String solution) {
        return funnel.of(solution);
    }

    @GET
    @Path("municipalities/{kommunenummer}/history")
    @Operation(
            operationId = "listStatusHistory",
            summary = "Every status NHN reported for the municipality and solution, by effective date")
    public Page<AdoptionQueries.HistoryRow> history(
            @PathParam("solution") String solution,
            @PathParam("kommunenummer") String kommunenummer,
            @BeanParam @Valid PageRequest page) {
        return Page.of(queries.history(solution, kommunenummer), page);
    }
}
