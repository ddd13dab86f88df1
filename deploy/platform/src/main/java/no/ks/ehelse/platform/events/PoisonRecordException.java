package no.ks.ehelse.platform.events;

/**
 * A record that can never be processed (malformed, missing fields, unknown references). The consumer lets it
 * propagate; the channel's {@code failure-strategy=dead-letter-queue} sends it to {@code <topic>.dlq} with this
 * message in the {@code dead-letter-reason} header, and the partition moves on.
 */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String reason) {
        super(reason);
    }
}
