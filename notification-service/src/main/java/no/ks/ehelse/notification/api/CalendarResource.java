package no.ks.ehelse.notification.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import no.ks.ehelse.notification.domain.Agenda;
import no.ks.ehelse.notification.domain.CalendarFeed;
import no.ks.ehelse.notification.domain.CalendarFeed.Scope;
import no.ks.ehelse.notification.domain.CalendarFeeds;
import no.ks.ehelse.notification.domain.MunicipalityProjection;
import no.ks.ehelse.notification.domain.TrackProjection;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;

/**
 * Calendars: a municipality's agenda across its tracks with clash warnings, and the subscribable feed URLs of a
 * municipality (its contacts and admins) and of a track (its solution's leads and admins). The feed itself is
 * {@code GET /kalender/<token>.ics}, without sign-in: the URL is the secret, and renewing it retires the old one.
 */
@Path("/api/v1")
@Tag(name = "Calendar", description = "Agenda with clash warnings, and subscribable iCalendar feeds")
public class CalendarResource {

    /** An agenda covers at most this many days, so one answer stays one answer (no paging of a calendar). */
    static final int MAX_DAYS = 366;

    public record FeedLink(String url, OffsetDateTime createdAt) {}

    private final Agenda agenda;
    private final CalendarFeeds feeds;
    private final Caller caller;

    CalendarResource(Agenda agenda, CalendarFeeds feeds, Caller caller) {
        this.agenda = agenda;
        this.feeds = feeds;
        this.caller = caller;
    }

    @GET
    @Path("municipalities/{kommunenummer}/agenda")
    @RolesAllowed({Roles.ADMIN, Roles.LEAD, Roles.MUNICIPALITY, Roles.READER})
    @Operation(
            operationId = "getMunicipalityAgenda",
            summary = "The municipality's dates across its tracks and information meetings, from..to (default: "
                    + "today and a year on, at most 366 days), with warnings for overlapping meetings of two tracks "
                    + "and for busy weeks")
    public Agenda.AgendaView agenda(
            @PathParam("kommunenummer") String kommunenummer,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        MunicipalityProjection m = municipality(kommunenummer);
        if (caller.has(Roles.MUNICIPALITY)
                && !caller.has(Roles.ADMIN)
                && !kommunenummer.equals(caller.kommunenummer())) {
            throw forbidden("Only the municipality itself, leads, readers and admins read its agenda");
        }
        LocalDate start = from == null ? LocalDate.now(java.time.ZoneId.of("Europe/Oslo")) : date("from", from);
        LocalDate end = to == null ? start.plusYears(1).minusDays(1) : date("to", to);
        if (end.isBefore(start)) {
            throw ProblemException.invalidField("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw ProblemException.invalidField("to", "at most " + MAX_DAYS + " days after from");
        }
        return agenda.of(kommunenummer, m.name, start, end);
    }

    @GET
    @Path("municipalities/{kommunenummer}/calendar-feed")
    @RolesAllowed({Roles.ADMIN, Roles.MUNICIPALITY})
    @Operation(
            operationId = "getMunicipalityCalendarFeed",
            summary = "The URL of the municipality's subscribable calendar (made on first request)")
    public FeedLink municipalityFeed(@PathParam("kommunenummer") String kommunenummer) {
        ownMunicipality(kommunenummer);
        return link(feeds.feed(Scope.MUNICIPALITY, kommunenummer));
    }

    @POST
    @Path("municipalities/{kommunenummer}/calendar-feed/renewal")
    @RolesAllowed({Roles.ADMIN, Roles.MUNICIPALITY})
    @Operation(
            operationId = "renewMunicipalityCalendarFeed",
            summary = "A new URL for the municipality's calendar; the old one answers 404 from now on")
    public FeedLink renewMunicipalityFeed(@PathParam("kommunenummer") String kommunenummer) {
        ownMunicipality(kommunenummer);
        return link(feeds.renew(Scope.MUNICIPALITY, kommunenummer));
    }

    @GET
    @Path("tracks/{trackId}/calendar-feed")
    @RolesAllowed({Roles.ADMIN, Roles.LEAD})
    @Operation(
            operationId = "getTrackCalendarFeed",
            summary = "The URL of the track's subscribable calendar (made on first request)")
    public FeedLink trackFeed(@PathParam("trackId") UUID trackId) {
        ownTrack(trackId);
        return link(feeds.feed(Scope.TRACK, trackId.toString()));
    }

    @POST
    @Path("tracks/{trackId}/calendar-feed/renewal")
    @RolesAllowed({Roles.ADMIN, Roles.LEAD})
    @Operation(
            operationId = "renewTrackCalendarFeed",
            summary = "A new URL for the track's calendar; the old one answers 404 from now on")
    public FeedLink renewTrackFeed(@PathParam("trackId") UUID trackId) {
        ownTrack(trackId);
        return link(feeds.renew(Scope.TRACK, trackId.toString()));
    }

    private FeedLink link(CalendarFeed feed) {
        return new FeedLink(feeds.url(feed), feed.createdAt);
    }

    private void ownMunicipality(String kommunenummer) {
        municipality(kommunenummer);
        if (!caller.has(Roles.ADMIN) && !kommunenummer.equals(caller.kommunenummer())) {
            throw forbidden("Only the municipality itself or an admin may see or renew its calendar's address");
        }
    }

    private void ownTrack(UUID trackId) {
        TrackProjection track = TrackProjection.findById(trackId);
        if (track == null) {
            throw ProblemException.notFound("Track", trackId.toString());
        }
        if (!caller.has(Roles.ADMIN) && !caller.solutions().contains(track.solution)) {
            throw forbidden("Only a lead of the track's solution or an admin may see or renew its calendar's address");
        }
    }

    private static MunicipalityProjection municipality(String kommunenummer) {
        if (!kommunenummer.matches("[0-9]{4}")) {
            throw ProblemException.invalidField("kommunenummer", "must be a 4-digit kommunenummer");
        }
        MunicipalityProjection m = MunicipalityProjection.findById(kommunenummer);
        if (m == null) {
            throw ProblemException.notFound("Municipality", kommunenummer);
        }
        return m;
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be a date, yyyy-MM-dd");
        }
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }
}
