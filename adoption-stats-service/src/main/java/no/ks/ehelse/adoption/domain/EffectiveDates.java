package no.ks.ehelse.adoption.domain;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.platform.events.DateRange;

/** The effective dates a status report may carry today ({@link NhnConfig.EffectiveDates}). */
@ApplicationScoped
public class EffectiveDates {

    private final NhnConfig config;
    private final Clock clock;

    EffectiveDates(NhnConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public DateRange today() {
        return new DateRange(
                config.effectiveDates().earliest(),
                LocalDate.now(clock).plus(config.effectiveDates().ahead()));
    }
}
