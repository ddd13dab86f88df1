package no.ks.ehelse.platform.answers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionScoped;

/**
 * Answers computed once and kept in memory (Caffeine), per kind, solution, parameters and day, under the versions
 * of their inputs: the {@code answer_version} rows that the service's triggers bump in the transaction changing an
 * input (adoption-stats: a row per solution for its statuses, reports, usage, ambitions and enrollments, {@code '*'}
 * for the registry's municipalities and solutions; enrollment-service: {@code '*'} for its catalogue). A change makes new keys; the old answers are never read again and age
 * out. Every replica reads the versions from the database: a background read every {@code poll-interval}, and a
 * read in the request when the last one started more than {@code max-staleness} ago or a transaction of this
 * replica has ended since. So after a writer's commit is acknowledged, a reader's next request is never answered
 * from inputs older than that commit by more than {@code max-staleness} (on the writer's own replica: not at all).
 * Answers "as known at" a moment more than {@link #SETTLED} ago cannot change with new reports (they only count
 * reports received by then) and are kept by the registry's version alone, longer. Memory is bounded by weight:
 * the rows an answer holds (docs/performance.md).
 */
@ApplicationScoped
public class KeptAnswers {

    /**
     * Older than any transaction can run (the transaction timeout is 60 s): no report with an earlier
     * {@code received_at} can still commit.
     */
    static final Duration SETTLED = Duration.ofMinutes(5);

    private static final Logger LOG = Logger.getLogger(KeptAnswers.class);

    /** The answer_version rows as one read saw them; {@code expiries} the count of ended transactions before. */
    record Versions(Map<String, Long> byScope, long readStartedNanos, long expiries) {

        long of(String scope) {
            return byScope.getOrDefault(scope, 0L);
        }

        long sum() {
            return byScope.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    record Key(String kind, String solution, List<?> parameters, LocalDate day, long registry, long inputs) {}

    /** An answer and its weight: about one unit per row it holds (a municipality, a group, a month). */
    record Kept(Object answer, int rows) {}

    private final DataSource dataSource;
    private final Clock clock;
    private final Recompute recompute;
    private final long maxStalenessNanos;
    private final Duration pollInterval;
    private final AsyncCache<Key, Kept> current;
    private final AsyncCache<Key, Kept> settled;
    private final AtomicLong expiries = new AtomicLong();
    private final AtomicReference<Versions> latest = new AtomicReference<>(new Versions(Map.of(), 0, -1));
    private volatile ScheduledExecutorService poller;

    KeptAnswers(
            DataSource dataSource,
            Clock clock,
            Recompute recompute,
            @ConfigProperty(name = "ehelse.answers.max-staleness", defaultValue = "1s") Duration maxStaleness,
            @ConfigProperty(name = "ehelse.answers.poll-interval", defaultValue = "0.1s") Duration pollInterval,
            @ConfigProperty(name = "ehelse.answers.max-rows", defaultValue = "200000") long maxRows,
            @ConfigProperty(name = "ehelse.answers.expire-after", defaultValue = "10m") Duration expireAfter,
            @ConfigProperty(name = "ehelse.answers.settled-expire-after", defaultValue = "6h")
                    Duration settledExpireAfter) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.recompute = recompute;
        this.maxStalenessNanos = maxStaleness.toNanos();
        this.pollInterval = pollInterval;
        this.current = Caffeine.newBuilder()
                .maximumWeight(maxRows)
                .weigher((Key k, Kept v) -> v.rows())
                .expireAfterWrite(expireAfter)
                .buildAsync();
        this.settled = Caffeine.newBuilder()
                .maximumWeight(maxRows / 4)
                .weigher((Key k, Kept v) -> v.rows())
                .expireAfterWrite(settledExpireAfter)
                .buildAsync();
    }

    /** The answer of {@code kind} about one solution (null: about all of them) with these parameters. */
    public <T> T answer(String kind, String solution, List<?> parameters, ToIntFunction<T> rows, Supplier<T> compute) {
        Versions v = versions();
        long inputs = solution == null ? v.sum() : v.of(solution);
        return kept(current, new Key(kind, solution, parameters, today(), v.of("*"), inputs), rows, compute);
    }

    /**
     * As {@link #answer}, for an answer as known at {@code knownAt}: when that is settled, kept by the registry's
     * version alone (the municipalities are not versioned by arrival); otherwise like any other answer.
     */
    public <T> T asKnownAt(
            String kind,
            String solution,
            OffsetDateTime knownAt,
            List<?> parameters,
            ToIntFunction<T> rows,
            Supplier<T> compute) {
        if (knownAt == null || !knownAt.isBefore(OffsetDateTime.now(clock).minus(SETTLED))) {
            return answer(kind, solution, parameters, rows, compute);
        }
        Versions v = versions();
        return kept(settled, new Key(kind, solution, parameters, today(), v.of("*"), 0), rows, compute);
    }

    @SuppressWarnings("unchecked")
    private <T> T kept(AsyncCache<Key, Kept> cache, Key key, ToIntFunction<T> rows, Supplier<T> compute) {
        if (recomputeAsked()) {
            T fresh = compute.get();
            cache.put(key, CompletableFuture.completedFuture(new Kept(fresh, rows.applyAsInt(fresh))));
            return fresh;
        }
        // Not cache.get(key, function): an answer may be built from other kept answers (a forecast from series),
        // and Caffeine's compute may not call into the same cache. The first reader computes, the others wait.
        CompletableFuture<Kept> mine = new CompletableFuture<>();
        CompletableFuture<Kept> earlier = cache.asMap().putIfAbsent(key, mine);
        if (earlier != null) {
            try {
                return (T) earlier.join().answer();
            } catch (java.util.concurrent.CompletionException e) {
                // The first reader's failure (a 404, a 400) is this reader's too, as it would have been alone.
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }
        try {
            T answer = compute.get();
            mine.complete(new Kept(answer, Math.max(1, rows.applyAsInt(answer))));
            return answer;
        } catch (RuntimeException | Error e) {
            cache.asMap().remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private boolean recomputeAsked() {
        return Arc.container().requestContext().isActive() && recompute.asked();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The versions to key by now: the last read if it is recent enough and nothing committed here since. */
    Versions versions() {
        if (poller == null) {
            startPolling();
        }
        Versions v = latest.get();
        if (v.expiries() == expiries.get() && System.nanoTime() - v.readStartedNanos() <= maxStalenessNanos) {
            return v;
        }
        return read();
    }

    private Versions read() {
        long before = expiries.get();
        long started = System.nanoTime();
        Map<String, Long> rows = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT scope, version FROM answer_version")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("answer versions unreadable", e);
        }
        Versions read = new Versions(Map.copyOf(rows), started, before);
        latest.accumulateAndGet(
                read, (held, fresh) -> fresh.readStartedNanos() - held.readStartedNanos() > 0 ? fresh : held);
        return read;
    }

    /**
     * A transaction of this replica ended: it may have changed inputs, and whoever it answers next must see that,
     * so the next reader reads the versions itself.
     */
    void transactionEnded(@Observes @Destroyed(TransactionScoped.class) Object ignored) {
        expiries.incrementAndGet();
    }

    /** On first use: services without kept answers have no answer_version table to read. */
    private synchronized void startPolling() {
        if (poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "answer-versions");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(
                this::poll, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void stop(@Observes ShutdownEvent ignored) {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    private void poll() {
        try {
            read();
        } catch (RuntimeException e) {
            // The next request reads them itself (and fails as the database does); nothing kept is served stale.
            LOG.debugf("answer versions: %s", e.getMessage());
        }
    }
}
