package no.ks.ehelse.notification.domain;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Information meetings' mails and calendars (docs/notifications.md, "Information meetings" and "Calendars"). */
@ConfigMapping(prefix = "ehelse.meetings")
public interface MeetingConfig {

    /** How long after a meeting's end its registrations (names, addresses, roles) are kept. */
    @WithDefault("P90D")
    Duration retention();

    /** On the day before a meeting, reminders go out from this local time on. */
    @WithDefault("09:00")
    LocalTime reminderTime();

    /** The zone meetings and track dates are in: calendars carry it as TZID with its VTIMEZONE. */
    @WithDefault("Europe/Oslo")
    ZoneId zone();

    /** How often reminders and retention are looked at. */
    @WithDefault("60s")
    Duration checkInterval();

    Calendar calendar();

    interface Calendar {
        /**
         * The public base URL of this service's {@code /kalender/<token>.ics} feeds: absolute, since the URL is pasted
         * into a calendar program.
         */
        @WithDefault("http://localhost:8084")
        String feedBaseUrl();

        /** An agenda warns when more than this many dates of a municipality fall in one ISO week. */
        @WithDefault("3")
        int busyWeekLimit();
    }
}
