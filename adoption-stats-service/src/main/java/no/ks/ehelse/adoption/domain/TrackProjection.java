package no.ks.ehelse.adoption.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A track (innføringsløp) as last announced whole on enrollment.tracks.v1: its name and its plan's phases. */
@Entity
@Table(name = "track")
public class TrackProjection extends PanacheEntityBase {

    /** One phase of the plan; either date may be open. */
    public record PlannedPhase(Phase phase, LocalDate starts, LocalDate ends) {}

    @Id
    public UUID id;

    @Column(nullable = false)
    public String solution;

    @Column(nullable = false)
    public String name;

    public String cohort;

    public String vendor;

    @Column(nullable = false)
    public String status;

    @Column(name = "registration_deadline", nullable = false)
    public LocalDate registrationDeadline;

    @Column(name = "kick_off")
    public LocalDate kickOff;

    public LocalDate closing;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<PlannedPhase> phases = new ArrayList<>();

    /** The announcing event's time: an older state arriving later is ignored. */
    @Column(name = "announced_at", nullable = false)
    public OffsetDateTime announcedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
