package no.ks.ehelse.adoption.domain;

import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.platform.events.Outbox;

/** {@code no.ks.ehelse.adoption.ambition-set.v1} on {@code adoption.ambitions.v1}, keyed by solution code. */
@ApplicationScoped
public class AmbitionEvents {

    public static final String TOPIC = "adoption.ambitions.v1";
    public static final String SET = "no.ks.ehelse.adoption.ambition-set.v1";

    /**
     * {@code target} stays the number of municipalities (for a share, the share of those in scope when it was set),
     * so a reader of the first version reads a national count as before.
     */
    public record AmbitionState(
            String solution,
            int year,
            int target,
            String note,
            AdoptionLevel level,
            Double share,
            Integer outOf,
            Ambition.Scope scope,
            String scopeCode) {}

    private final Outbox outbox;

    AmbitionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void set(Ambition a, long goal) {
        String id = a.scope == Ambition.Scope.NATIONAL
                ? a.solution + "/" + a.year
                : a.solution + "/" + a.year + "/" + a.scope + "/" + a.scopeCode;
        outbox.publish(
                TOPIC,
                a.solution,
                SET,
                id,
                new AmbitionState(
                        a.solution, a.year, (int) goal, a.note, a.level, a.share, a.outOf, a.scope, a.scopeCode));
    }
}
