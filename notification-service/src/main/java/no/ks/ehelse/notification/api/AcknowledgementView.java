package no.ks.ehelse.notification.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import no.ks.ehelse.notification.domain.Acknowledgement;

/** Whether the municipality confirmed it received its enrollment's confirmation, and what was done meanwhile. */
@Schema(name = "Acknowledgement")
public record AcknowledgementView(
        UUID enrollmentId,
        UUID trackId,
        String kommunenummer,

        @Schema(
                description = "AWAITING: confirmation sent, no answer; REMINDED: one reminder sent; ESCALATED: "
                        + "the network's e-health contact was told; ACKNOWLEDGED; CLOSED: withdrawn",
                enumeration = {"AWAITING", "REMINDED", "ESCALATED", "ACKNOWLEDGED", "CLOSED"})
        String status,

        OffsetDateTime requestedAt,
        OffsetDateTime remindedAt,
        OffsetDateTime escalatedAt,
        OffsetDateTime acknowledgedAt) {

    static AcknowledgementView of(Acknowledgement a) {
        return new AcknowledgementView(
                a.enrollmentId,
                a.trackId,
                a.kommunenummer,
                a.status.name(),
                a.requestedAt,
                a.remindedAt,
                a.escalatedAt,
                a.acknowledgedAt);
    }
}
