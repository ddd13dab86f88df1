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

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Parses a record value. Anything that is not a valid envelope is a {@link PoisonRecordException}, which the
     * consumer's dead-letter strategy turns into a DLQ record with the message as its reason.
     */
    public static CloudEvent parse(String value) {
        if (value == null || value.isBlank()) {
            throw new PoisonRecordException("empty record value");
        }
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new PoisonRecordException("malformed JSON: " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw new PoisonRecordException("record value is not a JSON object");
        }
        if (!SPEC_VERSION.equals(node.path("specversion").asText())) {
            throw new PoisonRecordException("specversion must be 1.0");
        }
        String id = requiredText(node, "id");
        String source = requiredText(node, "source");
        String type = requiredText(node, "type");
        OffsetDateTime time = null;
        if (node.hasNonNull("time")) {
            try {
                time = OffsetDateTime.parse(node.get("time").asText());
            } catch (DateTimeParseException e) {
                throw new PoisonRecordException("time is not an RFC 3339 timestamp");
            }
        }
        JsonNode data = node.get("data");
        if (data == null || !data.isObject()) {
            throw new PoisonRecordException("data is missing or not a JSON object");
        }
        return new CloudEvent(id, source, type, node.path("subject").asText(null), time, data);
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new PoisonRecordException("missing or non-string field '" + field + "'");
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
