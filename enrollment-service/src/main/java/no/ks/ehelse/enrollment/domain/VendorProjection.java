package no.ks.ehelse.enrollment.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An EPJ or welfare-technology vendor as last announced on registry.vendors.v1. */
@Entity
@Table(name = "vendor")
public class VendorProjection extends PanacheEntityBase {

    /** A solution the vendor's product supports from a day (a future day: announced, not there yet). */
    public record Support(String solution, String product, LocalDate from) {}

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    /** EPJ or WELFARE_TECHNOLOGY. */
    @Column(nullable = false)
    public String kind;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Support> supports = List.of();

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** The earliest day from which a product of this vendor supports the solution, if any does. */
    public Optional<LocalDate> supportsFrom(String solution) {
        return supports.stream()
                .filter(s -> s.solution().equals(solution))
                .map(Support::from)
                .min(LocalDate::compareTo);
    }
}
