package no.ks.ehelse.notification.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person registered for an information meeting (personal data: removed after the retention period). */
@Entity
@Table(name = "meeting_registration")
public class MeetingRegistration extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "meeting_id", nullable = false)
    public UUID meetingId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String email;

    @Column(nullable = false)
    public String kommunenummer;

    public String role;

    /** CONFIRMED, WAITLISTED or CANCELLED. */
    @Column(nullable = false)
    public String status;

    @Column(name = "waitlist_position")
    public Integer waitlistPosition;

    @Column(name = "cancel_url")
    public String cancelUrl;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static List<MeetingRegistration> of(UUID meetingId, String... statuses) {
        return list("meetingId = ?1 and status in ?2 order by email", meetingId, List.of(statuses));
    }

    public static MeetingRegistration byEmail(UUID meetingId, String email) {
        return MeetingRegistration.<MeetingRegistration>find(
                        "meetingId = ?1 and lower(email) = lower(?2)", meetingId, email)
                .firstResult();
    }
}
