package no.ks.ehelse.adoption.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import no.ks.ehelse.platform.events.DateRange;
import no.ks.ehelse.platform.events.EventFields;
import no.ks.ehelse.platform.events.PoisonCategory;
import no.ks.ehelse.platform.events.PoisonRecordException;

/** The contract's field rules, shared by the Kafka consumer and the REST import. */
public final class ReportFields {

    private ReportFields() {}

    public static String kommunenummer(String number) {
        if (number == null || !number.matches("[0-9]{4}")) {
            throw new RejectedReport(
                    PoisonCategory.INVALID_VALUE, "kommunenummer must be 4 digits, was '" + number + "'");
        }
        return number;
    }

    public static String solution(String code) {
        if (code == null || !code.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new RejectedReport(
                    PoisonCategory.INVALID_VALUE, "solution must be a code such as 'digihelse', was '" + code + "'");
        }
        return code;
    }

    public static AdoptionLevel level(String status) {
        try {
            AdoptionLevel level = AdoptionLevel.valueOf(String.valueOf(status));
            if (level != AdoptionLevel.NONE) {
                return level;
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw new RejectedReport(
                PoisonCategory.INVALID_VALUE,
                "status must be ORDERED, TECHNICALLY_READY, ACTIVE or DISCONTINUED, was '" + status + "'");
    }

    /**
     * The suite's one date judgement ({@link EventFields#parseDate}) inside the plausible {@code range}
     * ({@link EffectiveDates}), as a rejection of the report.
     */
    public static LocalDate date(String text, DateRange range) {
        try {
            return EventFields.parseDate("effectiveDate", String.valueOf(text), range);
        } catch (PoisonRecordException e) {
            throw new RejectedReport(e.category(), e.getMessage());
        }
    }

    /**
     * A month written {@code yyyy-MM} with four year digits (YearMonth.parse alone also takes {@code +10000-01}, a
     * key no real report has) that overlaps the plausible {@code range} of effective dates.
     */
    public static String period(String text, DateRange range) {
        String notAMonth = "period must be a month (YYYY-MM), was '" + text + "'";
        if (text == null || !text.matches("[0-9]{4}-[0-9]{2}")) {
            throw new RejectedReport(PoisonCategory.INVALID_VALUE, notAMonth);
        }
        YearMonth period;
        try {
            period = YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new RejectedReport(PoisonCategory.INVALID_VALUE, notAMonth);
        }
        YearMonth earliest = YearMonth.from(range.earliest());
        YearMonth latest = YearMonth.from(range.latest());
        if (period.isBefore(earliest) || period.isAfter(latest)) {
            throw new RejectedReport(
                    PoisonCategory.INVALID_VALUE, "period " + period + " is outside " + earliest + " to " + latest);
        }
        return period.toString();
    }

    public static String metric(String metric) {
        if (metric == null || metric.isBlank() || metric.length() > 100) {
            throw new RejectedReport(
                    metric == null || metric.isBlank() ? PoisonCategory.MISSING_FIELD : PoisonCategory.INVALID_VALUE,
                    "metric is required (at most 100 characters)");
        }
        return metric;
    }

    public static double value(String text) {
        try {
            return Double.parseDouble(String.valueOf(text));
        } catch (NumberFormatException e) {
            throw new RejectedReport(PoisonCategory.INVALID_VALUE, "value must be a number, was '" + text + "'");
        }
    }
}
