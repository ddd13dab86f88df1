package no.ks.ehelse.enrollment.api.pages;

import java.util.Arrays;
import java.util.List;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.ehelse.enrollment.domain.NetworkAccess;
import no.ks.ehelse.enrollment.domain.Readiness;
import no.ks.ehelse.enrollment.domain.Worklist;
import no.ks.ehelse.platform.api.TableExport;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.web.PageLinks;

/**
 * A network's worklist as a page: how many items per reason, the items most urgent first with a link to where
 * each is fixed, and per open track whom to invite next. The network's own contact, leads, readers and admins.
 */
@Path("/nettverk/{network: [a-z0-9]+(-[a-z0-9]+)*}")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class WorklistPages {

    /** One reason with its Norwegian heading and how many items it has. */
    @TemplateData
    public record ReasonCount(String code, String label, long count) {}

    /** One row of the page: the item and the address of the page where it is fixed. */
    @TemplateData
    public record Row(Worklist.Item item, String fixUrl, String since) {}

    private final Worklist worklist;
    private final Readiness readiness;
    private final Caller caller;
    private final PageLinks links;
    private final Template page;

    WorklistPages(
            Worklist worklist,
            Readiness readiness,
            Caller caller,
            PageLinks links,
            @Location("pages/worklist.html") Template page) {
        this.worklist = worklist;
        this.readiness = readiness;
        this.caller = caller;
        this.links = links;
        this.page = page;
    }

    @GET
    @Path("arbeidsliste")
    public TemplateInstance show(@PathParam("network") String network) {
        NetworkAccess.requireNetwork(caller, network);
        List<Worklist.Item> items = worklist.of(network);
        List<ReasonCount> counts = Arrays.stream(Worklist.Reason.values())
                .map(r -> new ReasonCount(
                        r.code,
                        label(r),
                        items.stream().filter(i -> i.reason() == r).count()))
                .filter(c -> c.count() > 0)
                .toList();
        List<Row> rows = items.stream()
                .map(i -> new Row(
                        i,
                        links.url(i.fix().service(), i.fix().path()),
                        i.since() == null ? "Ukjent" : Norwegian.norsk(i.since())))
                .toList();
        return page.data("network", network)
                .data("counts", counts)
                .data("rows", rows)
                .data("invitations", readiness.inviteNext(network))
                .data("stalledAfter", worklist.stalledAfter().toTotalMonths());
    }

    @GET
    @Path("arbeidsliste.xlsx")
    @Produces(TableExport.XLSX_MEDIA_TYPE)
    public Response download(@PathParam("network") String network) {
        NetworkAccess.requireNetwork(caller, network);
        TableExport.Builder table = TableExport.Table.named(
                "arbeidsliste-" + network,
                "Arbeidsliste",
                TableExport.Column.text("Kommunenummer"),
                TableExport.Column.text("Kommune"),
                TableExport.Column.text("Årsak"),
                TableExport.Column.text("Hvorfor"),
                TableExport.Column.date("Siden"),
                TableExport.Column.text("Løsning"),
                TableExport.Column.text("Rettes her"));
        for (Worklist.Item i : worklist.of(network)) {
            table.row(
                    i.municipality().kommunenummer,
                    i.municipality().name,
                    label(i.reason()),
                    i.why(),
                    i.since(),
                    i.solution(),
                    links.url(i.fix().service(), i.fix().path()));
        }
        return TableExport.download(table.build(), TableExport.Format.XLSX);
    }

    static String label(Worklist.Reason reason) {
        return switch (reason) {
            case BEHIND_PLAN -> "Bak planen";
            case PREREQUISITE_OVERDUE -> "Forutsetninger over fristen";
            case CONFIRMATION_UNACKNOWLEDGED -> "Ingen har bekreftet mottatt påmelding";
            case NOT_ENROLLED -> "Ikke påmeldt et åpent innføringsløp";
            case NO_CONTACT -> "Ingen kontaktpersoner";
            case NO_EHEALTH_CONTACT -> "Mangler kontaktperson for e-helse";
            case NO_HELSEID_ORDERER -> "Mangler bestiller av HelseID";
            case NHN_LEVEL_STALLED -> "Står stille hos Norsk helsenett";
        };
    }
}
