package no.ks.ehelse.notification.domain;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A subscribable calendar: its unguessable token is the URL's only secret. One per municipality or track. */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed extends PanacheEntityBase {

    public enum Scope {
        MUNICIPALITY,
        TRACK
    }

    @Id
    public String token;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Scope scope;

    /** The kommunenummer or the track id. */
    @Column(name = "owner_key", nullable = false)
    public String ownerKey;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
