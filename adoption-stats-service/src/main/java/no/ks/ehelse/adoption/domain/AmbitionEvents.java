package no.ks.ehelse.adoption.domain;

import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.platform.events.Outbox;

/** {@code no.ks.ehelse.adoption.ambition-set.v1} on {@code adoption.ambitions.v1}, keyed by solution code. */
@ApplicationScoped
public class AmbitionEvents {

    public static final String TOPIC = "adoption.ambitions.v1";
    public static final String SET = "no.ks.ehelse.adoption.ambition-set.v1";

    public record AmbitionState(String solution, int year, int target, String note) {}

    private final Outbox outbox;

    AmbitionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void set(Ambition a) {
        outbox.publish(
                TOPIC,
                a.solution,
                SET,
                a.solution + "/" + a.year,
                new AmbitionState(a.solution, a.year, a.target, a.note));
    }
}
