package no.ks.ehelse.platform.events;

/**
 * What kind of fault made a record dead: the {@code dead-letter-category} header beside the human-readable
 * {@code dead-letter-reason}, so an integrator's tooling can sort and count dead letters without parsing text. The
 * header values are a fixed vocabulary; a new one is a contract change (docs/events/README.md).
 */
public enum PoisonCategory {
    /** Not JSON, not a CloudEvents 1.0 envelope, or an envelope field missing or unusable. */
    MALFORMED("malformed"),
    /** A required field of {@code data} is absent, null or blank. */
    MISSING_FIELD("missing-field"),
    /** A field is there but of the wrong JSON type, not parseable, outside its range or holding a NUL. */
    INVALID_VALUE("invalid-value"),
    /** An event type that does not belong on the topic. */
    UNEXPECTED_TYPE("unexpected-type"),
    /** A municipality or solution the consumer does not know (or a former municipality it cannot map). */
    UNKNOWN_REFERENCE("unknown-reference"),
    /** The database refused the record's data (SQLSTATE class 22) although every field rule passed. */
    DATABASE_REFUSED("database-refused"),
    /** Not the record's fault as far as anyone can tell, but it failed for as long as retries were allowed. */
    RETRIES_EXHAUSTED("retries-exhausted");

    /** The Kafka header that carries {@link #header()}. */
    public static final String HEADER = "dead-letter-category";

    private final String header;

    PoisonCategory(String header) {
        this.header = header;
    }

    /** The value written to the {@value #HEADER} header (and used as the metric tag). */
    public String header() {
        return header;
    }

    @Override
    public String toString() {
        return header;
    }
}
