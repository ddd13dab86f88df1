package no.ks.ehelse.platform.events;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Typed access to the fields of an event's {@code data} (or of an object nested in it). Every accessor judges the
 * value the same way in every consumer: a value that is missing where required, of the wrong JSON type, not
 * parseable, outside its range or holding a NUL character (which PostgreSQL refuses in text) is a
 * {@link PoisonRecordException} naming the field, so it is dead-lettered with that reason instead of failing later
 * in the database. Optional accessors answer {@code null} for an absent or JSON-null field and judge anything else.
 */
public final class EventFields {

    /**
     * {@code yyyy-MM-dd}, strictly (no 30 February). A signed year of more digits such as {@code +999999999-12-31}
     * still parses; the {@link DateRange} check after parsing is what refuses it.
     */
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private final JsonNode node;
    private final String path;

    private EventFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The fields of {@code node}; {@code path} prefixes field names in reasons, e.g. {@code successors[0]}. */
    public static EventFields of(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new PoisonRecordException(
                    PoisonCategory.INVALID_VALUE,
                    (path.isEmpty() ? "data" : "'" + path + "'") + " is not a JSON object");
        }
        return new EventFields(node, path);
    }

    public JsonNode node() {
        return node;
    }

    public boolean has(String field) {
        return present(node.get(field));
    }

    public String text(String field) {
        String value = optionalText(field);
        if (value == null || value.isBlank()) {
            throw new PoisonRecordException(
                    PoisonCategory.MISSING_FIELD, "missing or non-string field '" + name(field) + "'");
        }
        return value;
    }

    public String optionalText(String field) {
        JsonNode value = node.get(field);
        if (!present(value)) {
            return null;
        }
        if (!value.isTextual()) {
            throw new PoisonRecordException(
                    PoisonCategory.INVALID_VALUE, "missing or non-string field '" + name(field) + "'");
        }
        if (value.asText().indexOf('\u0000') >= 0) {
            throw new PoisonRecordException(
                    PoisonCategory.INVALID_VALUE, "field '" + name(field) + "' contains a NUL character");
        }
        return value.asText();
    }

    public UUID uuid(String field) {
        String value = text(field);
        try {
            UUID uuid = UUID.fromString(value);
            if (!uuid.toString().equalsIgnoreCase(value)) {
                throw new IllegalArgumentException(value);
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException(PoisonCategory.INVALID_VALUE, "'" + name(field) + "' is not a UUID");
        }
    }

    public LocalDate date(String field) {
        return date(field, DateRange.STORABLE);
    }

    public LocalDate date(String field, DateRange range) {
        LocalDate date = optionalDate(field, range);
        if (date == null) {
            throw new PoisonRecordException(
                    PoisonCategory.MISSING_FIELD, "missing or non-string field '" + name(field) + "'");
        }
        return date;
    }

    public LocalDate optionalDate(String field) {
        return optionalDate(field, DateRange.STORABLE);
    }

    public LocalDate optionalDate(String field, DateRange range) {
        String value = optionalText(field);
        if (value == null) {
            return null;
        }
        return parseDate(name(field), value, range);
    }

    /**
     * The one judgement of a date in the suite, also for values that do not come from an event (a CSV import
     * row): {@code yyyy-MM-dd} inside {@code range}, else a {@link PoisonRecordException} naming {@code field}.
     */
    public static LocalDate parseDate(String field, String value, DateRange range) {
        LocalDate date;
        try {
            date = LocalDate.parse(value, DATE);
        } catch (DateTimeParseException e) {
            throw new PoisonRecordException(
                    PoisonCategory.INVALID_VALUE, "'" + field + "' is not a date (yyyy-MM-dd): " + shorten(value));
        }
        if (!range.contains(date)) {
            throw new PoisonRecordException(
                    PoisonCategory.INVALID_VALUE,
                    "'" + field + "' " + date + " is outside " + range.earliest() + " to " + range.latest());
        }
        return date;
    }

    public int integer(String field) {
        Integer value = optionalInteger(field);
        if (value == null) {
            throw new PoisonRecordException(
                    PoisonCategory.MISSING_FIELD, "missing or non-integer field '" + name(field) + "'");
        }
        return value;
    }

    public Integer optionalInteger(String field) {
        JsonNode value = node.get(field);
        if (!present(value)) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new PoisonRecordException(
                    PoisonCategory.INVALID_VALUE, "field '" + name(field) + "' is not an integer in range");
        }
        return value.intValue();
    }

    /** A finite JSON number. */
    public double number(String field) {
        JsonNode value = node.get(field);
        if (!present(value) || !value.isNumber()) {
            throw new PoisonRecordException(
                    present(value) ? PoisonCategory.INVALID_VALUE : PoisonCategory.MISSING_FIELD,
                    "missing or non-numeric field '" + name(field) + "'");
        }
        double d = value.doubleValue();
        if (!Double.isFinite(d)) {
            throw new PoisonRecordException(
                    PoisonCategory.INVALID_VALUE, "field '" + name(field) + "' is not a finite number");
        }
        return d;
    }

    /** One of the enum's constant names, exactly as written. */
    public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String value = text(field);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new PoisonRecordException(
                PoisonCategory.INVALID_VALUE,
                "'" + name(field) + "' must be one of " + Arrays.toString(type.getEnumConstants()) + ", was "
                        + shorten(value));
    }

    /** A nested object, required. */
    public EventFields object(String field) {
        return of(node.get(field), name(field));
    }

    /** The objects of an array field; an absent or null field is an empty list. */
    public List<EventFields> objects(String field) {
        JsonNode value = node.get(field);
        List<EventFields> items = new ArrayList<>();
        if (!present(value)) {
            return items;
        }
        if (!value.isArray()) {
            throw new PoisonRecordException(PoisonCategory.INVALID_VALUE, "'" + name(field) + "' must be an array");
        }
        for (int i = 0; i < value.size(); i++) {
            items.add(of(value.get(i), name(field) + "[" + i + "]"));
        }
        return items;
    }

    /** The strings of an array field, e.g. codes; an absent or null field is an empty list. */
    public List<String> texts(String field) {
        JsonNode value = node.get(field);
        List<String> items = new ArrayList<>();
        if (!present(value)) {
            return items;
        }
        if (!value.isArray()) {
            throw new PoisonRecordException(PoisonCategory.INVALID_VALUE, "'" + name(field) + "' must be an array");
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual() || item.asText().isBlank() || item.asText().indexOf('\u0000') >= 0) {
                throw new PoisonRecordException(
                        PoisonCategory.INVALID_VALUE, "'" + name(field) + "[" + i + "]' must be a non-blank string");
            }
            items.add(item.asText());
        }
        return items;
    }

    private String name(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static boolean present(JsonNode value) {
        return value != null && !value.isNull() && !value.isMissingNode();
    }

    private static String shorten(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…";
    }
}
