package no.ks.ehelse.platform.work;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

/**
 * Work that waits in the database (outbox events, due messages) and is drained by up to {@code workers} loops
 * whenever something may have arrived: a commit that wrote work, a poll that picks up what another replica or a
 * failed attempt left behind. {@link #wake} is cheap and may be called from any thread as often as wanted; a
 * wake-up during a round makes the loop run another round, so nothing that arrived while it ran waits for the
 * next poll. Loops must not take the same item twice (the caller's round locks what it takes, e.g. SKIP LOCKED
 * or an advisory lock).
 */
public final class DrainLoop {

    private static final Logger LOG = Logger.getLogger(DrainLoop.class);

    private final String name;
    private final int workers;
    private final Runnable round;
    private final ExecutorService pool;
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean running;

    /**
     * @param name    the threads' name prefix, and the name in log lines
     * @param workers loops at most at once
     * @param round   drains until nothing is left or a failure ends the round; it runs again after a wake-up
     */
    public DrainLoop(String name, int workers, Runnable round) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
        this.name = name;
        this.workers = workers;
        this.round = round;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(
                workers, r -> new Thread(r, workers == 1 ? name : name + "-" + n.incrementAndGet()));
    }

    /** Starts draining; wake-ups before this are ignored (the first round picks up their work). */
    public void start() {
        running = true;
        wake();
    }

    public boolean running() {
        return running;
    }

    /** Makes sure a loop will run a round after this call. */
    public void wake() {
        if (!running) {
            return;
        }
        wakeRequested.set(true);
        for (int a = active.get(); a < workers; a = active.get()) {
            if (active.compareAndSet(a, a + 1)) {
                try {
                    pool.execute(this::drain);
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    active.decrementAndGet();
                    return;
                }
            }
        }
    }

    /** Stops taking new rounds and waits up to {@code grace} for the rounds under way. */
    public void stop(Duration grace) {
        running = false;
        pool.shutdown();
        try {
            pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        try {
            do {
                wakeRequested.set(false);
                round.run();
            } while (running && wakeRequested.get());
        } catch (RuntimeException e) {
            LOG.warnf("%s stopped a round (the next wake-up retries): %s", name, e.toString());
        } finally {
            active.decrementAndGet();
        }
        // A wake-up that came after the last check but before the decrement saw every loop busy.
        if (running && wakeRequested.get()) {
            wake();
        }
    }
}
