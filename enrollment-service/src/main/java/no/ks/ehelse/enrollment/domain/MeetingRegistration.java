package no.ks.ehelse.enrollment.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One person's registration for an information meeting (påmelding til møte). Name, e-mail and role are personal
 * data, nulled by {@link MeetingRetention}; the kommunenummer stays for the counts.
 */
@Entity
@Table(name = "meeting_registration")
public class MeetingRegistration extends PanacheEntityBase {

    public enum Status {
        CONFIRMED,
        WAITLISTED,
        CANCELLED
    }

    @Id
    public UUID id;

    @Column(name = "meeting_id", nullable = false)
    public UUID meetingId;

    public String name;

    /** Lower-case, stripped: one registration per address and meeting. */
    public String email;

    @Column(nullable = false)
    public String kommunenummer;

    public String role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "queue_number", nullable = false)
    public int queueNumber;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @Column(name = "anonymised_at")
    public OffsetDateTime anonymisedAt;
}
