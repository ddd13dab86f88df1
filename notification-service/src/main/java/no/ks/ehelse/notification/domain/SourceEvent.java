package no.ks.ehelse.notification.domain;

import java.time.OffsetDateTime;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An event that caused notifications, as it was announced (messages are rendered from it). */
@Entity
@Table(name = "source_event")
public class SourceEvent extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String type;

    public String subject;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public JsonNode data;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;
}
