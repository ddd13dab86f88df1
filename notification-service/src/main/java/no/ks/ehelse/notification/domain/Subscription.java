package no.ks.ehelse.notification.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** A request to be told of some event types, optionally only about one municipality, network, solution or track. */
@Entity
public class Subscription extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String owner;

    // An array, not a List: Hibernate's choice of JDBC type for a List<String> attribute varied between boots
    // (some bound it as jsonb), while a String[] is always PostgreSQL's text[].
    @Column(name = "event_types", nullable = false, columnDefinition = "text[]")
    public String[] eventTypes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(nullable = false)
    public String address;

    public String kommunenummer;

    public String network;

    public String solution;

    @Column(name = "track_id")
    public UUID trackId;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** For e-mail: each message at once, or in the daily digest. Webhooks are always immediate. */
    @Enumerated(EnumType.STRING)
    @Column(name = "delivery", nullable = false)
    public Cadence cadence = Cadence.IMMEDIATE;

    /**
     * The webhook signing secret ({@code whsec_<base64>}) encrypted at rest ({@link WebhookSecrets}); shown to the
     * creator once, never logged.
     */
    public String secret;

    /** Set when the endpoint answered 410 Gone; a disabled subscription gets nothing more. */
    @Column(name = "disabled_at")
    public OffsetDateTime disabledAt;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SubscriptionStatus status = SubscriptionStatus.ACTIVE;

    @Column(name = "confirmed_at")
    public OffsetDateTime confirmedAt;

    /** The secret before the last rotation, encrypted like {@link #secret}; still signed with until the time below. */
    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public OffsetDateTime previousSecretUntil;

    @Override
    public String toString() {
        return "Subscription[" + id + ", " + channel + ", owner " + owner + "]";
    }

    public List<String> eventTypeList() {
        return List.of(eventTypes);
    }
}
