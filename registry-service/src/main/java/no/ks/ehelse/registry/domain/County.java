package no.ks.ehelse.registry.domain;

import java.time.LocalDate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A county (fylke) of 2024. */
@Entity
public class County extends PanacheEntityBase {

    @Id
    public String fylkesnummer;

    public String name;

    @Column(name = "valid_from")
    public LocalDate validFrom;
}
