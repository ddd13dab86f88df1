package no.ks.ehelse.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Each move of a notification's status, and the delivery log line it writes. */
class StatusTransitionsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final OffsetDateTime NOW_UTC = NOW.atOffset(ZoneOffset.UTC);

    record Line(String outcome, Integer httpStatus, String error, OffsetDateTime at) {}

    private final List<Line> log = new ArrayList<>();
    private final StatusTransitions transitions = new StatusTransitions(
            Clock.fixed(NOW, ZoneOffset.UTC),
            new WebhookRetryPolicy(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofHours(24)),
            new DeliveryLog(null) {
                @Override
                void record(Notification n, OffsetDateTime at, String outcome, Integer httpStatus, String error) {
                    log.add(new Line(outcome, httpStatus, error, at));
                }
            });

    @Test
    void sentClearsTheRetryAndTheError() {
        Notification n = retrying();
        transitions.sent(n, 204);
        assertEquals(NotificationStatus.SENT, n.status);
        assertTrue(n.sentAt.isEqual(NOW_UTC));
        assertNull(n.nextAttemptAt);
        assertNull(n.lastError);
        assertEquals(List.of(new Line("SENT", 204, null, n.sentAt)), log);
    }

    @Test
    void skippedKeepsTheReason() {
        Notification n = pending();
        transitions.skipped(n, "municipality 4613 enrolled after the reminder was planned");
        assertEquals(NotificationStatus.SKIPPED, n.status);
        assertEquals("municipality 4613 enrolled after the reminder was planned", n.lastError);
        assertNull(n.nextAttemptAt);
        assertEquals("SKIPPED", log.get(0).outcome());
        assertEquals(n.lastError, log.get(0).error());
    }

    @Test
    void failedIsForGood() {
        Notification n = retrying();
        transitions.failed(n, "endpoint answered 410 Gone; subscription disabled", 410);
        assertEquals(NotificationStatus.FAILED, n.status);
        assertNull(n.nextAttemptAt);
        assertEquals(
                List.of(new Line("FAILED", 410, "endpoint answered 410 Gone; subscription disabled", NOW_UTC)), log);
    }

    @Test
    void retryWaitsWhatTheEndpointAskedFor() {
        Notification n = pending();
        n.attempts = 1;
        transitions.retry(n, "endpoint answered 503", Duration.ofSeconds(30), 503);
        assertEquals(NotificationStatus.RETRYING, n.status);
        assertEquals("endpoint answered 503", n.lastError);
        assertTrue(n.nextAttemptAt.isEqual(NOW_UTC.plusSeconds(30)), n.nextAttemptAt.toString());
        assertEquals(List.of(new Line("RETRY", 503, "endpoint answered 503", NOW_UTC)), log);
    }

    @Test
    void retryWithoutAWaitBacksOff() {
        Notification n = pending();
        n.attempts = 2;
        transitions.retry(n, "EMAIL delivery failed: ConnectException", null, null);
        assertEquals(NotificationStatus.RETRYING, n.status);
        assertTrue(
                !n.nextAttemptAt.isBefore(NOW_UTC.plusSeconds(10)) && !n.nextAttemptAt.isAfter(NOW_UTC.plusSeconds(20)),
                n.nextAttemptAt.toString());
    }

    @Test
    void retryGivesUpAfterTheLimitAndSaysAfterHowManyAttempts() {
        Notification n = pending();
        n.createdAt = NOW_UTC.minusHours(24);
        n.attempts = 32;
        transitions.retry(n, "endpoint answered 500", null, 500);
        assertEquals(NotificationStatus.FAILED, n.status);
        assertEquals("endpoint answered 500 (gave up after 32 attempts)", n.lastError);
        assertNull(n.nextAttemptAt);
        assertEquals(
                List.of(new Line("FAILED", 500, "endpoint answered 500 (gave up after 32 attempts)", NOW_UTC)), log);
    }

    private static Notification pending() {
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.kind = MessageKind.WENT_LIVE;
        n.channel = Channel.WEBHOOK;
        n.status = NotificationStatus.PENDING;
        n.createdAt = NOW_UTC.minusMinutes(1);
        n.nextAttemptAt = n.createdAt;
        return n;
    }

    private static Notification retrying() {
        Notification n = pending();
        n.status = NotificationStatus.RETRYING;
        n.attempts = 1;
        n.lastError = "endpoint answered 503";
        n.nextAttemptAt = NOW_UTC;
        return n;
    }
}
