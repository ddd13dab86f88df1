package no.ks.ehelse.registry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The token bucket on its own, on a clock the test moves. */
class MatchRateLimitTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final MatchRateLimit limit = new MatchRateLimit(100, Duration.ofSeconds(60), nanos::get);

    @Test
    void aCallerMaySpendTheWholeBucketAtOnceAndIsToldWhenTheNextRequestFits() {
        limit.take("a", 60);
        limit.take("a", 40);
        MatchRateLimit.Exceeded refused = assertThrows(MatchRateLimit.Exceeded.class, () -> limit.take("a", 10));
        // 100 names per 60 s refill one name every 0.6 s: 10 names in 6 s.
        assertEquals(6, refused.retryAfterSeconds());
        assertEquals(429, refused.status());
    }

    @Test
    void theBucketRefillsEvenlyAndARefusedRequestTakesNothing() {
        limit.take("a", 100);
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThrows(MatchRateLimit.Exceeded.class, () -> limit.take("a", 51));
        limit.take("a", 50);
        assertEquals(
                1,
                assertThrows(MatchRateLimit.Exceeded.class, () -> limit.take("a", 1))
                        .retryAfterSeconds());
        nanos.addAndGet(Duration.ofSeconds(600).toNanos());
        limit.take("a", 100);
    }

    @Test
    void anotherCallerHasItsOwnBucket() {
        limit.take("a", 100);
        assertThrows(MatchRateLimit.Exceeded.class, () -> limit.take("a", 1));
        limit.take("b", 100);
    }

    @Test
    void aRequestLargerThanTheBucketNeedsTheWholeBucket() {
        limit.take("a", 500);
        MatchRateLimit.Exceeded refused = assertThrows(MatchRateLimit.Exceeded.class, () -> limit.take("a", 500));
        assertEquals(60, refused.retryAfterSeconds());
    }
}
