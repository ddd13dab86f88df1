package no.ks.ehelse.enrollment.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A municipality number as last announced on registry.municipalities.v1. */
@Entity
@Table(name = "municipality")
public class MunicipalityProjection extends PanacheEntityBase {

    public record Successor(String kommunenummer, String name, LocalDate effectiveDate, String changeType) {}

    @Id
    public String kommunenummer;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String county;

    public String network;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Successor> successors = List.of();

    /** Codes of the municipality's EPJ and welfare-technology vendors (registry.vendors.v1); none when unknown. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> vendors = List.of();

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean validOn(LocalDate day) {
        return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || !validTo.isBefore(day));
    }
}
