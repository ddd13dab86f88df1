package no.ks.ehelse.adoption.domain;

import java.io.Serializable;
import java.time.LocalDate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The current status of a municipality for a solution: the report with the latest effective date. */
@Entity
@Table(name = "adoption_status")
@IdClass(AdoptionStatus.Key.class)
public class AdoptionStatus extends PanacheEntityBase {

    public record Key(String solution, String kommunenummer) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    public String solution;

    @Id
    public String kommunenummer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AdoptionLevel status;

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;
}
