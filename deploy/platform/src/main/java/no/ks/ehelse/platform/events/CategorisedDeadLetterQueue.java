package no.ks.ehelse.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.quarkus.arc.Unremovable;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * The connector's {@code failure-strategy=dead-letter-queue}, with one header more: {@code dead-letter-category}
 * ({@link PoisonCategory}, judged by {@link Failures#category}) beside the connector's {@code dead-letter-reason},
 * so every single-record consumer of every service writes it without code of its own. It takes the strategy's
 * name (an alternative selected over the connector's own factory) so channels and their checks keep saying
 * {@code dead-letter-queue}; the connector's factory still builds the handler, with its topic, serializers and
 * producer settings, and the category goes in through the nack metadata's outgoing headers, which that handler
 * copies onto the dead-letter record.
 */
@ApplicationScoped
@Alternative
@Priority(1)
@Unremovable
@Identifier(KafkaDeadLetterQueue.CHANNEL_DLQ_SUFFIX)
public class CategorisedDeadLetterQueue implements KafkaFailureHandler.Factory {

    private final KafkaDeadLetterQueue.Factory connectors;

    CategorisedDeadLetterQueue(
            @Identifier(KafkaDeadLetterQueue.CHANNEL_DLQ_SUFFIX) KafkaDeadLetterQueue.Factory connectors) {
        this.connectors = connectors;
    }

    @Override
    public KafkaFailureHandler create(
            KafkaConnectorIncomingConfiguration config,
            Vertx vertx,
            KafkaConsumer<?, ?> consumer,
            BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler handler = connectors.create(config, vertx, consumer, reportFailure);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                return handler.handle(record, reason, categorised(reason, metadata));
            }

            @Override
            public void terminate() {
                handler.terminate();
            }
        };
    }

    /** The nack metadata with the category added to its outgoing headers (topic, key, partition kept). */
    @SuppressWarnings("unchecked")
    static Metadata categorised(Throwable reason, Metadata metadata) {
        Metadata given = metadata == null ? Metadata.empty() : metadata;
        OutgoingKafkaRecordMetadata<Object> outgoing =
                given.get(OutgoingKafkaRecordMetadata.class).orElse(null);
        OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<Object> builder =
                outgoing == null ? OutgoingKafkaRecordMetadata.builder() : OutgoingKafkaRecordMetadata.from(outgoing);
        RecordHeaders headers = new RecordHeaders(
                outgoing == null || outgoing.getHeaders() == null
                        ? new org.apache.kafka.common.header.Header[0]
                        : outgoing.getHeaders().toArray());
        headers.add(PoisonCategory.HEADER, Failures.category(reason).header().getBytes(StandardCharsets.UTF_8));
        return given.with(builder.withHeaders(headers).build());
    }
}
