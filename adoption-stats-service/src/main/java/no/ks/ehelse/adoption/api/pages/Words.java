package no.ks.ehelse.adoption.api.pages;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import no.ks.ehelse.adoption.domain.AdoptionLevel;
import no.ks.ehelse.adoption.domain.Forecasts;

/** Dates, months, numbers and codes as the progress pages say them in bokmål. */
final class Words {

    private static final Locale NB = Locale.forLanguageTag("nb");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", NB);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", NB);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d. MMMM yyyy 'kl.' HH.mm", NB);
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private Words() {}

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    static String month(YearMonth month) {
        return month == null ? "" : MONTH.format(month);
    }

    static String month(String month) {
        return month == null ? "" : month(YearMonth.parse(month));
    }

    /** A moment in Norwegian time, as people read it. */
    static String moment(OffsetDateTime moment) {
        return moment == null ? "" : MOMENT.format(moment.atZoneSameInstant(OSLO));
    }

    static String decimal(Double value) {
        if (value == null) {
            return "";
        }
        String text = String.format(Locale.ROOT, "%.2f", value).replace('.', ',');
        return text.endsWith(",00") ? text.substring(0, text.length() - 3) : text;
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f", share * 100).replace('.', ',') + " %";
    }

    /** What a level counts, as a phrase after "har ...". */
    static String reached(AdoptionLevel level) {
        return switch (level) {
            case ACTIVE -> "tatt i bruk";
            case TECHNICALLY_READY -> "fått gjort tilgjengelig (teknisk tilrettelagt eller i bruk)";
            case ORDERED -> "bestilt";
            default -> level.name();
        };
    }

    static String level(AdoptionLevel level) {
        return switch (level) {
            case ACTIVE -> "I aktiv bruk";
            case TECHNICALLY_READY -> "Teknisk tilrettelagt";
            case ORDERED -> "Bestilt";
            case DISCONTINUED -> "Avsluttet";
            case NONE -> "Ingen status";
        };
    }

    static String target(Forecasts.Target target) {
        return switch (target) {
            case AMBITION -> "Årets ambisjon";
            case ENROLLED -> "De påmeldte kommunene";
            case ALL -> "Alle kommuner";
        };
    }
}
