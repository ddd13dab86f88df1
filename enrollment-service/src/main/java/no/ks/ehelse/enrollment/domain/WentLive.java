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

/** A municipality uses a solution: recorded by a lead, or announced by adoption-stats from NHN's data. */
@Entity
@Table(name = "went_live")
@IdClass(WentLive.Key.class)
public class WentLive extends PanacheEntityBase {

    public record Key(String kommunenummer, String solution) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    public String kommunenummer;

    @Id
    public String solution;

    @Column(name = "went_live_on", nullable = false)
    public LocalDate wentLiveOn;

    @Column(nullable = false)
    public String source;

    static Optional<WentLive> find(String kommunenummer, String solution) {
        return findByIdOptional(new Key(kommunenummer, solution));
    }

    /** Keeps the earliest date: a later report does not move when the municipality went live. */
    static void record(String kommunenummer, String solution, LocalDate on, String source) {
        WentLive existing = WentLive.findById(new Key(kommunenummer, solution));
        if (existing == null) {
            WentLive live = new WentLive();
            live.kommunenummer = kommunenummer;
            live.solution = solution;
            live.wentLiveOn = on;
            live.source = source;
            live.persist();
        } else if (on.isBefore(existing.wentLiveOn)) {
            existing.wentLiveOn = on;
        }
    }
}
