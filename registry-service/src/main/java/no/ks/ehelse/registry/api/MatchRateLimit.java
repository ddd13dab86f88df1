package no.ks.ehelse.registry.api;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.ks.ehelse.platform.api.ProblemException;

/**
 * A token bucket of names per caller: every role, admin included, since a single request can keep a core busy.
 * In memory per replica (a caller spread over n replicas gets up to n times the rate, which still bounds it).
 */
@ApplicationScoped
public class MatchRateLimit {

    /** Above this many callers, buckets that have refilled completely are dropped (they hold no state). */
    private static final int SWEEP_ABOVE = 10_000;

    /** 429: the caller has used its names for now; {@code retryAfterSeconds} is when this request would fit. */
    public static final class Exceeded extends ProblemException {
        private final long retryAfterSeconds;

        Exceeded(int names, int perPeriod, Duration period, long retryAfterSeconds) {
            super(
                    429,
                    "rate-limited",
                    "Too many names",
                    "Matching " + names + " name(s) would exceed " + perPeriod + " names per " + period.toSeconds()
                            + " s for this caller; retry in " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
            with("retryAfterSeconds", retryAfterSeconds);
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private final int capacity;
    private final Duration period;
    private final long periodNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    MatchRateLimit(MatchConfig config) {
        this(config.rate().names(), config.rate().period(), System::nanoTime);
    }

    MatchRateLimit(int names, Duration period, LongSupplier nanoTime) {
        if (names < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("ehelse.match.rate needs names ≥ 1 and a positive period");
        }
        this.capacity = names;
        this.period = period;
        this.periodNanos = period.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * Takes {@code names} from the caller's bucket or throws {@link Exceeded} without taking any. A request
     * larger than the whole bucket needs the whole bucket.
     */
    public void take(String caller, int names) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > SWEEP_ABOVE) {
            for (String known : buckets.keySet()) {
                buckets.computeIfPresent(known, (k, b) -> b.full(now) ? null : b);
            }
        }
        int cost = Math.min(names, capacity);
        long[] waitNanos = new long[1];
        // compute() holds the caller's entry while taking, so concurrent requests of one caller are counted in turn.
        buckets.compute(caller, (k, b) -> {
            Bucket bucket = b == null ? new Bucket(now) : b;
            waitNanos[0] = bucket.take(cost, now);
            return bucket;
        });
        if (waitNanos[0] > 0) {
            long seconds = Math.max(1, (waitNanos[0] + 999_999_999L) / 1_000_000_000L);
            throw new Exceeded(names, capacity, period, seconds);
        }
    }

    /** Only touched inside the map's compute functions, one thread at a time per caller. */
    private final class Bucket {
        private double tokens = capacity;
        private long at;

        Bucket(long now) {
            this.at = now;
        }

        /** 0 when taken, else the nanoseconds until {@code cost} names will be there. */
        long take(int cost, long now) {
            refill(now);
            if (tokens >= cost) {
                tokens -= cost;
                return 0;
            }
            return (long) Math.ceil((cost - tokens) * periodNanos / capacity);
        }

        boolean full(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            long elapsed = now - at;
            if (elapsed > 0) {
                tokens = Math.min(capacity, tokens + (double) elapsed * capacity / periodNanos);
                at = now;
            }
        }
    }
}
