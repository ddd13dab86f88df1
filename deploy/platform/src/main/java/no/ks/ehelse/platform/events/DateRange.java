package no.ks.ehelse.platform.events;

import java.time.LocalDate;

/**
 * The dates a field may plausibly hold. A date outside it is a {@link PoisonRecordException}: dead-lettered with a
 * reason instead of reaching a database column that refuses it (and retrying the partition for a day) or a state
 * that makes every later real report look older.
 *
 * @param earliest the first date accepted
 * @param latest   the last date accepted
 */
public record DateRange(LocalDate earliest, LocalDate latest) {

    /** Any date a PostgreSQL {@code date} column takes and a person writes with a four-digit year. */
    public static final DateRange STORABLE = new DateRange(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31));

    public DateRange {
        if (earliest.isAfter(latest)) {
            throw new IllegalArgumentException("earliest " + earliest + " is after latest " + latest);
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(earliest) && !date.isAfter(latest);
    }
}
