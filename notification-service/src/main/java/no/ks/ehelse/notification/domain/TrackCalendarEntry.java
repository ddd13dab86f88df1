package no.ks.ehelse.notification.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One date of a track (a meeting of its plan, or the registration deadline) as a calendar entry. */
@Entity
@Table(name = "track_calendar_entry")
public class TrackCalendarEntry extends PanacheEntityBase {

    @Id
    public String uid;

    @Column(name = "track_id", nullable = false)
    public UUID trackId;

    /** A milestone kind of the track events, or DEADLINE for the registration deadline. */
    @Column(nullable = false)
    public String kind;

    /** The position among the track's dates of the same kind, from 0: part of the stable UID. */
    @Column(name = "idx", nullable = false)
    public int index;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public LocalDate day;

    @Column(nullable = false)
    public int sequence;

    @Column(nullable = false)
    public boolean cancelled;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static List<TrackCalendarEntry> ofTrack(UUID trackId) {
        return list("trackId = ?1 order by day, kind, index", trackId);
    }

    public static String uid(UUID trackId, String kind, int index) {
        return "track-" + trackId + "-"
                + kind.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + index + "@ehelse.ks.example";
    }
}
