package no.ks.ehelse.enrollment.messaging;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.enrollment.domain.SolutionProjection;
import no.ks.ehelse.platform.events.CloudEvent;
import no.ks.ehelse.platform.events.Consumption;
import no.ks.ehelse.platform.events.Intake;

/**
 * Projects the registry's solution catalogue. Every event carries the whole solution, so an upsert is enough;
 * a record that is not a solution event goes to the DLQ.
 */
@ApplicationScoped
public class SolutionCatalogueConsumer {

    private static final Intake SOLUTIONS = Intake.types(
            "enrollment-service.solutions",
            "registry.solutions.v1",
            Set.of("no.ks.ehelse.solution.published.v1", "no.ks.ehelse.solution.changed.v1"));

    private final Consumption consumption;
    private final Clock clock;

    SolutionCatalogueConsumer(Consumption consumption, Clock clock) {
        this.consumption = consumption;
        this.clock = clock;
    }

    @Incoming("registry-solutions")
    @Blocking
    public void consume(String value) {
        consumption.consume(value, SOLUTIONS, this::apply);
    }

    private void apply(CloudEvent event) {
        String code = event.text("code");
        String name = event.text("name");
        String stage = event.text("stage");
        SolutionProjection solution = SolutionProjection.findById(code);
        if (solution == null) {
            solution = new SolutionProjection();
            solution.code = code;
        }
        solution.name = name;
        solution.stage = stage;
        solution.area = event.text("area");
        solution.owner = event.text("owner");
        solution.description = event.optionalText("description");
        solution.requires = event.fields().texts("requires");
        solution.updatedAt = OffsetDateTime.now(clock);
        solution.persist();
    }
}
