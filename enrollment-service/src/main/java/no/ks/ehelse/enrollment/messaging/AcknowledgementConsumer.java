package no.ks.ehelse.enrollment.messaging;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.enrollment.domain.ConfirmationReceipt;
import no.ks.ehelse.platform.events.CloudEvent;
import no.ks.ehelse.platform.events.Consumption;
import no.ks.ehelse.platform.events.EventFields;
import no.ks.ehelse.platform.events.Intake;
import no.ks.ehelse.platform.events.PoisonCategory;
import no.ks.ehelse.platform.events.PoisonRecordException;

/**
 * notification-service's receipts of enrollment confirmations: an escalation (nobody confirmed receipt after the
 * reminder) puts the municipality on its network's worklist until an acknowledgement arrives.
 */
@ApplicationScoped
public class AcknowledgementConsumer {

    public static final String ACKNOWLEDGED = "no.ks.ehelse.notification.enrollment-acknowledged.v1";
    public static final String ESCALATED = "no.ks.ehelse.notification.acknowledgement-escalated.v1";
    private static final Intake RECEIPTS = Intake.types(
            "enrollment-service.acknowledgements", "notification.acknowledgements.v1", Set.of(ACKNOWLEDGED, ESCALATED));

    private final Consumption consumption;

    AcknowledgementConsumer(Consumption consumption) {
        this.consumption = consumption;
    }

    @Incoming("notification-acknowledgements")
    @Blocking
    public void consume(String value) {
        consumption.consume(value, RECEIPTS, this::apply);
    }

    private void apply(CloudEvent event) {
        EventFields data = event.fields();
        UUID enrollmentId = data.uuid("enrollmentId");
        OffsetDateTime at = dateTime(data, "at");
        ConfirmationReceipt receipt = ConfirmationReceipt.findById(enrollmentId);
        if (receipt == null) {
            receipt = new ConfirmationReceipt();
            receipt.enrollmentId = enrollmentId;
        }
        receipt.trackId = data.uuid("trackId");
        receipt.kommunenummer = data.text("kommunenummer");
        receipt.solution = data.optionalText("solution");
        receipt.requestedAt = dateTime(data, "requestedAt");
        if (event.type().equals(ACKNOWLEDGED)) {
            receipt.acknowledgedAt = at;
        } else {
            receipt.escalatedAt = at;
        }
        receipt.persist();
    }

    private static OffsetDateTime dateTime(EventFields data, String field) {
        String text = data.text(field);
        try {
            return OffsetDateTime.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new PoisonRecordException(PoisonCategory.INVALID_VALUE, field + " must be a date-time: " + text);
        }
    }
}
