package no.ks.ehelse.platform.events;

import java.util.Objects;

/**
 * A record that can never be processed (malformed, missing fields, unknown references). The consumer lets it
 * propagate; the channel's {@code failure-strategy=dead-letter-queue} sends it to {@code <topic>.dlq} with this
 * message in the {@code dead-letter-reason} header and {@link #category()} in {@code dead-letter-category}
 * ({@link CategorisedDeadLetterQueue}), and the partition moves on.
 */
public class PoisonRecordException extends RuntimeException {

    private final PoisonCategory category;

    public PoisonRecordException(PoisonCategory category, String reason) {
        super(reason);
        this.category = Objects.requireNonNull(category, "category");
    }

    public PoisonCategory category() {
        return category;
    }
}
