package no.ks.ehelse.enrollment.domain;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/**
 * An information meeting (informasjonsmøte) about a solution, optionally about one of its tracks: a webinar or a
 * meeting at a place that individuals register for. {@link #sequence} counts the changes people's calendars have
 * seen (iCalendar SEQUENCE): 0 when scheduled, one up on every change of time, place or link and on cancelling.
 */
@Entity
public class Meeting extends PanacheEntityBase {

    /** Meetings are held in Norway; times are shown and announced in this zone. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

    public enum Status {
        SCHEDULED,
        CANCELLED
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String solution;

    @Column(name = "track_id")
    public UUID trackId;

    @Column(nullable = false)
    public String title;

    public String description;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    @Column(name = "online_url")
    public String onlineUrl;

    public String place;

    public Integer capacity;

    @Column(name = "registration_closes_at", nullable = false)
    public OffsetDateTime registrationClosesAt;

    @Column(name = "organizer_name", nullable = false)
    public String organizerName;

    @Column(name = "organizer_email", nullable = false)
    public String organizerEmail;

    @Column(nullable = false)
    public int sequence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean hasCapacityFor(long confirmed) {
        return capacity == null || confirmed < capacity;
    }

    /** Registration closes at the closing time, or at the start if that comes first, and on cancelling. */
    public boolean takesRegistrations(OffsetDateTime now) {
        return status == Status.SCHEDULED && now.isBefore(registrationClosesAt) && now.isBefore(startsAt);
    }

    public OffsetDateTime start() {
        return startsAt.atZoneSameInstant(ZONE).toOffsetDateTime();
    }

    public OffsetDateTime end() {
        return endsAt.atZoneSameInstant(ZONE).toOffsetDateTime();
    }

    public OffsetDateTime closes() {
        return registrationClosesAt.atZoneSameInstant(ZONE).toOffsetDateTime();
    }
}
