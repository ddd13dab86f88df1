package no.ks.ehelse.notification.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.web.PageLinks;

/**
 * A track's dates as calendar entries: kick-off, common and status meetings, closing (from its plan in the track
 * events) and the registration deadline. Each keeps one UID per (track, kind, index); a moved date raises its
 * SEQUENCE, a removed one (or a cancelled track) becomes a cancellation with a higher SEQUENCE.
 */
@ApplicationScoped
public class TrackCalendar {

    static final List<String> KINDS = List.of("KICK_OFF", "COMMON_MEETING", "STATUS_MEETING", "CLOSING");

    private record Planned(String kind, int index, LocalDate day, String title) {}

    private final Clock clock;
    private final PageLinks pages;

    TrackCalendar(Clock clock, PageLinks pages) {
        this.clock = clock;
        this.pages = pages;
    }

    /** Brings the track's entries in line with the projection as it is now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(TrackProjection track) {
        Map<String, TrackCalendarEntry> existing = new HashMap<>();
        for (TrackCalendarEntry e : TrackCalendarEntry.ofTrack(track.id)) {
            existing.put(e.uid, e);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean trackCancelled = "CANCELLED".equals(track.status);
        Map<String, Planned> planned = trackCancelled ? Map.of() : planned(track);
        for (Map.Entry<String, Planned> p : planned.entrySet()) {
            TrackCalendarEntry e = existing.remove(p.getKey());
            Planned date = p.getValue();
            if (e == null) {
                e = new TrackCalendarEntry();
                e.uid = p.getKey();
                e.trackId = track.id;
                e.kind = date.kind();
                e.index = date.index();
                e.sequence = 0;
            } else if (e.day.equals(date.day()) && e.title.equals(date.title()) && !e.cancelled) {
                continue;
            } else {
                e.sequence++;
            }
            e.day = date.day();
            e.title = date.title();
            e.cancelled = false;
            e.updatedAt = now;
            e.persist();
        }
        for (TrackCalendarEntry gone : existing.values()) {
            if (!gone.cancelled) {
                gone.cancelled = true;
                gone.sequence++;
                gone.updatedAt = now;
            }
        }
    }

    /** The track's entries (cancelled ones too) for a calendar; {@code attendee} for an invitation, else null. */
    public List<Calendars.Entry> entries(TrackProjection track, Calendars.Person attendee, boolean cancelledOnly) {
        List<Calendars.Entry> entries = new ArrayList<>();
        Calendars.Person lead = lead(track);
        String url = pages.url("enrollment", "/losninger/" + track.solution + "#lop-" + track.id);
        for (TrackCalendarEntry e : TrackCalendarEntry.ofTrack(track.id)) {
            if (e.cancelled != cancelledOnly) {
                continue;
            }
            entries.add(new Calendars.Entry(
                    e.uid,
                    e.sequence,
                    e.title,
                    "Innføringsløpet «" + track.name + "» (" + track.solution + "). Plan og påmelding: " + url,
                    null,
                    null,
                    e.day,
                    null,
                    url,
                    e.cancelled,
                    lead,
                    attendee));
        }
        return entries;
    }

    /** The lead's role address as ORGANIZER of a track's dates. */
    static Calendars.Person lead(TrackProjection track) {
        for (JsonNode m : track.state.path("workingGroup")) {
            if ("LEAD".equals(m.path("role").asText()) && m.path("email").isTextual()) {
                return new Calendars.Person(
                        m.path("name").asText(null), m.path("email").asText());
            }
        }
        return null;
    }

    /** The dates the plan names now, by UID, in the plan's order. */
    private static Map<String, Planned> planned(TrackProjection track) {
        JsonNode s = track.state;
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Planned> planned = new LinkedHashMap<>();
        for (JsonNode m : s.path("milestones")) {
            String kind = m.path("kind").asText();
            LocalDate day = date(m.path("date"));
            if (!KINDS.contains(kind) || day == null) {
                continue;
            }
            int index = counts.merge(kind, 1, Integer::sum) - 1;
            planned.put(
                    TrackCalendarEntry.uid(track.id, kind, index),
                    new Planned(kind, index, day, title(kind, m.path("title").asText(null), track.name)));
        }
        // A plan without a kick-off or closing milestone may still name those dates on the track itself.
        addIfAbsent(planned, counts, track, "KICK_OFF", date(s.path("kickOff")));
        addIfAbsent(planned, counts, track, "CLOSING", date(s.path("closing")));
        if (track.registrationDeadline != null) {
            planned.put(
                    TrackCalendarEntry.uid(track.id, "DEADLINE", 0),
                    new Planned("DEADLINE", 0, track.registrationDeadline, "Påmeldingsfrist – " + track.name));
        }
        return planned;
    }

    private static void addIfAbsent(
            Map<String, Planned> planned,
            Map<String, Integer> counts,
            TrackProjection track,
            String kind,
            LocalDate day) {
        if (day != null && !counts.containsKey(kind)) {
            counts.put(kind, 1);
            planned.put(
                    TrackCalendarEntry.uid(track.id, kind, 0),
                    new Planned(kind, 0, day, title(kind, null, track.name)));
        }
    }

    /** "Statusmøte – <track>", or the milestone's own title when it says more than its kind. */
    static String title(String kind, String title, String trackName) {
        String label = Formats.norsk(kind);
        String what = title == null || title.isBlank() || title.strip().equalsIgnoreCase(label)
                ? label
                : title.strip().toLowerCase(java.util.Locale.ROOT).startsWith(label.toLowerCase(java.util.Locale.ROOT))
                        ? title.strip()
                        : label + ": " + title.strip();
        return what + " – " + trackName;
    }

    private static LocalDate date(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
