package no.ks.ehelse.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.qute.TemplateData;

/**
 * The field errors of one form submission, in Norwegian, in the order the fields appear. A page re-renders its form
 * with these: the error summary links each message to its field (the field's id is its name), and the field shows
 * its own message. The first message per field wins, so checks run from the most basic (required) to the finer.
 */
@TemplateData
public final class FormErrors {

    /** One field at fault and what the person should do about it. */
    @TemplateData
    public record FieldError(String field, String message) {}

    private final Map<String, String> byField = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    public FormErrors add(String field, String message) {
        byField.putIfAbsent(field, message);
        return this;
    }

    /** Adds {@code message} when {@code value} is missing or blank. */
    public FormErrors required(String field, String value, String message) {
        if (value == null || value.isBlank()) {
            add(field, message);
        }
        return this;
    }

    /** Adds {@code message} when {@code value} is longer than {@code max} characters. */
    public FormErrors maxLength(String field, String value, int max, String message) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            add(field, message);
        }
        return this;
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The message for {@code field}, or null when it has none. */
    public String of(String field) {
        return byField.get(field);
    }

    public List<FieldError> list() {
        List<FieldError> errors = new ArrayList<>();
        byField.forEach((field, message) -> errors.add(new FieldError(field, message)));
        return errors;
    }
}
