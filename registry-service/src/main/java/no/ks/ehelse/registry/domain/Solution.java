package no.ks.ehelse.registry.domain;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** A national e-health solution in the catalogue, identified by a stable slug (kjernejournal, vkp, ...). */
@Entity
public class Solution extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PriorityArea area;

    @Column(nullable = false)
    public String owner;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SolutionStage stage;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
