package no.ks.ehelse.notification.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Whether a municipality confirmed it received its enrollment's confirmation, and what was done while it did not. */
@Entity
@Table(name = "acknowledgement")
public class Acknowledgement extends PanacheEntityBase {

    public enum Status {
        /** The confirmation went out; no answer yet. */
        AWAITING,
        /** No answer within the period: the municipality's contacts were reminded once. */
        REMINDED,
        /** Still none: the network's e-health contact was told. */
        ESCALATED,
        ACKNOWLEDGED,
        /** The enrollment was withdrawn: nothing more to ask. */
        CLOSED
    }

    @Id
    @Column(name = "enrollment_id")
    public UUID enrollmentId;

    @Column(name = "track_id", nullable = false)
    public UUID trackId;

    @Column(nullable = false)
    public String kommunenummer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** The confirmation's event: reminders and escalations quote the same enrollment. */
    @Column(name = "source_event_id", nullable = false)
    public String sourceEventId;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    @Column(name = "reminded_at")
    public OffsetDateTime remindedAt;

    @Column(name = "escalated_at")
    public OffsetDateTime escalatedAt;

    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;

    @Column(name = "next_check_at")
    public OffsetDateTime nextCheckAt;
}
