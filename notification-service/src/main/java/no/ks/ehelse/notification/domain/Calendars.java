package no.ks.ehelse.notification.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * iCalendar objects (RFC 5545, with iTIP methods of RFC 5546) built with ical4j: meeting invitations and their
 * updates and cancellations, a track's dates, and the subscribable feeds. Times are in {@link MeetingConfig#zone()}
 * with its VTIMEZONE; a track's dates are whole days.
 */
@ApplicationScoped
public class Calendars {

    public static final String PRODUCT = "-//KS og Norsk helsenett//E-helse innforing//NO";

    /** What goes into one VEVENT; {@code attendee} null for a feed (no personal data in a shared URL). */
    public record Entry(
            String uid,
            int sequence,
            String summary,
            String description,
            ZonedDateTime start,
            ZonedDateTime end,
            LocalDate day,
            String location,
            String url,
            boolean cancelled,
            Person organizer,
            Person attendee) {}

    public record Person(String name, String email) {}

    private final ZoneId zone;
    private final VTimeZone timeZone;
    private final Clock clock;

    Calendars(MeetingConfig config, Clock clock) {
        this.zone = config.zone();
        this.clock = clock;
        TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        // ical4j's registry answers a linked zone (Europe/Oslo → Europe/Berlin) with the target's definition: the
        // rules are the same, but the VTIMEZONE must carry the TZID the events name.
        VTimeZone tz = registry.getTimeZone(zone.getId()).getVTimeZone().copy();
        tz.replace(new TzId(zone.getId()));
        tz.removeAll(Property.TZURL);
        this.timeZone = tz;
    }

    public ZoneId zone() {
        return zone;
    }

    /** An iTIP message ({@code REQUEST} or {@code CANCEL}) for a mail attachment. */
    public byte[] message(Method method, List<Entry> entries) {
        return calendar(method, entries, null).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A published calendar for subscription: {@code METHOD:PUBLISH} with the calendar's name. */
    public String feed(String name, List<Entry> entries) {
        return calendar(ImmutableMethod.PUBLISH, entries, name).toString();
    }

    /** The MIME type a mail client expects for an iTIP message, method included. */
    public static String contentType(Method method) {
        return "text/calendar; charset=UTF-8; method=" + method.getValue();
    }

    private Calendar calendar(Method method, List<Entry> entries, String name) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(method);
        if (name != null) {
            calendar.add(new XProperty("X-WR-CALNAME", name));
            calendar.add(new XProperty("X-WR-TIMEZONE", zone.getId()));
        }
        if (entries.stream().anyMatch(e -> e.start() != null)) {
            calendar.add(timeZone);
        }
        Instant now = clock.instant();
        for (Entry e : entries) {
            calendar.add(event(e, method, now));
        }
        return calendar;
    }

    private VEvent event(Entry e, Method method, Instant now) {
        VEvent event = e.start() != null
                ? new VEvent(e.start().withZoneSameInstant(zone), e.end().withZoneSameInstant(zone), e.summary())
                : new VEvent(e.day(), e.day().plusDays(1), e.summary());
        event.replace(new DtStamp(now));
        event.add(new Uid(e.uid()));
        event.add(new Sequence(e.sequence()));
        if (e.description() != null) {
            event.add(new Description(e.description()));
        }
        if (e.location() != null) {
            event.add(new Location(e.location()));
        }
        URI url = uri(e.url());
        if (url != null) {
            event.add(new Url(url));
        }
        if (e.organizer() != null && e.organizer().email() != null) {
            Organizer organizer = new Organizer(mailto(e.organizer().email()));
            if (e.organizer().name() != null) {
                organizer.add(new Cn(e.organizer().name()));
            }
            event.add(organizer);
        }
        if (e.attendee() != null) {
            Attendee attendee = new Attendee(mailto(e.attendee().email()));
            if (e.attendee().name() != null) {
                attendee.add(new Cn(e.attendee().name()));
            }
            attendee.add(Role.REQ_PARTICIPANT);
            attendee.add(
                    e.cancelled() || Method.VALUE_CANCEL.equals(method.getValue())
                            ? PartStat.DECLINED
                            : PartStat.ACCEPTED);
            attendee.add(Rsvp.FALSE);
            event.add(attendee);
        }
        event.add(
                e.cancelled() || Method.VALUE_CANCEL.equals(method.getValue())
                        ? ImmutableStatus.VEVENT_CANCELLED
                        : ImmutableStatus.VEVENT_CONFIRMED);
        // Whole-day dates of a plan do not block the day in anyone's free/busy.
        if (e.start() == null) {
            event.add(ImmutableTransp.TRANSPARENT);
        }
        return event;
    }

    private static URI mailto(String email) {
        return URI.create("mailto:" + email.strip().toLowerCase(Locale.ROOT));
    }

    private static URI uri(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
