package no.ks.ehelse.notification.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/**
 * What one source event tells one recipient on one channel; unique on those three. Its message (subject and body)
 * is rendered at send time and kept afterwards for the feed and the log.
 */
@Entity
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MessageKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    /** An e-mail address, {@code kommune:<kommunenummer>} for a municipality's feed, or a webhook subscription id. */
    @Column(nullable = false)
    public String recipient;

    @Column(name = "recipient_name")
    public String recipientName;

    public String kommunenummer;

    @Column(name = "track_id")
    public UUID trackId;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    @Column(nullable = false)
    public boolean digest;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    @Column(name = "read_at")
    public OffsetDateTime readAt;

    public String subject;

    public String body;

    @Column(name = "digest_id")
    public UUID digestId;

    public static String municipalityFeed(String kommunenummer) {
        return "kommune:" + kommunenummer;
    }
}
