package no.ks.ehelse.enrollment.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A host municipality arrangement (vertskommune) as last announced on registry.host-arrangements.v1: the host acts
 * for its partners in the solutions it covers (or all), from {@code validFrom} to {@code validTo} inclusive. An
 * ended one stays, as the registry keeps it.
 */
@Entity
@Table(name = "host_arrangement")
public class HostArrangementProjection extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** The host's kommunenummer. */
    @Column(nullable = false)
    public String host;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> partners = new ArrayList<>();

    @Column(name = "all_solutions", nullable = false)
    public boolean allSolutions;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> solutions = new ArrayList<>();

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "end_reason")
    public String endReason;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean validOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }

    public boolean covers(String solution) {
        return allSolutions || solutions.contains(solution);
    }

    /** The host's arrangements valid on {@code day}. */
    static List<HostArrangementProjection> validOf(String host, LocalDate day) {
        return HostArrangementProjection.<HostArrangementProjection>list("host = ?1 ORDER BY name", host).stream()
                .filter(a -> a.validOn(day))
                .toList();
    }

    /** An arrangement valid on {@code day} under which {@code host} acts for {@code partner} in {@code solution}. */
    static Optional<HostArrangementProjection> covering(String host, String partner, String solution, LocalDate day) {
        return validOf(host, day).stream()
                .filter(a -> a.partners.contains(partner) && a.covers(solution))
                .findFirst();
    }
}
