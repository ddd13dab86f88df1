package no.ks.ehelse.adoption.api;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.ehelse.adoption.domain.AdoptionLevel;
import no.ks.ehelse.adoption.domain.AdoptionQueries;
import no.ks.ehelse.adoption.domain.Funnel;
import no.ks.ehelse.adoption.domain.MunicipalityProjection;
import no.ks.ehelse.adoption.domain.ReferenceNames;
import no.ks.ehelse.platform.api.Page;
import no.ks.ehelse.platform.api.PageRequest;
import no.ks.ehelse.platform.api.TableExport;

@Path("/api/v1/adoption/{solution}")
@Tag(name = "Adoption", description = "Coverage, non-adopters, usage and status history of a solution, from NHN's data")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AdoptionResource {

    static final String FORMAT =
            "a download instead of JSON: xlsx, csv (for Norwegian Excel: BOM, ';', decimal comma) or csv-comma";

    private final AdoptionQueries queries;
    private final Funnel funnel;
    private final AdoptionTables tables;
    private final ReferenceNames names;

    AdoptionResource(AdoptionQueries queries, Funnel funnel, AdoptionTables tables, ReferenceNames names) {
        this.queries = queries;
        this.funnel = funnel;
        this.tables = tables;
        this.names = names;
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
    @Produces({Csv.MEDIA_TYPE, TableExport.XLSX_MEDIA_TYPE})
    @Operation(
            operationId = "getCoverage",
            summary = "Coverage as a table to download: ?format=xlsx|csv|csv-comma, or Accept: text/csv")
    @APIResponse(
            responseCode = "200",
            description = "The table",
            content = {
                @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
                @Content(
                        mediaType = TableExport.XLSX_MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    public Response coverageDownload(
            @PathParam("solution") String solution,
            @QueryParam("groupBy")
                    @DefaultValue("NATION")
                    @Pattern(
                            regexp = "NATION|HEALTH_REGION|COUNTY|NETWORK",
                            message = "must be NATION, HEALTH_REGION, COUNTY or NETWORK")
                    String groupBy,
            @QueryParam("asOf") LocalDate asOf,
            @QueryParam("knownAt") String knownAt,
            @Parameter(description = FORMAT) @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        AdoptionQueries.Coverage c = coverage(solution, groupBy, asOf, knownAt);
        return download(format, headers, () -> coverageCsv(c), () -> tables.coverage(solution, c));
    }

    private static String coverageCsv(AdoptionQueries.Coverage c) {
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
    @Produces({Csv.MEDIA_TYPE, TableExport.XLSX_MEDIA_TYPE})
    @Operation(
            operationId = "listNonAdopters",
            summary =
                    "Non-adopters as a table to download, one municipality per row: ?format=xlsx|csv|csv-comma, or Accept: text/csv")
    @APIResponse(
            responseCode = "200",
            description = "The table",
            content = {
                @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
                @Content(
                        mediaType = TableExport.XLSX_MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    public Response nonAdoptersDownload(
            @PathParam("solution") String solution,
            @QueryParam("network") String network,
            @QueryParam("asOf") LocalDate asOf,
            @QueryParam("knownAt") String knownAt,
            @Parameter(description = FORMAT) @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        AdoptionQueries.NonAdopters nonAdopters = nonAdopters(solution, network, asOf, knownAt);
        return download(
                format,
                headers,
                () -> {
                    List<List<Object>> rows = new java.util.ArrayList<>();
                    for (AdoptionQueries.NonAdopterGroup g : nonAdopters.byNetwork()) {
                        for (AdoptionQueries.Municipality m : g.municipalities()) {
                            rows.add(List.of(String.valueOf(g.network()), m.kommunenummer(), m.name(), m.level()));
                        }
                    }
                    return Csv.write(List.of("network", "kommunenummer", "name", "level"), rows);
                },
                () -> tables.nonAdopters(solution, nonAdopters));
    }

    @GET
    @Path("usage")
    @Produces({Csv.MEDIA_TYPE, TableExport.XLSX_MEDIA_TYPE})
    @Operation(
            operationId = "getUsage",
            summary = "Usage per municipality as a table to download: ?format=xlsx|csv|csv-comma, or Accept: text/csv")
    @APIResponse(
            responseCode = "200",
            description = "The table",
            content = {
                @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
                @Content(
                        mediaType = TableExport.XLSX_MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    public Response usageDownload(
            @PathParam("solution") String solution,
            @QueryParam("metric") @NotBlank(message = "is required") String metric,
            @QueryParam("period")
                    @NotBlank(message = "is required")
                    @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])", message = "must be a month such as 2024-05")
                    String period,
            @Parameter(description = FORMAT) @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        AdoptionQueries.Usage usage = queries.usage(solution, metric, period);
        return download(
                format,
                headers,
                () -> Csv.write(
                        List.of("kommunenummer", "name", "value", "inhabitants", "per1000"),
                        usage.municipalities().stream()
                                .map(r -> List.<Object>of(
                                        r.group(),
                                        r.name(),
                                        r.value(),
                                        r.inhabitants(),
                                        r.per1000() == null ? "" : r.per1000()))
                                .toList()),
                () -> tables.usage(solution, usage));
    }

    /**
     * A table's download: the form {@code ?format=} names; without it, what Accept asks for, where {@code text/csv}
     * keeps the machine CSV with English headers that clients of version 1 read.
     */
    private static Response download(
            String format, HttpHeaders headers, Supplier<String> legacyCsv, Supplier<TableExport.Table> table) {
        TableExport.Format chosen = TableExport.Format.of(format);
        if (chosen == null) {
            boolean xlsx = headers.getAcceptableMediaTypes().stream()
                    .anyMatch(t -> TableExport.XLSX_MEDIA_TYPE.equals(t.getType() + "/" + t.getSubtype()));
            if (!xlsx) {
                return Response.ok(legacyCsv.get(), Csv.MEDIA_TYPE).build();
            }
            chosen = TableExport.Format.XLSX;
        }
        return TableExport.download(table.get(), chosen);
    }

    @GET
    @Path("non-adopters")
    @Operation(
            operationId = "listNonAdopters",
            summary =
                    "The municipalities where the solution is not ACTIVE, per Diginettverk with names ('85 kommuner har ikke tatt i bruk Kjernejournal')")
    public AdoptionQueries.NonAdopters nonAdopters(
            @PathParam("solution") String solution,
            @Parameter(description = "a Diginettverk's code, e.g. digi-vestland: only its municipalities")
                    @QueryParam("network")
                    String network,
            @Parameter(description = "the day to answer for, counting the municipalities valid that day (default: now)")
                    @QueryParam("asOf")
                    LocalDate asOf,
            @Parameter(description = KnownAt.DESCRIPTION) @QueryParam("knownAt") String knownAt) {
        names.require(ReferenceNames.Kind.NETWORK, "network", network);
        return queries.nonAdopters(solution, network, asOf, KnownAt.parse(knownAt));
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

    @GET
    @Path("municipalities/{kommunenummer}/history")
    @Produces({Csv.MEDIA_TYPE, TableExport.XLSX_MEDIA_TYPE})
    @Operation(
            operationId = "listStatusHistory",
            summary =
                    "The whole status history as a table to download: ?format=xlsx|csv|csv-comma, or Accept: text/csv")
    @APIResponse(
            responseCode = "200",
            description = "The table",
            content = {
                @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
                @Content(
                        mediaType = TableExport.XLSX_MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    public Response historyDownload(
            @PathParam("solution") String solution,
            @PathParam("kommunenummer") String kommunenummer,
            @Parameter(description = FORMAT) @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        List<AdoptionQueries.HistoryRow> rows = queries.history(solution, kommunenummer);
        MunicipalityProjection m = MunicipalityProjection.findById(kommunenummer);
        String name = m == null ? null : m.name;
        return download(
                format,
                headers,
                () -> Csv.write(
                        List.of("kommunenummer", "effectiveDate", "status", "reportedAs", "receivedAt"),
                        rows.stream()
                                .map(r -> List.<Object>of(
                                        kommunenummer,
                                        String.valueOf(r.effectiveDate()),
                                        r.status().name(),
                                        String.valueOf(r.reportedAs()),
                                        String.valueOf(r.receivedAt())))
                                .toList()),
                () -> tables.history(solution, kommunenummer, name, rows));
    }
}
