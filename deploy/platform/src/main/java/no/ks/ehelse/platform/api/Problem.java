package no.ks.ehelse.platform.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, served as {@code application/problem+json}. {@code violations} names each bad
 * field; extension members (e.g. the existing enrollment of a 409) are flattened into the top level.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<Violation> violations,
        @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Problem types are URNs under this prefix, e.g. urn:no:ks:ehelse:problem:validation. */
    public static final String TYPE_PREFIX = "urn:no:ks:ehelse:problem:";

    /** One bad field: its path in the request (e.g. {@code code}, {@code milestones[2].date}, query {@code size}). */
    public record Violation(String field, String message) {}

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(extensions));
    }

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }
}
