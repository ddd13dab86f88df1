package no.ks.ehelse.adoption.domain;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.platform.events.Outbox;

/**
 * {@code no.ks.ehelse.adoption.went-live.v1} and {@code no.ks.ehelse.adoption.level-changed.v1} on
 * {@code adoption.events.v1}, keyed by kommunenummer.
 */
@ApplicationScoped
public class AdoptionEvents {

    public static final String TOPIC = "adoption.events.v1";
    public static final String WENT_LIVE = "no.ks.ehelse.adoption.went-live.v1";
    public static final String LEVEL_CHANGED = "no.ks.ehelse.adoption.level-changed.v1";

    public record WentLive(String kommunenummer, String solution, LocalDate effectiveDate) {}

    /** The level the ledger now holds for a municipality and solution, and the day it took effect. */
    public record LevelChanged(String kommunenummer, String solution, String level, LocalDate effectiveDate) {}

    private final Outbox outbox;

    AdoptionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void wentLive(List<WentLive> wentLive) {
        outbox.publishAll(wentLive.stream()
                .map(w -> new Outbox.Pending(
                        TOPIC, w.kommunenummer(), WENT_LIVE, w.kommunenummer() + "/" + w.solution(), w))
                .toList());
    }

    /**
     * The levels a batch changed, so that other services can follow NHN's level without reading this database
     * (enrollment-service's worklist and readiness). A redelivered or stale report changes no level, so it is not
     * announced.
     */
    public void levelsChanged(List<LevelChanged> changed) {
        outbox.publishAll(changed.stream()
                .map(c -> new Outbox.Pending(
                        TOPIC, c.kommunenummer(), LEVEL_CHANGED, c.kommunenummer() + "/" + c.solution(), c))
                .toList());
    }
}
