package no.ks.ehelse.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import no.ks.ehelse.platform.work.DrainLoop;

/**
 * Moves committed outbox events to Kafka, oldest first, and deletes them once the broker has acknowledged them.
 * At-least-once: a crash between the acknowledgement and the delete re-sends a batch, and consumers drop the
 * duplicates by event id. A PostgreSQL advisory lock makes one replica the relay at a time, which keeps the
 * order of events per key across replicas. While Kafka is down the events wait in the table; nothing is lost.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any constant shared by the replicas of one service (each service has its own database). */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    private static final long ACK_GRACE_MILLIS = 10_000;

    private final EntityManager em;
    private final EventsConfig config;
    private final Map<String, Object> kafka;
    private final Counter published;
    private final AtomicLong pending = new AtomicLong();
    private final DrainLoop loop = new DrainLoop("outbox-relay", 1, this::drain);
    private volatile KafkaProducer<String, String> producer;
    private volatile Instant lastFailure;
    private volatile String lastError;

    /**
     * @param kafka the connector's own Kafka configuration (every {@code kafka.*} property and {@code KAFKA_*}
     *              variable: bootstrap servers, credentials, TLS), so the relay connects as the consumers do
     */
    OutboxRelay(
            EntityManager em,
            EventsConfig config,
            MeterRegistry registry,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.em = em;
        this.config = config;
        this.kafka = kafka;
        this.published = Counter.builder("ehelse.outbox.published")
                .description("Events relayed to Kafka")
                .register(registry);
        registry.gauge("ehelse.outbox.pending", pending);
    }

    void start(@Observes StartupEvent startup) {
        producer = new KafkaProducer<>(
                producerSettings(kafka, config.relay()), new StringSerializer(), new StringSerializer());
        loop.start();
    }

    /**
     * The producer's settings: the connector's configuration, limited to what a producer knows (the connector's
     * map also holds consumer and connector keys), then the relay's own guarantees on top.
     */
    static Map<String, Object> producerSettings(Map<String, Object> kafka, EventsConfig.Relay relay) {
        Map<String, Object> settings = new java.util.HashMap<>();
        java.util.Set<String> known = ProducerConfig.configNames();
        kafka.forEach((key, value) -> {
            if (known.contains(key)) {
                settings.put(key, value);
            }
        });
        settings.putAll(Map.of(
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                // Fail a batch fast while the broker is away; the rows stay and the next round retries.
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                5000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                (int) relay.ackTimeout().toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) Math.min(relay.ackTimeout().toMillis(), 15000)));
        return settings;
    }

    /** Picks up what another replica, a failed attempt or a crash left behind. */
    @Scheduled(every = "${ehelse.events.relay.poll-interval:1s}", concurrentExecution = ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        loop.stop(Duration.ofSeconds(10));
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Publishes right after the commit that wrote events, instead of waiting for the next poll. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Written written) {
        wake();
    }

    void wake() {
        loop.wake();
    }

    private void drain() {
        Round round;
        do {
            try {
                round = relayBatch();
            } catch (RuntimeException e) {
                round = new Round(0, e);
            }
        } while (round.failure() == null && round.relayed() == config.relay().batchSize());
        if (round.failure() == null) {
            lastError = null;
            return;
        }
        String error = round.failure().toString();
        if (lastError == null || !lastError.equals(error)) {
            LOG.warnf("Outbox relay could not publish (events stay in the outbox and are retried): %s", error);
        }
        lastError = error;
        lastFailure = Instant.now();
    }

    /** What one round did: events relayed (and deleted), and the failure that ended it early, if any. */
    private record Round(int relayed, Exception failure) {}

    /**
     * Sends one batch and deletes what the broker acknowledged, also when some of it failed: rolling back a
     * partly delivered batch would send its delivered events again. Sending stops at the first record the
     * producer refuses outright (no metadata: the broker is away), so no later event overtakes an earlier one.
     */
    private Round relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object locked = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(:key)")
                    .setParameter("key", RELAY_LOCK)
                    .getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return new Round(0, null); // another replica is relaying
            }
            List<OutboxEvent> batch = em.createQuery("FROM OutboxEvent ORDER BY seq", OutboxEvent.class)
                    .setMaxResults(config.relay().batchSize())
                    .getResultList();
            // The producer gives up on a record after ackTimeout (its delivery timeout) and fails the future; we
            // wait a little longer than that for its verdict. Giving up first would let the producer deliver a
            // record the next round sends again, e.g. when the broker comes back just as the timeout expires.
            Delivery delivery =
                    send(producer, batch, config.relay().ackTimeout().toMillis() + ACK_GRACE_MILLIS);
            List<Long> delivered = delivery.delivered();
            if (!delivered.isEmpty()) {
                em.createQuery("DELETE FROM OutboxEvent WHERE seq IN :seqs")
                        .setParameter("seqs", delivered)
                        .executeUpdate();
                published.increment(delivered.size());
            }
            pending.set(((Number) em.createNativeQuery("SELECT count(*) FROM outbox_event")
                                    .getSingleResult())
                            .longValue()
                    - delivered.size());
            return new Round(delivered.size(), delivery.failure());
        });
    }

    /** What the broker made of a batch: the sequence numbers it acknowledged, and the first failure, if any. */
    record Delivery(List<Long> delivered, Exception failure) {}

    /**
     * Sends {@code batch} in order and waits up to {@code timeoutMillis} per record for the broker's verdict.
     * Sending stops at the first record the producer refuses outright (no metadata: the broker is away), so no
     * later event overtakes an earlier one; records sent before it may still be acknowledged and count as
     * delivered.
     */
    static Delivery send(Producer<String, String> producer, List<OutboxEvent> batch, long timeoutMillis) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        Exception failure = null;
        for (OutboxEvent event : batch) {
            ProducerRecord<String, String> record = new ProducerRecord<>(event.topic, event.recordKey, event.payload);
            record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            Future<RecordMetadata> ack;
            try {
                ack = producer.send(record);
            } catch (RuntimeException refused) {
                failure = refused;
                break;
            }
            acks.add(ack);
            if (ack.isDone() && failed(ack)) {
                break;
            }
        }
        List<Long> delivered = new ArrayList<>(acks.size());
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(timeoutMillis, TimeUnit.MILLISECONDS);
                delivered.add(batch.get(i).seq);
            } catch (ExecutionException | TimeoutException e) {
                failure = failure == null ? e : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure == null ? e : failure;
                break;
            }
        }
        return new Delivery(delivered, failure);
    }

    private static boolean failed(Future<RecordMetadata> ack) {
        try {
            ack.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** For the health check: events not yet on Kafka, and the last relay error while it persists. */
    public long pending() {
        return pending.get();
    }

    public String lastError() {
        return lastError;
    }

    public Instant lastFailure() {
        return lastFailure;
    }
}
