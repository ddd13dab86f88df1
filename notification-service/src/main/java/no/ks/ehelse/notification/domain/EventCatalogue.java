package no.ks.ehelse.notification.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.ks.ehelse.platform.api.ProblemException;

/**
 * The event types a subscription may name: those of docs/events (AsyncAPI and schemas) on the topics this service
 * consumes and tells people about, enrollment-service's {@code enrollment.tracks.v1} and
 * {@code enrollment.enrollments.v1}. Anything else would be accepted and never fire, so it is refused.
 * EventCatalogueTest keeps this list the same as docs/events.
 */
public final class EventCatalogue {

    /** Each type with its name for people, in the order pages offer them. */
    public static final Map<String, String> LABELS = labels();

    public static final List<String> TYPES = List.copyOf(LABELS.keySet());

    private static Map<String, String> labels() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("no.ks.ehelse.enrollment.enrolled.v1", "En kommune meldte seg på (bekreftet eller venteliste)");
        types.put("no.ks.ehelse.enrollment.waitlist-promoted.v1", "En kommune fikk plass fra ventelisten");
        types.put("no.ks.ehelse.enrollment.withdrawn.v1", "En kommune meldte avbud");
        types.put("no.ks.ehelse.enrollment.phase-changed.v1", "En påmelding gikk over i en ny fase");
        types.put("no.ks.ehelse.enrollment.prerequisites-completed.v1", "En kommune fullførte forutsetningene");
        types.put("no.ks.ehelse.enrollment.deadline-passed.v1", "En forutsetning passerte fristen");
        types.put("no.ks.ehelse.enrollment.went-live.v1", "En kommune tok løsningen i bruk");
        types.put("no.ks.ehelse.enrollment.completed.v1", "En innføring ble fullført");
        types.put("no.ks.ehelse.track.created.v1", "Et innføringsløp ble opprettet");
        types.put("no.ks.ehelse.track.opened.v1", "Et innføringsløp åpnet for påmelding");
        types.put("no.ks.ehelse.track.changed.v1", "Et innføringsløp ble endret");
        types.put("no.ks.ehelse.track.deadline-approaching.v1", "Påmeldingsfristen nærmer seg");
        types.put("no.ks.ehelse.track.deadline-extended.v1", "Påmeldingsfristen ble forlenget");
        types.put("no.ks.ehelse.track.deadline-passed.v1", "Påmeldingsfristen gikk ut");
        return Collections.unmodifiableMap(types);
    }

    private EventCatalogue() {}

    /** Refuses the first type not in the catalogue with a problem naming it and listing the allowed ones. */
    static void check(List<String> eventTypes) {
        for (int i = 0; i < eventTypes.size(); i++) {
            if (!TYPES.contains(eventTypes.get(i))) {
                throw ProblemException.invalidField(
                                "eventTypes[" + i + "]",
                                "unknown event type " + eventTypes.get(i) + "; allowed: " + String.join(", ", TYPES))
                        .with("allowed", TYPES);
            }
        }
    }
}
