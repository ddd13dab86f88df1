package no.ks.ehelse.notification.domain;

import java.time.LocalDate;
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

/** enrollment-service's track as last announced: the whole event data, so messages can quote the plan. */
@Entity
@Table(name = "track")
public class TrackProjection extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String solution;

    @Column(nullable = false)
    public String name;

    @Column(name = "registration_deadline", nullable = false)
    public LocalDate registrationDeadline;

    @Column(nullable = false)
    public String status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public JsonNode state;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
