package no.ks.ehelse.platform.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class DrainLoopTest {

    @Test
    void nothingRunsBeforeStartAndTheFirstRoundPicksUpEarlierWork() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch ran = new CountDownLatch(1);
        DrainLoop loop = new DrainLoop("test-loop", 1, () -> {
            rounds.incrementAndGet();
            ran.countDown();
        });
        loop.wake();
        Thread.sleep(50); // nothing may happen here: there is no condition to wait for, only an absence to check
        assertEquals(0, rounds.get());
        loop.start();
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        loop.stop(Duration.ofSeconds(5));
    }

    @Test
    void aWakeUpDuringARoundRunsAnotherRound() throws Exception {
        ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> drained = new ConcurrentLinkedQueue<>();
        CountDownLatch firstRoundStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DrainLoop loop = new DrainLoop("test-loop", 1, () -> {
            firstRoundStarted.countDown();
            awaitQuietly(release);
            for (Integer item = queue.poll(); item != null; item = queue.poll()) {
                drained.add(item);
            }
        });
        loop.start();
        assertTrue(firstRoundStarted.await(5, TimeUnit.SECONDS));
        queue.add(1);
        loop.wake(); // arrives while the only loop is busy
        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (drained.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        loop.stop(Duration.ofSeconds(5));
        assertEquals(java.util.List.of(1), java.util.List.copyOf(drained));
    }

    @Test
    void upToWorkersLoopsRunAtOnceAndAFailedRoundDoesNotStopTheLoop() throws Exception {
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch fourRounds = new CountDownLatch(4);
        DrainLoop loop = new DrainLoop("test-loop", 3, () -> {
            int now = concurrent.incrementAndGet();
            most.accumulateAndGet(now, Math::max);
            try {
                sleepQuietly(20);
                if (rounds.incrementAndGet() == 1) {
                    throw new IllegalStateException("database away");
                }
            } finally {
                concurrent.decrementAndGet();
                fourRounds.countDown();
            }
        });
        loop.start();
        for (int i = 0; i < 10; i++) {
            loop.wake();
        }
        sleepQuietly(100);
        loop.wake();
        assertTrue(fourRounds.await(5, TimeUnit.SECONDS), "the loop kept running after a failed round");
        loop.stop(Duration.ofSeconds(5));
        assertTrue(most.get() <= 3, "at most 3 loops at once, saw " + most.get());
        assertTrue(most.get() >= 2, "wake-ups while busy start more loops, saw " + most.get());
    }

    @Test
    void wakeUpsAfterStopAreIgnored() {
        AtomicInteger rounds = new AtomicInteger();
        DrainLoop loop = new DrainLoop("test-loop", 2, rounds::incrementAndGet);
        loop.start();
        loop.stop(Duration.ofSeconds(5));
        int before = rounds.get();
        loop.wake();
        assertEquals(before, rounds.get());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
