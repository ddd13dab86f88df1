package no.ks.ehelse.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

/**
 * The system clock plus an offset that stays zero unless the test hook is enabled and used. Typed so it is not
 * itself a candidate for {@code Clock} injection points; {@link Clocks} produces the Clock.
 */
@Singleton
@Typed(AdjustableClock.class)
public class AdjustableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    void setNow(Instant now) {
        offset = Duration.between(Instant.now(), now);
    }
}
