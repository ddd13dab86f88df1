package no.ks.ehelse.notification.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An information meeting as enrollment-service last announced it: the whole event data in {@code state}. */
@Entity
@Table(name = "meeting")
public class MeetingProjection extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public int sequence;

    @Column(nullable = false)
    public String solution;

    @Column(name = "track_id")
    public UUID trackId;

    @Column(nullable = false)
    public String title;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    /** SCHEDULED or CANCELLED. */
    @Column(nullable = false)
    public String status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public JsonNode state;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean cancelled() {
        return "CANCELLED".equals(status);
    }

    public String text(String field) {
        JsonNode v = state.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }
}
