package no.ks.ehelse.enrollment.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** An implementation track (innføringsløp): one solution, often one cohort (pulje) or one vendor. */
@Entity
public class Track extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String solution;

    @Column(nullable = false)
    public String name;

    public String cohort;

    public String vendor;

    public String description;

    public Integer capacity;

    @Column(name = "registration_opens")
    public LocalDate registrationOpens;

    @Column(name = "registration_deadline", nullable = false)
    public LocalDate registrationDeadline;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TrackStatus status;

    @Column(name = "kick_off")
    public LocalDate kickOff;

    public LocalDate closing;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Plan.Details plan = Plan.Details.EMPTY;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** Confirmed places are limited; null capacity means everyone who enrolls is confirmed. */
    public boolean hasCapacityFor(long occupied) {
        return capacity == null || occupied < capacity;
    }

    public java.util.Optional<Plan.Member> member(Plan.GroupRole role) {
        return plan.workingGroup().stream().filter(m -> m.role() == role).findFirst();
    }
}
