package no.ks.ehelse.notification.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A municipality's dates across all its tracks (those it is enrolled in, not withdrawn) and the information meetings
 * its people registered for, with two warnings: two of its tracks meet at overlapping times (a whole-day date
 * overlaps everything on that day), and more than {@code busy-week-limit} dates fall in one ISO week.
 */
@ApplicationScoped
public class Agenda {

    /** One date; {@code start}/{@code end} are null for a whole-day date of a track's plan. */
    public record AgendaItem(
            String uid,
            String kind,
            String title,
            LocalDate date,
            OffsetDateTime start,
            OffsetDateTime end,
            UUID trackId,
            String trackName,
            String solution) {}

    public enum AgendaWarningType {
        OVERLAP,
        BUSY_WEEK
    }

    /** A warning with the dates it is about and a sentence in bokmål. */
    public record AgendaWarning(
            AgendaWarningType type, String message, String isoWeek, LocalDate date, List<String> uids) {}

    public record AgendaView(
            String kommunenummer,
            String municipality,
            LocalDate from,
            LocalDate to,
            List<AgendaItem> items,
            List<AgendaWarning> warnings) {}

    private final MeetingConfig config;

    Agenda(MeetingConfig config) {
        this.config = config;
    }

    public AgendaView of(String kommunenummer, String municipality, LocalDate from, LocalDate to) {
        ZoneId zone = config.zone();
        List<AgendaItem> items = new ArrayList<>();
        for (TrackProjection t : tracksOf(kommunenummer)) {
            for (TrackCalendarEntry e : TrackCalendarEntry.ofTrack(t.id)) {
                if (!e.cancelled && !e.day.isBefore(from) && !e.day.isAfter(to)) {
                    items.add(new AgendaItem(e.uid, e.kind, e.title, e.day, null, null, t.id, t.name, t.solution));
                }
            }
        }
        for (MeetingProjection m : meetingsOf(kommunenummer)) {
            LocalDate day = m.startsAt.atZoneSameInstant(zone).toLocalDate();
            if (!m.cancelled() && !day.isBefore(from) && !day.isAfter(to)) {
                TrackProjection t = m.trackId == null ? null : TrackProjection.findById(m.trackId);
                items.add(new AgendaItem(
                        "meeting-" + m.id + "@ehelse.ks.example",
                        "INFORMATION_MEETING",
                        m.title,
                        day,
                        m.startsAt.atZoneSameInstant(zone).toOffsetDateTime(),
                        m.endsAt.atZoneSameInstant(zone).toOffsetDateTime(),
                        m.trackId,
                        t == null ? null : t.name,
                        m.solution));
            }
        }
        items.sort(Comparator.comparing(AgendaItem::date)
                .thenComparing(i -> i.start() == null ? OffsetDateTime.MIN : i.start())
                .thenComparing(AgendaItem::title));
        List<AgendaWarning> warnings = new ArrayList<>(overlaps(items));
        warnings.addAll(busyWeeks(items, config.calendar().busyWeekLimit()));
        return new AgendaView(kommunenummer, municipality, from, to, items, warnings);
    }

    /** Pairs of meetings of two different tracks that overlap; deadlines are not meetings. */
    static List<AgendaWarning> overlaps(List<AgendaItem> items) {
        List<AgendaWarning> warnings = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            for (int j = i + 1; j < items.size(); j++) {
                AgendaItem a = items.get(i);
                AgendaItem b = items.get(j);
                if (a.trackId() == null
                        || b.trackId() == null
                        || a.trackId().equals(b.trackId())
                        || a.kind().equals("DEADLINE")
                        || b.kind().equals("DEADLINE")
                        || !overlap(a, b)) {
                    continue;
                }
                warnings.add(new AgendaWarning(
                        AgendaWarningType.OVERLAP,
                        "Kollisjon " + Formats.norsk(a.date()) + ": «" + a.title() + "» og «" + b.title()
                                + "» er samtidig, i to ulike innføringsløp.",
                        week(a.date()),
                        a.date(),
                        List.of(a.uid(), b.uid())));
            }
        }
        return warnings;
    }

    static List<AgendaWarning> busyWeeks(List<AgendaItem> items, int limit) {
        Map<String, List<AgendaItem>> byWeek = new TreeMap<>();
        for (AgendaItem item : items) {
            byWeek.computeIfAbsent(week(item.date()), w -> new ArrayList<>()).add(item);
        }
        List<AgendaWarning> warnings = new ArrayList<>();
        byWeek.forEach((week, inWeek) -> {
            if (inWeek.size() > limit) {
                LocalDate first = inWeek.get(0).date();
                warnings.add(new AgendaWarning(
                        AgendaWarningType.BUSY_WEEK,
                        "Travel uke: " + inWeek.size() + " datoer i uke " + first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)
                                + " (" + first.get(IsoFields.WEEK_BASED_YEAR) + "), mer enn " + limit + ".",
                        week,
                        first,
                        inWeek.stream().map(AgendaItem::uid).toList()));
            }
        });
        return warnings;
    }

    private static boolean overlap(AgendaItem a, AgendaItem b) {
        if (!a.date().equals(b.date())) {
            return false;
        }
        if (a.start() == null || b.start() == null) {
            return true;
        }
        return a.start().isBefore(b.end()) && b.start().isBefore(a.end());
    }

    static String week(LocalDate date) {
        return "%d-W%02d".formatted(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The tracks the municipality is enrolled in (any status but withdrawn). */
    static List<TrackProjection> tracksOf(String kommunenummer) {
        return TrackProjection.list(
                "id in (select e.trackId from EnrollmentProjection e where e.kommunenummer = ?1 "
                        + "and e.status <> 'WITHDRAWN') order by name",
                kommunenummer);
    }

    /** Information meetings someone of the municipality is registered for (confirmed or waiting). */
    static List<MeetingProjection> meetingsOf(String kommunenummer) {
        return MeetingProjection.list(
                "id in (select r.meetingId from MeetingRegistration r where r.kommunenummer = ?1 "
                        + "and r.status in ('CONFIRMED', 'WAITLISTED')) order by startsAt",
                kommunenummer);
    }
}
