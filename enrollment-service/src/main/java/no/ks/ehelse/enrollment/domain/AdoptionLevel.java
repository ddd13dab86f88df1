package no.ks.ehelse.enrollment.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * NHN's level of one municipality for one solution as adoption-stats holds it (adoption.events.v1,
 * {@code no.ks.ehelse.adoption.level-changed.v1}), since the day it took effect.
 */
@Entity
@Table(name = "adoption_level")
@IdClass(AdoptionLevel.Key.class)
public class AdoptionLevel extends PanacheEntityBase {

    public static final String ORDERED = "ORDERED";
    public static final String TECHNICALLY_READY = "TECHNICALLY_READY";
    public static final String ACTIVE = "ACTIVE";

    public record Key(String kommunenummer, String solution) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    public String kommunenummer;

    @Id
    public String solution;

    @Column(nullable = false)
    public String level;

    @Column(nullable = false)
    public LocalDate since;

    public static Optional<AdoptionLevel> of(String kommunenummer, String solution) {
        return findByIdOptional(new Key(kommunenummer, solution));
    }

    /**
     * Holds the level unless the held one took effect later (a late report of an older status is history only,
     * as in adoption-stats' ledger); the same report again changes nothing.
     */
    public static void record(String kommunenummer, String solution, String level, LocalDate since) {
        AdoptionLevel held = findById(new Key(kommunenummer, solution));
        if (held == null) {
            held = new AdoptionLevel();
            held.kommunenummer = kommunenummer;
            held.solution = solution;
        } else if (since.isBefore(held.since)) {
            return;
        }
        held.level = level;
        held.since = since;
        held.persist();
    }
}
