package no.ks.ehelse.notification.api;

import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import no.ks.ehelse.notification.domain.CalendarFeeds;

/**
 * The subscribable iCalendar feeds ({@code text/calendar}), for calendar programs that cannot sign in: the token in
 * the path is the only key. An unknown or renewed-away token is 404, like any address that does not exist.
 */
@Path("/kalender")
@PermitAll
public class CalendarFeedResource {

    private final CalendarFeeds feeds;

    CalendarFeedResource(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @GET
    @Path("{token: [A-Za-z0-9_-]{20,100}}.ics")
    @Operation(hidden = true)
    public Response feed(@PathParam("token") String token) {
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setMaxAge(300);
        return feeds.render(token)
                .map(ics -> Response.ok(ics, "text/calendar; charset=UTF-8")
                        .cacheControl(cache)
                        .header("Content-Disposition", "inline; filename=\"kalender.ics\"")
                        .build())
                .orElseGet(() -> Response.status(404)
                        .type("text/plain; charset=UTF-8")
                        .entity("Ingen kalender her. Adressen kan være fornyet: hent den nye på siden Kalender.")
                        .build());
    }
}
