package no.ks.ehelse.enrollment.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What notification-service reports of an enrollment's confirmation (notification.acknowledgements.v1): escalated
 * when nobody confirmed receipt after the reminder, acknowledged when someone did. Acknowledged wins whatever the
 * order the two events arrive in.
 */
@Entity
@Table(name = "confirmation_receipt")
public class ConfirmationReceipt extends PanacheEntityBase {

    @Id
    @Column(name = "enrollment_id")
    public UUID enrollmentId;

    @Column(name = "track_id", nullable = false)
    public UUID trackId;

    @Column(nullable = false)
    public String kommunenummer;

    public String solution;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    @Column(name = "escalated_at")
    public OffsetDateTime escalatedAt;

    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;

    public boolean unacknowledged() {
        return escalatedAt != null && acknowledgedAt == null;
    }
}
