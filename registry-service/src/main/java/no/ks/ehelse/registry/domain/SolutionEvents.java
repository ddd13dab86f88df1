package no.ks.ehelse.registry.domain;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.platform.events.Outbox;

/**
 * Solution events on {@code registry.solutions.v1}, keyed by solution code. The topic is compacted and every
 * event carries the whole solution, so a consumer that starts later rebuilds the catalogue from the topic.
 */
@ApplicationScoped
public class SolutionEvents {

    public static final String TOPIC = "registry.solutions.v1";
    public static final String PUBLISHED = "no.ks.ehelse.solution.published.v1";
    public static final String CHANGED = "no.ks.ehelse.solution.changed.v1";

    /** The data of both event types: the solution as it now is. */
    public record SolutionState(
            String code,
            String name,
            PriorityArea area,
            String owner,
            String description,
            SolutionStage stage,
            List<String> requires) {

        static SolutionState of(Solution s) {
            return new SolutionState(s.code, s.name, s.area, s.owner, s.description, s.stage, List.copyOf(s.requires));
        }
    }

    private final Outbox outbox;

    SolutionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void published(Solution solution) {
        outbox.publish(TOPIC, solution.code, PUBLISHED, solution.code, SolutionState.of(solution));
    }

    public void changed(Solution solution) {
        outbox.publish(TOPIC, solution.code, CHANGED, solution.code, SolutionState.of(solution));
    }
}
