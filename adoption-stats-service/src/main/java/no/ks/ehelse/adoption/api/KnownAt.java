package no.ks.ehelse.adoption.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import no.ks.ehelse.platform.api.ProblemException;

/** The {@code knownAt} parameter: a moment with an offset, or a day meaning everything received by its end (UTC). */
final class KnownAt {

    static final String DESCRIPTION = "what the suite knew at this moment: only reports received by then count, e.g. "
            + "2024-03-01T12:00:00Z, or a day such as 2024-03-01 for everything received by its end (UTC); "
            + "default: now";

    private KnownAt() {}

    static OffsetDateTime parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value)
                        .plusDays(1)
                        .atStartOfDay()
                        .atOffset(ZoneOffset.UTC)
                        .minusNanos(1000);
            }
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(
                    "knownAt", "must be a moment such as 2024-03-01T12:00:00Z or a day such as 2024-03-01");
        }
    }
}
