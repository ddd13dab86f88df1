package no.ks.ehelse.notification.api;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.quarkus.qute.TemplateExtension;
import no.ks.ehelse.notification.domain.Cadence;
import no.ks.ehelse.notification.domain.Channel;
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
        Map<String, String> types = new LinkedHashMap<>();
        types.put("no.ks.ehelse.enrollment.enrolled.v1", "En kommune meldte seg på (bekreftet eller venteliste)");
        types.put("no.ks.ehelse.enrollment.waitlist-promoted.v1", "En kommune fikk plass fra ventelisten");
        types.put("no.ks.ehelse.enrollment.withdrawn.v1", "En kommune meldte avbud");
        types.put("no.ks.ehelse.enrollment.phase-changed.v1", "En påmelding gikk over i en ny fase");
        types.put("no.ks.ehelse.enrollment.deadline-passed.v1", "En forutsetning passerte fristen");
        types.put("no.ks.ehelse.enrollment.went-live.v1", "En kommune tok løsningen i bruk");
        types.put("no.ks.ehelse.enrollment.completed.v1", "En innføring ble fullført");
        types.put("no.ks.ehelse.track.opened.v1", "Et innføringsløp åpnet for påmelding");
        types.put("no.ks.ehelse.track.changed.v1", "Et innføringsløp ble endret");
        types.put("no.ks.ehelse.track.deadline-approaching.v1", "Påmeldingsfristen nærmer seg");
        types.put("no.ks.ehelse.track.deadline-extended.v1", "Påmeldingsfristen ble forlenget");
        types.put("no.ks.ehelse.track.deadline-passed.v1", "Påmeldingsfristen gikk ut");
        return Collections.unmodifiableMap(types);
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
            case ACKNOWLEDGEMENT_REMINDER -> "Påminnelse om å bekrefte";
            case ACKNOWLEDGEMENT_ESCALATED -> "Ikke bekreftet";
            case EVENT -> "Hendelse";
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
        };
    }
}
