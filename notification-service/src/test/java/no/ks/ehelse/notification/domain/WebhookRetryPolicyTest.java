package no.ks.ehelse.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import no.ks.ehelse.notification.domain.WebhookRetryPolicy.Verdict;

/** Production's settings: the first retry after about 10 s, doubling to at most 1 h, given up after 24 h. */
class WebhookRetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final OffsetDateTime PLANNED = NOW.atOffset(ZoneOffset.UTC);

    private final WebhookRetryPolicy policy =
            new WebhookRetryPolicy(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofHours(24));

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204, 299})
    void any2xxIsDelivered(int status) {
        assertEquals(Verdict.DELIVERED, policy.verdict(status));
    }

    @Test
    void goneDisablesTheSubscription() {
        assertEquals(Verdict.DISABLE, policy.verdict(410));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 100, 199, 300, 301, 400, 401, 404, 409, 429, 500, 502, 503, 504})
    void everythingElseIsRetried(int status) {
        assertEquals(Verdict.RETRY, policy.verdict(status));
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 503})
    void retryAfterInSecondsIsHonouredOn429And503(int status) {
        assertEquals(Optional.of(Duration.ofSeconds(120)), policy.retryAfter(status, "120", NOW));
        assertEquals(Optional.of(Duration.ofSeconds(5)), policy.retryAfter(status, " 5 ", NOW));
        assertEquals(Optional.of(Duration.ZERO), policy.retryAfter(status, "0", NOW));
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 503})
    void retryAfterAsAnHttpDateIsTheWaitUntilThen(int status) {
        assertEquals(
                Optional.of(Duration.ofSeconds(90)), policy.retryAfter(status, "Tue, 1 Dec 2026 08:01:30 GMT", NOW));
        assertEquals(
                Optional.of(Duration.ZERO),
                policy.retryAfter(status, "Tue, 1 Dec 2026 07:59:00 GMT", NOW),
                "a date in the past is no wait");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "soon", "1.5", "5s", "2026-12-01T08:01:30Z", "Tue, 32 Dec 2026 08:01:30 GMT"})
    void anAbsentOrUnreadableRetryAfterLeavesItToTheBackoff(String header) {
        assertEquals(Optional.empty(), policy.retryAfter(503, header, NOW));
    }

    @Test
    void aNegativeRetryAfterIsNoWait() {
        assertEquals(Optional.of(Duration.ZERO), policy.retryAfter(503, "-30", NOW));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 200, 400, 410, 500, 502})
    void retryAfterIsIgnoredOnOtherStatuses(int status) {
        assertEquals(Optional.empty(), policy.retryAfter(status, "120", NOW));
    }

    @Test
    void theBackoffDoublesWithEveryAttemptUpToTheCap() {
        assertEquals(Duration.ofSeconds(10), policy.backoff(1, 1.0));
        assertEquals(Duration.ofSeconds(20), policy.backoff(2, 1.0));
        assertEquals(Duration.ofSeconds(40), policy.backoff(3, 1.0));
        assertEquals(Duration.ofSeconds(2560), policy.backoff(9, 1.0));
        assertEquals(Duration.ofHours(1), policy.backoff(10, 1.0), "20480 s is capped");
        assertEquals(Duration.ofHours(1), policy.backoff(1000, 1.0), "no overflow on many attempts");
        assertEquals(Duration.ofSeconds(10), policy.backoff(0, 1.0), "the first try counts as attempt 1");
    }

    @Test
    void theJitterIsTheUpperHalfOfTheBackoff() {
        assertEquals(Duration.ofSeconds(5), policy.backoff(1, 0.0));
        assertEquals(Duration.ofMinutes(30), policy.backoff(12, 0.0));
        for (int i = 0; i < 1000; i++) {
            Duration d = policy.backoff(3);
            assertTrue(
                    d.compareTo(Duration.ofSeconds(20)) >= 0 && d.compareTo(Duration.ofSeconds(40)) <= 0, d.toString());
        }
    }

    @Test
    void theNextAttemptIsAfterTheEndpointsWaitOrTheBackoff() {
        OffsetDateTime now = PLANNED.plusMinutes(3);
        assertEquals(Optional.of(now.plusSeconds(45)), policy.nextAttempt(PLANNED, now, 4, Duration.ofSeconds(45)));
        OffsetDateTime next = policy.nextAttempt(PLANNED, now, 2, null).orElseThrow();
        assertTrue(!next.isBefore(now.plusSeconds(10)) && !next.isAfter(now.plusSeconds(20)), next.toString());
    }

    @Test
    void aNotificationIsGivenUpOnceTheNextTryWouldBeLaterThanGiveUpAfter() {
        assertEquals(
                Optional.of(PLANNED.plusHours(24)),
                policy.nextAttempt(PLANNED, PLANNED.plusHours(23), 30, Duration.ofHours(1)),
                "just in time");
        assertEquals(
                Optional.empty(),
                policy.nextAttempt(PLANNED, PLANNED.plusHours(23).plusSeconds(1), 30, Duration.ofHours(1)));
        assertEquals(Optional.empty(), policy.nextAttempt(PLANNED, PLANNED.plusHours(24), 31, null));
    }

    @Test
    void withTheFullBackoffEveryTimeAnEndpointThatNeverAnswersIsTriedThirtyTwoTimes() {
        // 10 s, 20 s, ... 2560 s (5110 s in all), then hourly: the 32nd try would be followed by one after 24 h.
        OffsetDateTime now = PLANNED;
        int attempts = 1;
        for (Optional<OffsetDateTime> next = policy.nextAttempt(PLANNED, now, attempts, policy.backoff(attempts, 1.0));
                next.isPresent();
                next = policy.nextAttempt(PLANNED, now, attempts, policy.backoff(attempts, 1.0))) {
            now = next.get();
            attempts++;
        }
        assertEquals(32, attempts);
        assertEquals(PLANNED.plusSeconds(5110 + 22 * 3600), now, "the last try");
    }
}
