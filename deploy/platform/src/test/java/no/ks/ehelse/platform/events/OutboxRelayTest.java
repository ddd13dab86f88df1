package no.ks.ehelse.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {

    private static OutboxEvent event(long seq) {
        OutboxEvent e = new OutboxEvent();
        e.seq = seq;
        e.topic = "enrollment.enrollments.v1";
        e.recordKey = "4601";
        e.payload = "{\"seq\":" + seq + "}";
        return e;
    }

    private static MockProducer<String, String> producer() {
        return new MockProducer<>(false, null, new StringSerializer(), new StringSerializer());
    }

    @Test
    void everythingAcknowledgedIsDeliveredInOrderWithTheContentType() throws Exception {
        MockProducer<String, String> producer = producer();
        CompletableFuture<OutboxRelay.Delivery> delivery = CompletableFuture.supplyAsync(
                () -> OutboxRelay.send(producer, List.of(event(1), event(2), event(3)), 5000));
        awaitSent(producer, 3);
        while (producer.completeNext()) {
            // acknowledge all three
        }
        OutboxRelay.Delivery d = delivery.get();
        assertEquals(List.of(1L, 2L, 3L), d.delivered());
        assertNull(d.failure());
        assertEquals(
                List.of("{\"seq\":1}", "{\"seq\":2}", "{\"seq\":3}"),
                producer.history().stream().map(r -> r.value()).toList());
        assertEquals(
                CloudEvent.CONTENT_TYPE,
                new String(producer.history()
                        .get(0)
                        .headers()
                        .lastHeader("content-type")
                        .value()));
    }

    @Test
    void aPartlyFailedBatchKeepsWhatWasAcknowledged() throws Exception {
        MockProducer<String, String> producer = producer();
        CompletableFuture<OutboxRelay.Delivery> delivery = CompletableFuture.supplyAsync(
                () -> OutboxRelay.send(producer, List.of(event(1), event(2), event(3)), 5000));
        awaitSent(producer, 3);
        producer.completeNext();
        producer.errorNext(new TimeoutException("expired before the broker answered"));
        producer.completeNext();
        OutboxRelay.Delivery d = delivery.get();
        // 1 and 3 are on the broker: deleting them is what keeps them from being sent twice. 2 stays for a retry.
        assertEquals(List.of(1L, 3L), d.delivered());
        assertTrue(d.failure().getMessage().contains("expired before the broker answered"));
    }

    @Test
    void sendingStopsAtTheFirstRecordTheProducerRefusesOutright() {
        MockProducer<String, String> producer =
                new MockProducer<>(true, null, new StringSerializer(), new StringSerializer()) {
                    private int sent;

                    @Override
                    public synchronized java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata>
                            send(org.apache.kafka.clients.producer.ProducerRecord<String, String> record) {
                        if (++sent == 2) {
                            throw new org.apache.kafka.common.KafkaException("no metadata: the broker is away");
                        }
                        return super.send(record);
                    }
                };
        OutboxRelay.Delivery d = OutboxRelay.send(producer, List.of(event(1), event(2), event(3)), 5000);
        assertEquals(List.of(1L), d.delivered());
        assertEquals(1, producer.history().size(), "3 must not overtake 2");
        assertEquals("no metadata: the broker is away", d.failure().getMessage());
    }

    @Test
    void theProducerTakesTheConnectorsSettingsAndKeepsItsOwnGuarantees() {
        EventsConfig.Relay relay = new EventsConfig.Relay() {
            public int batchSize() {
                return 500;
            }

            public Duration pollInterval() {
                return Duration.ofSeconds(1);
            }

            public Duration ackTimeout() {
                return Duration.ofSeconds(30);
            }
        };
        Map<String, Object> settings = OutboxRelay.producerSettings(
                Map.of(
                        "bootstrap.servers",
                        "kafka:9093",
                        "security.protocol",
                        "SASL_SSL",
                        "sasl.mechanism",
                        "SCRAM-SHA-512",
                        "ssl.truststore.location",
                        "/etc/kafka/ca.p12",
                        "acks",
                        "1",
                        "group.id",
                        "a-consumer-setting",
                        "cloud-events",
                        "false"),
                relay);
        assertEquals("kafka:9093", settings.get("bootstrap.servers"));
        assertEquals("SASL_SSL", settings.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", settings.get("sasl.mechanism"));
        assertEquals("/etc/kafka/ca.p12", settings.get("ssl.truststore.location"));
        assertEquals("all", settings.get("acks"), "the relay's guarantee wins over a connector default");
        assertEquals(true, settings.get("enable.idempotence"));
        assertEquals(30000, settings.get("delivery.timeout.ms"));
        assertFalse(settings.containsKey("group.id"));
        assertFalse(settings.containsKey("cloud-events"));
    }

    private static void awaitSent(MockProducer<String, String> producer, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (producer.history().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + producer.history().size() + " of " + count + " sent");
            }
            Thread.onSpinWait();
        }
    }
}
