package no.ks.ehelse.adoption.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An enrollment as last announced on enrollment.enrollments.v1. */
@Entity
@Table(name = "enrollment")
public class EnrollmentProjection extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "track_id", nullable = false)
    public UUID trackId;

    @Column(nullable = false)
    public String solution;

    @Column(nullable = false)
    public String kommunenummer;

    @Column(nullable = false)
    public String status;

    @Column(name = "enrolled_at", nullable = false)
    public OffsetDateTime enrolledAt;

    @Column(name = "went_live_on")
    public LocalDate wentLiveOn;

    /** The phase enrollment-service has it in, null before it has one. */
    @Enumerated(EnumType.STRING)
    public Phase phase;
}
