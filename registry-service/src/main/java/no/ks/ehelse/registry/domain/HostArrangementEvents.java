package no.ks.ehelse.registry.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.platform.events.Outbox;

/**
 * Host arrangement events on {@code registry.host-arrangements.v1}, keyed by the arrangement's id. The topic is
 * compacted and every event carries the whole arrangement; an ended one stays on it (validTo, endReason).
 */
@ApplicationScoped
public class HostArrangementEvents {

    public static final String TOPIC = "registry.host-arrangements.v1";
    public static final String REGISTERED = "no.ks.ehelse.host-arrangement.registered.v1";
    public static final String CHANGED = "no.ks.ehelse.host-arrangement.changed.v1";
    public static final String ENDED = "no.ks.ehelse.host-arrangement.ended.v1";

    public record ArrangementState(
            UUID id,
            String name,
            String host,
            List<String> partners,
            boolean allSolutions,
            List<String> solutions,
            LocalDate validFrom,
            LocalDate validTo,
            String endReason) {

        static ArrangementState of(HostArrangement a) {
            return new ArrangementState(
                    a.id,
                    a.name,
                    a.host,
                    List.copyOf(a.partners),
                    a.allSolutions,
                    List.copyOf(a.solutions),
                    a.validFrom,
                    a.validTo,
                    a.endReason);
        }
    }

    private final Outbox outbox;

    HostArrangementEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void publish(String type, HostArrangement arrangement) {
        String key = arrangement.id.toString();
        outbox.publish(TOPIC, key, type, key, ArrangementState.of(arrangement));
    }
}
