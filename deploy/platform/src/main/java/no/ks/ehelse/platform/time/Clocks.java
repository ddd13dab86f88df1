package no.ks.ehelse.platform.time;

import java.time.Clock;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one source of "now". Code takes the time from an injected {@link Clock}, never from the system directly,
 * so tests can move time forward instead of sleeping until real dates. The clock follows the system clock; it
 * can be shifted only through {@link ClockResource}, which production does not enable.
 */
public class Clocks {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock(AdjustableClock clock) {
        return clock;
    }
}
