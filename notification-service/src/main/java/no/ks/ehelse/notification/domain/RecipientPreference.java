package no.ks.ehelse.notification.domain;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Immediate or daily digest, per e-mail address (lower case). */
@Entity
@Table(name = "recipient_preference")
public class RecipientPreference extends PanacheEntityBase {

    @Id
    public String address;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery", nullable = false)
    public Cadence cadence;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
