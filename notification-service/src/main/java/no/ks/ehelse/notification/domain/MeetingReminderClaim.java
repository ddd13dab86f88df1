package no.ks.ehelse.notification.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A reminder planned for one registration: the row is the claim that makes it exactly one. */
@Entity
@Table(name = "meeting_reminder")
public class MeetingReminderClaim extends PanacheEntityBase {

    @Id
    @Column(name = "registration_id")
    public UUID registrationId;

    @Column(name = "meeting_id", nullable = false)
    public UUID meetingId;

    @Column(name = "planned_at", nullable = false)
    public OffsetDateTime plannedAt;
}
