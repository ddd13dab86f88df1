package no.ks.ehelse.enrollment.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A solution of the registry's catalogue, as last announced on registry.solutions.v1. */
@Entity
@Table(name = "solution")
public class SolutionProjection extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String stage;

    /** The priority area (innsatsområde), e.g. MEDICINES; null until the registry announces the solution again. */
    public String area;

    public String owner;

    public String description;

    /** Codes of the solutions this one builds on (registry `requires`), e.g. SFM on kjernejournal. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> requires = new ArrayList<>();

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
