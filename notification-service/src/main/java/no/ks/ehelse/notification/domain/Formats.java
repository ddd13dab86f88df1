package no.ks.ehelse.notification.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/**
 * Norwegian wording for templates: {@code {date.norsk}}, {@code {status.norsk}} in bokmål, {@code {date.nynorsk}},
 * {@code {status.nynorsk}} in nynorsk.
 */
@TemplateExtension
public final class Formats {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("nb-NO"));

    private Formats() {}

    static String norsk(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** Status and category codes from the events, in words. */
    static String norsk(String code) {
        if (code == null) {
            return "";
        }
        return switch (code) {
            case "CONFIRMED" -> "bekreftet";
            case "WAITLISTED" -> "på venteliste";
            case "LIVE" -> "i drift";
            case "COMPLETED" -> "fullført";
            case "WITHDRAWN" -> "trukket";
            case "DRAFT" -> "utkast";
            case "OPEN" -> "åpen for påmelding";
            case "REGISTRATION_CLOSED" -> "påmeldingen er stengt";
            case "RUNNING" -> "pågår";
            case "CANCELLED" -> "avlyst";
            case "KICK_OFF" -> "Oppstart";
            case "COMMON_MEETING" -> "Fellesmøte";
            case "STATUS_MEETING" -> "Statusmøte";
            case "CLOSING" -> "Avslutning";
            case "TECHNICAL" -> "teknisk";
            case "ADMINISTRATIVE" -> "administrativt";
            case "ANCHOR_AND_PREPARE" -> "Forankre og forberede";
            case "CARRY_OUT" -> "Gjennomføre";
            case "CLOSE_AND_REALISE" -> "Avslutte og realisere";
            default -> code;
        };
    }

    /** Dates read the same in nynorsk ("3. mars 2027"); the name keeps the nynorsk templates uniform. */
    static String nynorsk(LocalDate date) {
        return norsk(date);
    }

    /** The codes in nynorsk words; those spelt the same in both forms fall through to {@link #norsk(String)}. */
    static String nynorsk(String code) {
        if (code == null) {
            return "";
        }
        return switch (code) {
            case "CONFIRMED" -> "stadfesta";
            case "WITHDRAWN" -> "trekt";
            case "OPEN" -> "open for påmelding";
            case "REGISTRATION_CLOSED" -> "påmeldinga er stengd";
            case "RUNNING" -> "går føre seg";
            case "ANCHOR_AND_PREPARE" -> "Forankre og førebu";
            default -> norsk(code);
        };
    }

    static String in(Language language, String code) {
        return language.nynorsk() ? nynorsk(code) : norsk(code);
    }
}
