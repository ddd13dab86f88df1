package no.ks.ehelse.registry.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.hibernate.annotations.SortNatural;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/**
 * A host municipality (vertskommune) acting for partner municipalities, for some solutions or all, from
 * {@code validFrom} to {@code validTo} (null: open-ended). Ending one keeps it, with the day and the reason.
 */
@Entity
@Table(name = "host_arrangement")
public class HostArrangement extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** kommunenummer of the host. */
    @Column(nullable = false)
    public String host;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "host_arrangement_partner", joinColumns = @JoinColumn(name = "arrangement"))
    @Column(name = "kommunenummer")
    @SortNatural
    public SortedSet<String> partners = new TreeSet<>();

    @Column(name = "all_solutions", nullable = false)
    public boolean allSolutions;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "host_arrangement_solution", joinColumns = @JoinColumn(name = "arrangement"))
    @Column(name = "solution")
    @SortNatural
    public SortedSet<String> solutions = new TreeSet<>();

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "end_reason")
    public String endReason;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean validOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }

    /** Whether the two periods share a day. */
    boolean overlaps(LocalDate from, LocalDate to) {
        return (validTo == null || !validTo.isBefore(from)) && (to == null || !to.isBefore(validFrom));
    }

    /** Whether the two share a solution (all solutions shares every one). */
    boolean sharesSolutions(boolean all, java.util.Set<String> codes) {
        return allSolutions || all || codes.stream().anyMatch(solutions::contains);
    }

    public boolean involves(String kommunenummer) {
        return host.equals(kommunenummer) || partners.contains(kommunenummer);
    }
}
