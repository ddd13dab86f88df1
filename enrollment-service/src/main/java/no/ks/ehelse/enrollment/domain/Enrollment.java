package no.ks.ehelse.enrollment.domain;

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
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A municipality's enrollment (påmelding) in a track. */
@Entity
public class Enrollment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "track_id", nullable = false)
    public UUID trackId;

    @Column(nullable = false)
    public String kommunenummer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EnrollmentStatus status;

    /** Orders the waiting list, first in first out: 1, 2, 3 ... per track, given under the track's lock. */
    @Column(name = "queue_number", nullable = false)
    public int queueNumber;

    @Column(name = "queued_at", nullable = false)
    public OffsetDateTime queuedAt;

    /** Set when an admin, the lead or the municipality's network registered it after the deadline. */
    @Column(name = "late_reason")
    public String lateReason;

    /**
     * For a partner enrollment, the host municipality's own enrollment in the same track under which the host made
     * it (vertskommune arrangement); null when the municipality, its network, a lead or an admin enrolled it.
     */
    @Column(name = "host_enrollment_id")
    public UUID hostEnrollmentId;

    @Enumerated(EnumType.STRING)
    public Plan.Phase phase;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "prerequisites_done")
    public List<String> prerequisitesDone = new ArrayList<>();

    @Column(name = "went_live_on")
    public LocalDate wentLiveOn;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public boolean active() {
        return status != EnrollmentStatus.WITHDRAWN;
    }
}
