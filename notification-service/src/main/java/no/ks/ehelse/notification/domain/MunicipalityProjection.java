package no.ks.ehelse.notification.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The registry's municipality, as far as addressing and naming messages needs it. */
@Entity
@Table(name = "municipality")
public class MunicipalityProjection extends PanacheEntityBase {

    @Id
    public String kommunenummer;

    @Column(nullable = false)
    public String name;

    public String network;

    @Column(name = "epj_vendor")
    public String epjVendor;

    /** The registry's vendor codes for the municipality (EPJ and welfare technology). */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    @Column(nullable = false)
    public java.util.List<String> vendors = java.util.List.of();

    /** The municipality's official målform, as the registry has it. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Language language = Language.BOKMAL;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean currentOn(LocalDate day) {
        return validTo == null || !validTo.isBefore(day);
    }
}
