package no.ks.ehelse.registry.domain;

import java.time.LocalDate;
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

/**
 * A municipality number with the period it is valid for. Current numbers carry population, network and health
 * region; former numbers only their name, county digits and period (see {@link Succession} for what they became).
 */
@Entity
public class Municipality extends PanacheEntityBase {

    @Id
    public String kommunenummer;

    @Column(nullable = false)
    public String name;

    /** The fylkesnummer of the number (its first two digits); may be a county that no longer exists. */
    @Column(nullable = false)
    public String county;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    public Integer population;

    @Column(name = "population_date")
    public LocalDate populationDate;

    /** Code of the Diginettverk. */
    public String network;

    @Column(name = "health_region")
    public String healthRegion;

    /** Free text, kept for compatibility; {@link #vendors} are the references. */
    @Column(name = "epj_vendor")
    public String epjVendor;

    /** Codes of the municipality's EPJ and welfare-technology vendors ({@link Vendor}). */
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "municipality_vendor", joinColumns = @JoinColumn(name = "kommunenummer"))
    @Column(name = "vendor")
    @SortNatural
    public SortedSet<String> vendors = new TreeSet<>();

    /** The målform messages to the municipality are written in; bokmål until an admin says otherwise. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Language language = Language.BOKMAL;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean validOn(LocalDate date) {
        return (validFrom == null || !validFrom.isAfter(date)) && (validTo == null || !validTo.isBefore(date));
    }
}
