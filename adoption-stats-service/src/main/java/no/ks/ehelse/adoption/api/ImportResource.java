package no.ks.ehelse.adoption.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.ks.ehelse.adoption.domain.ReportImport;
import no.ks.ehelse.platform.security.Roles;

/**
 * NHN's data in bulk over REST: a JSON array, or CSV with a header row (kommunenummer,solution,status,
 * effectiveDate or kommunenummer,solution,metric,period,value). {@code ?dryRun=true} reports what would happen.
 */
@Path("/api/v1/adoption/reports")
@Tag(name = "Import", description = "NHN adoption data in bulk (JSON or CSV), with a dry run")
@RolesAllowed({Roles.NHN, Roles.ADMIN})
public class ImportResource {

    private static final int MAX_ROWS = 50_000;

    private final ReportImport imports;

    ImportResource(ReportImport imports) {
        this.imports = imports;
    }

    @POST
    @Path("status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "importStatusReports",
            summary =
                    "Import status reports (JSON array); the summary counts imported, updated, ignored (duplicate or stale) and rejected rows with the reason")
    public ReportImport.Summary statusJson(
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @NotNull(message = "a JSON array is required")
                    @Size(max = MAX_ROWS, message = "at most 50000 rows per request")
                    List<Map<String, Object>> rows) {
        return imports.statuses(numbered(rows, 1), dryRun);
    }

    @POST
    @Path("status")
    @Consumes(Csv.MEDIA_TYPE)
    @Operation(
            operationId = "importStatusReports",
            summary = "Import status reports (CSV with header kommunenummer,solution,status,effectiveDate)")
    public ReportImport.Summary statusCsv(@QueryParam("dryRun") @DefaultValue("false") boolean dryRun, String body) {
        return imports.statuses(numbered(new ArrayList<>(Csv.read(body)), 2), dryRun);
    }

    @POST
    @Path("usage")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "importUsageReports",
            summary = "Import usage figures (JSON array); a figure for a month already held is a correction")
    public ReportImport.Summary usageJson(
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @NotNull(message = "a JSON array is required")
                    @Size(max = MAX_ROWS, message = "at most 50000 rows per request")
                    List<Map<String, Object>> rows) {
        return imports.usage(numbered(rows, 1), dryRun);
    }

    @POST
    @Path("usage")
    @Consumes(Csv.MEDIA_TYPE)
    @Operation(
            operationId = "importUsageReports",
            summary = "Import usage figures (CSV with header kommunenummer,solution,metric,period,value)")
    public ReportImport.Summary usageCsv(@QueryParam("dryRun") @DefaultValue("false") boolean dryRun, String body) {
        return imports.usage(numbered(new ArrayList<>(Csv.read(body)), 2), dryRun);
    }

    /** Row numbers as the sender sees them: array position from 1, or the CSV line (header = line 1). */
    private static List<ReportImport.Row> numbered(List<? extends Map<String, ?>> rows, int first) {
        if (rows.size() > MAX_ROWS) {
            throw no.ks.ehelse.platform.api.ProblemException.invalidField("rows", "at most 50000 rows per request");
        }
        List<ReportImport.Row> numbered = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> fields = new LinkedHashMap<>();
            Map<String, ?> row = rows.get(i) == null ? Map.of() : rows.get(i);
            row.forEach((k, v) -> fields.put(k, v == null ? null : String.valueOf(v)));
            numbered.add(new ReportImport.Row(first + i, fields));
        }
        return numbered;
    }
}
