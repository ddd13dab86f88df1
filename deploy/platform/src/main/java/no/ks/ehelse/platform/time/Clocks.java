package no.ks.ehelse.platform.time;

import java.time.Clock;

import io.quarkus.arc.DefaultBean;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

/**
 * The one source of "now". Code takes the time from an injected {@link Clock}, never from the system directly,
 * so tests can move time forward instead of sleeping until real dates.
 */
public class Clocks {

    @Produces
    @DefaultBean
    @Singleton
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
