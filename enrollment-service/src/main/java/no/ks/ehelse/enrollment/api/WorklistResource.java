package no.ks.ehelse.enrollment.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.ehelse.enrollment.domain.NetworkAccess;
import no.ks.ehelse.enrollment.domain.Worklist;
import no.ks.ehelse.platform.api.Page;
import no.ks.ehelse.platform.api.PageRequest;
import no.ks.ehelse.platform.api.TableExport;
import no.ks.ehelse.platform.api.TableExport.Column;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;
import no.ks.ehelse.platform.web.PageLinks;

@Path("/api/v1/networks/{network}/worklist")
@Tag(name = "Worklist", description = "What needs doing in a network's municipalities (arbeidsliste)")
@Authenticated
public class WorklistResource {

    private final Worklist worklist;
    private final Caller caller;
    private final PageLinks links;

    WorklistResource(Worklist worklist, Caller caller, PageLinks links) {
        this.worklist = worklist;
        this.caller = caller;
        this.links = links;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.LEAD, Roles.NETWORK, Roles.READER})
    @Operation(
            operationId = "getWorklist",
            summary =
                    "A network's worklist, most urgent first (a network's contact: its own network only); ?format=xlsx|csv|csv-comma downloads all of it")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = {
                @Content(
                        mediaType = "application/json",
                        schema = @Schema(implementation = WorklistView.WorklistPage.class)),
                @Content(mediaType = TableExport.CSV_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
                @Content(
                        mediaType = TableExport.XLSX_MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    public Response get(
            @Parameter(description = "a Diginettverk's code, e.g. digi-vestland") @PathParam("network") String network,
            @Parameter(description = "xlsx, csv (Norwegian Excel) or csv-comma; absent: a JSON page")
                    @QueryParam("format")
                    String format,
            @BeanParam @Valid PageRequest page) {
        TableExport.Format download = TableExport.Format.of(format);
        NetworkAccess.requireNetwork(caller, network);
        List<WorklistView> items = worklist.of(network).stream()
                .map(i -> WorklistView.of(i, links))
                .toList();
        if (download != null) {
            return TableExport.download(table(network, items), download);
        }
        return Response.ok(Page.of(items, page), MediaType.APPLICATION_JSON).build();
    }

    static TableExport.Table table(String network, List<WorklistView> items) {
        TableExport.Builder table = TableExport.Table.named(
                "arbeidsliste-" + network,
                "Arbeidsliste",
                Column.text("Kommunenummer"),
                Column.text("Kommune"),
                Column.text("Årsak"),
                Column.text("Hvorfor"),
                Column.date("Siden"),
                Column.text("Løsning"),
                Column.text("Rettes her"));
        for (WorklistView i : items) {
            table.row(i.kommunenummer(), i.municipality(), i.reason(), i.why(), i.since(), i.solution(), i.fixUrl());
        }
        return table.build();
    }
}
