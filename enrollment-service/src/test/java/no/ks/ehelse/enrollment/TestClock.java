package no.ks.ehelse.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Replaces the system clock in tests (the platform's clock is a default bean), so tests move time, not sleep. */
public class TestClock {

    private static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.parse("2024-05-01T08:00:00Z"));

    public static void set(LocalDate day) {
        NOW.set(day.atTime(8, 0).toInstant(ZoneOffset.UTC));
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(NOW.get(), ZoneOffset.UTC);
    }

    @Produces
    @Singleton
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return NOW.get();
            }
        };
    }
}
