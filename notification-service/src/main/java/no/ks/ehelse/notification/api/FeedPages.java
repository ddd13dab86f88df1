package no.ks.ehelse.notification.api;

import java.net.URI;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.ehelse.notification.domain.Channel;
import no.ks.ehelse.notification.domain.MunicipalityProjection;
import no.ks.ehelse.notification.domain.Notification;
import no.ks.ehelse.notification.domain.Notifications;
import no.ks.ehelse.platform.api.Page;
import no.ks.ehelse.platform.api.PageRequest;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;

/**
 * A municipality's feed as a page: what was sent to it, newest first, {@value #PAGE_SIZE} to a page, with read marks.
 * The same rule as the feed API: the municipality itself and admins read it.
 */
@Path("/varsler/{kommunenummer: [0-9]{4}}")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class FeedPages {

    static final int PAGE_SIZE = 20;

    public record FeedPage(String kommunenummer, String municipality, Page<FeedItem> entries, int side, int sider) {

        public boolean hasPrevious() {
            return side > 1;
        }

        public boolean hasNext() {
            return side < sider;
        }

        public int previous() {
            return side - 1;
        }

        public int next() {
            return side + 1;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance feed(FeedPage page);
    }

    private final Notifications notifications;
    private final Caller caller;

    FeedPages(Notifications notifications, Caller caller) {
        this.notifications = notifications;
        this.caller = caller;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance feed(
            @PathParam("kommunenummer") String kommunenummer, @QueryParam("side") @DefaultValue("1") int side) {
        mayRead(kommunenummer);
        MunicipalityProjection municipality = MunicipalityProjection.findById(kommunenummer);
        if (municipality == null) {
            throw ProblemException.notFound("Municipality", kommunenummer);
        }
        String key = Notification.municipalityFeed(kommunenummer);
        long total = notifications.feed(key, false).count();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        // A page past the end (an old bookmark after entries moved on) shows the last one rather than nothing.
        int shown = Math.min(Math.max(side, 1), pages);
        PageRequest request = new PageRequest();
        request.page = shown - 1;
        request.size = PAGE_SIZE;
        return Templates.feed(new FeedPage(
                kommunenummer,
                municipality.name,
                Page.of(notifications.feed(key, false), request, FeedItem::of),
                shown,
                pages));
    }

    /** Marks an entry read ({@code lest=ja}) or unread again ({@code lest=nei}), back to the same page. */
    @POST
    @Path("{id}/lest")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response read(
            @PathParam("kommunenummer") String kommunenummer,
            @PathParam("id") UUID id,
            @RestForm("lest") String read,
            @RestForm("side") @DefaultValue("1") int side) {
        mayRead(kommunenummer);
        Notification entry = notifications
                .find(id)
                .filter(n ->
                        n.channel == Channel.FEED && n.recipient.equals(Notification.municipalityFeed(kommunenummer)))
                .orElseThrow(() -> ProblemException.notFound("Feed entry", id.toString()));
        notifications.markRead(entry, !"nei".equals(read));
        return Response.seeOther(
                        URI.create("/varsler/" + kommunenummer + "?side=" + Math.max(side, 1) + "#varsel-" + id))
                .build();
    }

    private void mayRead(String kommunenummer) {
        boolean own = caller.has(Roles.MUNICIPALITY) && kommunenummer.equals(caller.kommunenummer());
        if (!(caller.has(Roles.ADMIN) || own)) {
            throw new ProblemException(
                    403, "forbidden", "Forbidden", "Only the municipality itself or an admin may read its feed");
        }
    }
}
