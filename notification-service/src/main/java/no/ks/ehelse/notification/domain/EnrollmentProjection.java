package no.ks.ehelse.notification.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An enrollment's current status, for send-time conditions and deadline summaries. */
@Entity
@Table(name = "enrollment")
public class EnrollmentProjection extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "track_id", nullable = false)
    public UUID trackId;

    @Column(nullable = false)
    public String kommunenummer;

    /** Null for enrollments projected before the solution was kept: then the track's solution counts. */
    public String solution;

    @Column(nullable = false)
    public String status;

    @Column(name = "waitlist_position")
    public Integer waitlistPosition;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Enrolled in the sense of the reminders: any status but WITHDRAWN. */
    public static boolean enrolled(UUID trackId, String kommunenummer) {
        return count("trackId = ?1 and kommunenummer = ?2 and status <> 'WITHDRAWN'", trackId, kommunenummer) > 0;
    }
}
