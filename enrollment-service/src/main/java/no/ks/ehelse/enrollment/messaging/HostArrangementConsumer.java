package no.ks.ehelse.enrollment.messaging;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.enrollment.domain.HostArrangementProjection;
import no.ks.ehelse.platform.events.CloudEvent;
import no.ks.ehelse.platform.events.Consumption;
import no.ks.ehelse.platform.events.EventFields;
import no.ks.ehelse.platform.events.Intake;
import no.ks.ehelse.platform.events.PoisonCategory;
import no.ks.ehelse.platform.events.PoisonRecordException;

/**
 * Projects the registry's host arrangements. Every event (registered, changed, ended) carries the whole
 * arrangement, so an upsert is enough; an ended one stays with its {@code validTo}.
 */
@ApplicationScoped
public class HostArrangementConsumer {

    private static final Intake ARRANGEMENTS = Intake.prefix(
            "enrollment-service.host-arrangements", "registry.host-arrangements.v1", "no.ks.ehelse.host-arrangement.");

    private final Consumption consumption;
    private final Clock clock;

    HostArrangementConsumer(Consumption consumption, Clock clock) {
        this.consumption = consumption;
        this.clock = clock;
    }

    @Incoming("registry-host-arrangements")
    @Blocking
    public void consume(String value) {
        consumption.consume(value, ARRANGEMENTS, this::apply);
    }

    private void apply(CloudEvent event) {
        EventFields data = event.fields();
        UUID id = data.uuid("id");
        HostArrangementProjection a = HostArrangementProjection.findById(id);
        if (a == null) {
            a = new HostArrangementProjection();
            a.id = id;
        }
        a.name = data.text("name");
        a.host = kommunenummer("host", data.text("host"));
        a.partners = data.texts("partners");
        for (int i = 0; i < a.partners.size(); i++) {
            kommunenummer("partners[" + i + "]", a.partners.get(i));
        }
        if (a.partners.isEmpty()) {
            throw new PoisonRecordException(PoisonCategory.MISSING_FIELD, "'partners' must name a partner");
        }
        a.allSolutions = bool(data, "allSolutions");
        a.solutions = data.texts("solutions");
        a.validFrom = data.date("validFrom");
        a.validTo = data.optionalDate("validTo");
        a.endReason = data.optionalText("endReason");
        a.updatedAt = OffsetDateTime.now(clock);
        a.persist();
    }

    private static String kommunenummer(String field, String value) {
        if (!value.matches("[0-9]{4}")) {
            throw new PoisonRecordException(
                    PoisonCategory.INVALID_VALUE, "'" + field + "' must be a 4-digit kommunenummer");
        }
        return value;
    }

    /** A required JSON boolean (EventFields has no boolean accessor). */
    private static boolean bool(EventFields data, String field) {
        var node = data.node().get(field);
        if (node == null || !node.isBoolean()) {
            throw new PoisonRecordException(
                    PoisonCategory.INVALID_VALUE, "missing or non-boolean field '" + field + "'");
        }
        return node.booleanValue();
    }
}
