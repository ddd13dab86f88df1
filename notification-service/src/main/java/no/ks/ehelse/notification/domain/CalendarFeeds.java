package no.ks.ehelse.notification.domain;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.ks.ehelse.notification.domain.CalendarFeed.Scope;

/**
 * Subscribable calendars by unguessable URL: one per municipality (the dates of every track it is enrolled in and
 * the information meetings its people registered for) and one per track. The token (256 random bits) is the only
 * secret; renewing replaces it, and the old URL answers 404 from then on. Feeds name no person.
 */
@ApplicationScoped
public class CalendarFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Calendars calendars;
    private final TrackCalendar tracks;
    private final MeetingConfig config;
    private final Clock clock;

    CalendarFeeds(Calendars calendars, TrackCalendar tracks, MeetingConfig config, Clock clock) {
        this.calendars = calendars;
        this.tracks = tracks;
        this.config = config;
        this.clock = clock;
    }

    /** The scope's feed, made on first request. */
    @Transactional
    public CalendarFeed feed(Scope scope, String owner) {
        CalendarFeed existing =
                CalendarFeed.find("scope = ?1 and ownerKey = ?2", scope, owner).firstResult();
        return existing != null ? existing : create(scope, owner);
    }

    /** A new URL for the scope; the previous one stops working at once. */
    @Transactional
    public CalendarFeed renew(Scope scope, String owner) {
        CalendarFeed.delete("scope = ?1 and ownerKey = ?2", scope, owner);
        CalendarFeed.getEntityManager().flush();
        return create(scope, owner);
    }

    public String url(CalendarFeed feed) {
        String base = config.calendar().feedBaseUrl().strip();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/kalender/" + feed.token + ".ics";
    }

    /** The feed's iCalendar text, or empty for a token that is not (or no longer) a feed. */
    @Transactional
    public Optional<String> render(String token) {
        CalendarFeed feed = CalendarFeed.findById(token);
        if (feed == null) {
            return Optional.empty();
        }
        return Optional.of(
                switch (feed.scope) {
                    case MUNICIPALITY -> municipality(feed.ownerKey);
                    case TRACK -> track(UUID.fromString(feed.ownerKey));
                });
    }

    private String municipality(String kommunenummer) {
        MunicipalityProjection m = MunicipalityProjection.findById(kommunenummer);
        List<Calendars.Entry> entries = new ArrayList<>();
        for (TrackProjection t : Agenda.tracksOf(kommunenummer)) {
            entries.addAll(tracks.entries(t, null, false));
            entries.addAll(tracks.entries(t, null, true));
        }
        for (MeetingProjection meeting : Agenda.meetingsOf(kommunenummer)) {
            entries.add(MeetingMails.entry(meeting, null, meeting.sequence, meeting.cancelled(), calendars.zone()));
        }
        return calendars.feed("E-helse: " + (m == null ? "kommune " + kommunenummer : m.name), entries);
    }

    private String track(UUID trackId) {
        TrackProjection t = TrackProjection.findById(trackId);
        if (t == null) {
            return calendars.feed("E-helse: innføringsløp", List.of());
        }
        List<Calendars.Entry> entries = new ArrayList<>(tracks.entries(t, null, false));
        entries.addAll(tracks.entries(t, null, true));
        for (MeetingProjection meeting : MeetingProjection.<MeetingProjection>list("trackId", trackId)) {
            entries.add(MeetingMails.entry(meeting, null, meeting.sequence, meeting.cancelled(), calendars.zone()));
        }
        return calendars.feed("E-helse: " + t.name, entries);
    }

    private CalendarFeed create(Scope scope, String owner) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        CalendarFeed feed = new CalendarFeed();
        feed.token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        feed.scope = scope;
        feed.ownerKey = owner;
        feed.createdAt = OffsetDateTime.now(clock);
        feed.persist();
        return feed;
    }
}
