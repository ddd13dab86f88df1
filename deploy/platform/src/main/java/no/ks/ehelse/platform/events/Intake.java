package no.ks.ehelse.platform.events;

import java.util.Set;
import java.util.function.Predicate;

/**
 * What one consumer takes from one topic: its name in {@code processed_event} (so redeliveries are recognised),
 * the topic (for reasons), and the event types it applies. A record of another type is either poison (the topic
 * carries only this consumer's types, so a stranger is a producer's mistake) or skipped (a shared topic whose other
 * types are someone else's business).
 */
public record Intake(String consumer, String topic, String expected, Predicate<String> accepts, boolean skipsOthers) {

    /** What {@link #judge} says of a record's type. */
    public enum Verdict {
        APPLY,
        SKIP
    }

    /** Types starting with {@code typePrefix}, e.g. {@code no.ks.ehelse.municipality.}; any other type is poison. */
    public static Intake prefix(String consumer, String topic, String typePrefix) {
        return new Intake(consumer, topic, typePrefix + "*", type -> type.startsWith(typePrefix), false);
    }

    /** Exactly these types; any other type is poison. */
    public static Intake types(String consumer, String topic, Set<String> types) {
        return new Intake(consumer, topic, String.join(", ", new java.util.TreeSet<>(types)), types::contains, false);
    }

    /** The same types, but other types on the topic are skipped instead of dead-lettered. */
    public Intake skippingOthers() {
        return new Intake(consumer, topic, expected, accepts, true);
    }

    /** APPLY or SKIP for the event's type; a type this consumer does not expect on its topic is poison. */
    public Verdict judge(CloudEvent event) {
        if (accepts.test(event.type())) {
            return Verdict.APPLY;
        }
        if (skipsOthers) {
            return Verdict.SKIP;
        }
        throw new PoisonRecordException(
                PoisonCategory.UNEXPECTED_TYPE, "unexpected event type '" + event.type() + "' on " + topic);
    }
}
