package no.ks.ehelse.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

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
    private static final List<String> SECURITY_SETTINGS = List.of("security.protocol", "sasl.mechanism",
            "sasl.jaas.config", "ssl.truststore.location", "ssl.truststore.password", "ssl.truststore.type",
            "ssl.endpoint.identification.algorithm");

    private final EntityManager em;
    private final EventsConfig config;
    private final String bootstrapServers;
    private final Counter published;
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private final AtomicLong pending = new AtomicLong();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    private volatile KafkaProducer<String, String> producer;
    private volatile Instant lastFailure;
    private volatile String lastError;

    OutboxRelay(EntityManager em, EventsConfig config, MeterRegistry registry,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.em = em;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.published = Counter.builder("ehelse.outbox.published").description("Events relayed to Kafka")
                .register(registry);
        registry.gauge("ehelse.outbox.pending", pending);
    }

    void start(@Observes StartupEvent startup) {
        Map<String, Object> settings = new java.util.HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                // Fail a batch fast while the broker is away; the rows stay and the next round retries.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.relay().ackTimeout().toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) Math.min(config.relay().ackTimeout().toMillis(), 15000)));
        // The same credentials and TLS settings as the messaging connector (KAFKA_SECURITY_PROTOCOL, ...).
        org.eclipse.microprofile.config.Config all = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        for (String key : SECURITY_SETTINGS) {
            all.getOptionalValue("kafka." + key, String.class).ifPresent(value -> settings.put(key, value));
        }
        producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
        wake();
    }

    /** Picks up what another replica, a failed attempt or a crash left behind. */
    @Scheduled(every = "${ehelse.events.relay.poll-interval:1s}", concurrentExecution = ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Publishes right after the commit that wrote events, instead of waiting for the next poll. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Written written) {
        wake();
    }

    void wake() {
        if (producer != null && wakeRequested.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    private void drain() {
        wakeRequested.set(false);
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
    private record Round(int relayed, Exception failure) {
    }

    /**
     * Sends one batch and deletes what the broker acknowledged, also when some of it failed: rolling back a
     * partly delivered batch would send its delivered events again. Sending stops at the first record the
     * producer refuses outright (no metadata: the broker is away), so no later event overtakes an earlier one.
     */
    private Round relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object locked = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(:key)")
                    .setParameter("key", RELAY_LOCK).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return new Round(0, null); // another replica is relaying
            }
            List<OutboxEvent> batch = em.createQuery("FROM OutboxEvent ORDER BY seq", OutboxEvent.class)
                    .setMaxResults(config.relay().batchSize()).getResultList();
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            for (OutboxEvent event : batch) {
                ProducerRecord<String, String> record = new ProducerRecord<>(event.topic, event.recordKey,
                        event.payload);
                record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                Future<RecordMetadata> ack = producer.send(record);
                acks.add(ack);
                if (ack.isDone() && failed(ack)) {
                    break;
                }
            }
            // The producer gives up on a record after ackTimeout (its delivery timeout) and fails the future; we
            // wait a little longer than that for its verdict. Giving up first would let the producer deliver a
            // record the next round sends again, e.g. when the broker comes back just as the timeout expires.
            long timeout = config.relay().ackTimeout().toMillis() + ACK_GRACE_MILLIS;
            List<Long> delivered = new ArrayList<>(acks.size());
            Exception failure = null;
            for (int i = 0; i < acks.size(); i++) {
                try {
                    acks.get(i).get(timeout, TimeUnit.MILLISECONDS);
                    delivered.add(batch.get(i).seq);
                } catch (ExecutionException | TimeoutException e) {
                    failure = failure == null ? e : failure;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = failure == null ? e : failure;
                    break;
                }
            }
            if (!delivered.isEmpty()) {
                em.createQuery("DELETE FROM OutboxEvent WHERE seq IN :seqs").setParameter("seqs", delivered)
                        .executeUpdate();
                published.increment(delivered.size());
            }
            pending.set(((Number) em.createNativeQuery("SELECT count(*) FROM outbox_event").getSingleResult())
                    .longValue() - delivered.size());
            return new Round(delivered.size(), failure);
        });
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
