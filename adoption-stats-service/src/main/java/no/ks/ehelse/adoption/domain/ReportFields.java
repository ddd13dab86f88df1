package no.ks.ehelse.adoption.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import no.ks.ehelse.platform.events.DateRange;
import no.ks.ehelse.platform.events.EventFields;
import no.ks.ehelse.platform.events.PoisonRecordException;

/** The contract's field rules, shared by the Kafka consumer and the REST import. */
public final class ReportFields {

    private ReportFields() {}

    public static String kommunenummer(String number) {
        if (number == null || !number.matches("[0-9]{4}")) {
            throw new RejectedReport("kommunenummer must be 4 digits, was '" + number + "'");
        }
        return number;
    }

    public static String solution(String code) {
        if (code == null || !code.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new RejectedReport("solution must be a code such as 'digihelse', was '" + code + "'");
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
            throw new RejectedReport(e.getMessage());
        }
    }

    public static String period(String text) {
        try {
            return YearMonth.parse(String.valueOf(text)).toString();
        } catch (DateTimeParseException e) {
            throw new RejectedReport("period must be a month (YYYY-MM), was '" + text + "'");
        }
    }

    public static String metric(String metric) {
        if (metric == null || metric.isBlank() || metric.length() > 100) {
            throw new RejectedReport("metric is required (at most 100 characters)");
        }
        return metric;
    }

    public static double value(String text) {
        try {
            return Double.parseDouble(String.valueOf(text));
        } catch (NumberFormatException e) {
            throw new RejectedReport("value must be a number, was '" + text + "'");
        }
    }
}
