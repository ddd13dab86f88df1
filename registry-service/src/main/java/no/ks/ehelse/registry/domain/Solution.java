package no.ks.ehelse.registry.domain;

import java.time.OffsetDateTime;
import java.util.SortedSet;
import java.util.TreeSet;

import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.hibernate.annotations.SortNatural;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;

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

    /** Codes of the solutions this one builds on (e.g. SFM and PLL on Kjernejournal). */
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "solution_requirement", joinColumns = @JoinColumn(name = "solution"))
    @Column(name = "requires")
    @SortNatural
    public SortedSet<String> requires = new TreeSet<>();

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
