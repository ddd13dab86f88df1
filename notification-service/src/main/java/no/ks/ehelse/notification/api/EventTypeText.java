package no.ks.ehelse.notification.api;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import io.quarkus.qute.TemplateExtension;
import no.ks.ehelse.notification.domain.Cadence;
import no.ks.ehelse.notification.domain.Channel;
import no.ks.ehelse.notification.domain.EventCatalogue;
import no.ks.ehelse.notification.domain.MessageKind;

/**
 * How the pages name event types, message kinds, channels and cadences in Norwegian. The event types offered for a
 * new subscription are the ones this service consumes (enrollment-service's tracks and enrollments): a subscription
 * to anything else would never be told.
 */
@TemplateExtension
public final class EventTypeText {

    static final Map<String, String> SUBSCRIBABLE = subscribable();

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("d. MMMM yyyy 'kl.' HH.mm", Locale.forLanguageTag("nb-NO"));

    private EventTypeText() {}

    private static Map<String, String> subscribable() {
        return EventCatalogue.LABELS;
    }

    /** {@code {type.eventLabel}}: the Norwegian name of an event type, or the type itself if it has none. */
    static String eventLabel(String type) {
        return SUBSCRIBABLE.getOrDefault(type, type);
    }

    /** {@code {time.norskTid}}: a moment as people in Norway read it, e.g. "1. desember 2026 kl. 07.30". */
    static String norskTid(OffsetDateTime time) {
        return time == null ? "" : TIME.format(time.atZoneSameInstant(OSLO));
    }

    static String label(MessageKind kind) {
        return switch (kind) {
            case ENROLLED_CONFIRMED -> "Påmelding bekreftet";
            case ENROLLED_WAITLISTED -> "Satt på venteliste";
            case WAITLIST_PROMOTED -> "Fått plass";
            case PLACE_FILLED -> "Ledig plass fylt";
            case DEADLINE_APPROACHING -> "Frist nærmer seg";
            case DEADLINE_PASSED -> "Fristen er ute";
            case DEADLINE_EXTENDED -> "Frist forlenget";
            case TRACK_CHANGED -> "Innføringsløp endret";
            case WENT_LIVE -> "Tatt i bruk";
            case WITHDRAWN -> "Avbud";
            case PREREQUISITE_OVERDUE -> "Forutsetning over frist";
            case MEETING_REGISTERED -> "Påmeldt informasjonsmøte";
            case MEETING_WAITLISTED -> "Venteliste til informasjonsmøte";
            case MEETING_CHANGED -> "Informasjonsmøte endret";
            case MEETING_CANCELLED -> "Informasjonsmøte avlyst";
            case MEETING_UNREGISTERED -> "Avmeldt informasjonsmøte";
            case MEETING_REMINDER -> "Påminnelse om informasjonsmøte";
            case ACKNOWLEDGEMENT_REMINDER -> "Påminnelse om å bekrefte";
            case ACKNOWLEDGEMENT_ESCALATED -> "Ikke bekreftet";
            case EVENT -> "Hendelse";
            case SUBSCRIPTION_CONFIRMATION -> "Bekreft abonnement";
        };
    }

    /** {@code {cadence.shortLabel}}: a cadence in a few words, for a list of choices. */
    static String shortLabel(Cadence cadence) {
        return switch (cadence) {
            case IMMEDIATE -> "Straks";
            case DAILY_DIGEST -> "Daglig sammendrag";
            case WEEKLY_DIGEST -> "Ukentlig sammendrag";
            case OFF -> "Av";
        };
    }

    static String label(Channel channel) {
        return switch (channel) {
            case EMAIL -> "E-post";
            case WEBHOOK -> "Webhook";
            case FEED -> "Varsler på nettsiden";
        };
    }

    static String label(Cadence cadence) {
        return switch (cadence) {
            case IMMEDIATE -> "Straks";
            case DAILY_DIGEST -> "Daglig sammendrag: én e-post om dagen";
            case WEEKLY_DIGEST -> "Ukentlig sammendrag: én e-post i uka";
            case OFF -> "Av: bare bekreftelser og det du må gjøre noe med";
        };
    }
}
