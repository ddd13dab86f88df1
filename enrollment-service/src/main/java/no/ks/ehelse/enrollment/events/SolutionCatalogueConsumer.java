package no.ks.ehelse.enrollment.events;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.enrollment.domain.SolutionProjection;
import no.ks.ehelse.platform.events.CloudEvent;
import no.ks.ehelse.platform.events.Consumption;
import no.ks.ehelse.platform.events.PoisonRecordException;
import no.ks.ehelse.platform.events.ProcessedEvents;

/**
 * Projects the registry's solution catalogue. Every event carries the whole solution, so an upsert is enough;
 * a redelivered event id is skipped, a record that is not a solution event goes to the DLQ.
 */
@ApplicationScoped
public class SolutionCatalogueConsumer {

    private final Consumption consumption;

    private static final Logger LOG = Logger.getLogger(SolutionCatalogueConsumer.class);
    static final String CONSUMER = "enrollment-service.solutions";
    private static final Set<String> TYPES = Set.of("no.ks.ehelse.solution.published.v1",
            "no.ks.ehelse.solution.changed.v1");

    private final ProcessedEvents processed;
    private final Clock clock;

    SolutionCatalogueConsumer(ProcessedEvents processed, Clock clock, Consumption consumption) {
        this.consumption = consumption;
        this.processed = processed;
        this.clock = clock;
    }

    @Incoming("registry-solutions")
    @Blocking
    public void consume(String value) {
        consumption.apply(() -> consumeNow(value));
    }

    private void consumeNow(String value) {
        CloudEvent event = CloudEvent.parse(value);
        if (!TYPES.contains(event.type())) {
            throw new PoisonRecordException("unexpected event type '" + event.type() + "' on registry.solutions.v1");
        }
        String code = event.text("code");
        String name = event.text("name");
        String stage = event.text("stage");
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            LOG.debugf("Skipping redelivered event %s", event.id());
            return;
        }
        SolutionProjection solution = SolutionProjection.findById(code);
        if (solution == null) {
            solution = new SolutionProjection();
            solution.code = code;
        }
        solution.name = name;
        solution.stage = stage;
        solution.updatedAt = OffsetDateTime.now(clock);
        solution.persist();
    }
}
