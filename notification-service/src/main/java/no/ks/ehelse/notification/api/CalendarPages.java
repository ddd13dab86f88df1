package no.ks.ehelse.notification.api;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.ehelse.notification.domain.Agenda;
import no.ks.ehelse.notification.domain.CalendarFeed.Scope;
import no.ks.ehelse.notification.domain.CalendarFeeds;
import no.ks.ehelse.notification.domain.MunicipalityProjection;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;
import no.ks.ehelse.platform.web.PageNotice;

/**
 * A municipality's calendar as a page: its agenda for the next twelve months across its tracks and information
 * meetings, the warnings (two tracks at once, busy weeks), and the address to subscribe to with a calendar program,
 * which the page can renew. The same rule as the feed page: the municipality itself and admins.
 */
@Path("/varsler/{kommunenummer: [0-9]{4}}/kalender")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class CalendarPages {

    static final PageNotice RENEWED =
            new PageNotice("ny-adresse", "Kalenderen har fått ny adresse. Den gamle virker ikke lenger.");

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final DateTimeFormatter WEEKDAY =
            DateTimeFormatter.ofPattern("EEEE", Locale.forLanguageTag("nb-NO"));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm");

    /** One row: the agenda item with its date and time as people read them. */
    public record Row(Agenda.AgendaItem item, String weekday, String time, boolean clash) {}

    public record CalendarPage(
            String kommunenummer,
            String municipality,
            Agenda.AgendaView agenda,
            java.util.List<Row> rows,
            String feedUrl,
            String webcalUrl,
            String notice) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance calendar(CalendarPage page);
    }

    private final Agenda agenda;
    private final CalendarFeeds feeds;
    private final Caller caller;
    private final Clock clock;

    CalendarPages(Agenda agenda, CalendarFeeds feeds, Caller caller, Clock clock) {
        this.agenda = agenda;
        this.feeds = feeds;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance page(
            @PathParam("kommunenummer") String kommunenummer, @QueryParam("melding") String notice) {
        MunicipalityProjection m = mayRead(kommunenummer);
        LocalDate today = LocalDate.now(clock.withZone(OSLO));
        Agenda.AgendaView view =
                agenda.of(kommunenummer, m.name, today, today.plusYears(1).minusDays(1));
        java.util.Set<String> clashing = new java.util.HashSet<>();
        view.warnings().stream()
                .filter(w -> w.type() == Agenda.AgendaWarningType.OVERLAP)
                .forEach(w -> clashing.addAll(w.uids()));
        java.util.List<Row> rows = view.items().stream()
                .map(i -> new Row(
                        i,
                        WEEKDAY.format(i.date()),
                        i.start() == null ? "Hele dagen" : "kl. " + TIME.format(i.start()) + "–" + TIME.format(i.end()),
                        clashing.contains(i.uid())))
                .toList();
        String url = feeds.url(feeds.feed(Scope.MUNICIPALITY, kommunenummer));
        return Templates.calendar(new CalendarPage(
                kommunenummer,
                m.name,
                view,
                rows,
                url,
                url.replaceFirst("^https?://", "webcal://"),
                PageNotice.textOf(notice, RENEWED)));
    }

    /** A new subscription address; the old one stops working (e.g. after it was shared by mistake). */
    @POST
    @Path("ny-adresse")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response renew(@PathParam("kommunenummer") String kommunenummer) {
        mayRead(kommunenummer);
        feeds.renew(Scope.MUNICIPALITY, kommunenummer);
        return Response.seeOther(
                        URI.create("/varsler/" + kommunenummer + "/kalender?melding=" + RENEWED.param() + "#abonner"))
                .build();
    }

    private MunicipalityProjection mayRead(String kommunenummer) {
        boolean own = caller.has(Roles.MUNICIPALITY) && kommunenummer.equals(caller.kommunenummer());
        if (!(caller.has(Roles.ADMIN) || own)) {
            throw new ProblemException(
                    403, "forbidden", "Forbidden", "Only the municipality itself or an admin may read its calendar");
        }
        MunicipalityProjection municipality = MunicipalityProjection.findById(kommunenummer);
        if (municipality == null) {
            throw ProblemException.notFound("Municipality", kommunenummer);
        }
        return municipality;
    }
}
