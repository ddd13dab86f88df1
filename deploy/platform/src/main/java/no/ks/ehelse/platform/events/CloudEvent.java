package no.ks.ehelse.platform.events;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A CloudEvents 1.0 event in structured JSON mode, the envelope of every event in the suite. Record value = this
 * JSON; record key = the aggregate key.
 */
public record CloudEvent(String id, String source, String type, String subject, OffsetDateTime time, JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    /**
     * The longest event id a consumer takes. Every consumer keys {@code processed_event} by it, and PostgreSQL
     * refuses to index a text of more than about 2.7 kB (4 bytes a character at worst); ids in the suite are UUIDs.
     */
    public static final int MAX_ID_LENGTH = 500;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Parses a record value. Anything that is not a valid envelope is a {@link PoisonRecordException} of category
     * {@link PoisonCategory#MALFORMED}, which the consumer's dead-letter strategy turns into a DLQ record with the
     * message as its reason.
     */
    public static CloudEvent parse(String value) {
        if (value == null || value.isBlank()) {
            throw new PoisonRecordException(PoisonCategory.MALFORMED, "empty record value");
        }
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new PoisonRecordException(PoisonCategory.MALFORMED, "malformed JSON: " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw new PoisonRecordException(PoisonCategory.MALFORMED, "record value is not a JSON object");
        }
        if (!SPEC_VERSION.equals(node.path("specversion").asText())) {
            throw new PoisonRecordException(PoisonCategory.MALFORMED, "specversion must be 1.0");
        }
        String id = requiredText(node, "id");
        if (id.length() > MAX_ID_LENGTH) {
            throw new PoisonRecordException(
                    PoisonCategory.MALFORMED, "field 'id' is longer than " + MAX_ID_LENGTH + " characters");
        }
        String source = requiredText(node, "source");
        String type = requiredText(node, "type");
        OffsetDateTime time = null;
        if (node.hasNonNull("time")) {
            try {
                time = OffsetDateTime.parse(node.get("time").asText());
            } catch (DateTimeParseException e) {
                throw new PoisonRecordException(PoisonCategory.MALFORMED, "time is not an RFC 3339 timestamp");
            }
        }
        JsonNode data = node.get("data");
        if (data == null || !data.isObject()) {
            throw new PoisonRecordException(PoisonCategory.MALFORMED, "data is missing or not a JSON object");
        }
        return new CloudEvent(id, source, type, node.path("subject").asText(null), time, data);
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new PoisonRecordException(PoisonCategory.MALFORMED, "missing or non-string field '" + field + "'");
        }
        // The id goes into processed_event, and PostgreSQL refuses a NUL in text: judged here, with the field
        // named, rather than as a database refusal of the whole statement.
        if (value.asText().indexOf('\u0000') >= 0) {
            throw new PoisonRecordException(PoisonCategory.MALFORMED, "field '" + field + "' contains a NUL character");
        }
        return value.asText();
    }

    /** Typed access to {@code data}'s fields; each accessor raises the poison error for a bad value. */
    public EventFields fields() {
        return EventFields.of(data, "");
    }

    /** A required string field of {@code data}; a poison record when absent, blank or of the wrong type. */
    public String text(String field) {
        return fields().text(field);
    }

    public String optionalText(String field) {
        return fields().optionalText(field);
    }

    public java.util.UUID uuid(String field) {
        return fields().uuid(field);
    }

    public java.time.LocalDate date(String field) {
        return fields().date(field);
    }

    public java.time.LocalDate optionalDate(String field) {
        return fields().optionalDate(field);
    }
}
