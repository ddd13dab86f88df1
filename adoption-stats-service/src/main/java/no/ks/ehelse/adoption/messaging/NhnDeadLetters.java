package no.ks.ehelse.adoption.messaging;

import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_EXCEPTION_CLASS_NAME;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_OFFSET;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_PARTITION;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_REASON;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_TOPIC;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.platform.api.LogText;
import no.ks.ehelse.platform.events.PoisonCategory;
import no.ks.ehelse.platform.events.PoisonRecordException;

/**
 * Dead-letters single NHN records out of a batch. The connector's own dead-letter strategy works per message, and
 * a batch is one message: it would dead-letter every good record polled with the bad one. The records keep their
 * key, value and headers and get the same {@code dead-letter-*} headers the connector writes, with
 * {@code dead-letter-category} as the platform's dead-letter strategy adds it.
 */
@ApplicationScoped
public class NhnDeadLetters {

    private static final Logger LOG = Logger.getLogger(NhnDeadLetters.class);

    /** A record the consumer refused, why, and what kind of fault that is. */
    public record DeadLetter(ConsumerRecord<String, String> record, String reason, PoisonCategory category) {}

    private final MutinyEmitter<String> emitter;

    NhnDeadLetters(@Channel("nhn-adoption-dlq") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Returns when the broker has every record; the batch is acknowledged only after that. */
    public void send(List<DeadLetter> letters) {
        for (DeadLetter letter : letters) {
            ConsumerRecord<String, String> r = letter.record();
            RecordHeaders headers = new RecordHeaders(r.headers().toArray());
            headers.add(DEAD_LETTER_REASON, bytes(letter.reason()));
            headers.add(PoisonCategory.HEADER, bytes(letter.category().header()));
            headers.add(DEAD_LETTER_EXCEPTION_CLASS_NAME, bytes(PoisonRecordException.class.getName()));
            headers.add(DEAD_LETTER_TOPIC, bytes(r.topic()));
            headers.add(DEAD_LETTER_PARTITION, bytes(Integer.toString(r.partition())));
            headers.add(DEAD_LETTER_OFFSET, bytes(Long.toString(r.offset())));
            emitter.sendMessageAndAwait(Message.of(r.value())
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                            .withKey(r.key())
                            .withHeaders(headers)
                            .build()));
            LOG.warnf(
                    "NHN record %s-%d@%d (key %s) dead-lettered: %s",
                    r.topic(), r.partition(), r.offset(), LogText.of(r.key()), LogText.of(letter.reason()));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
