package no.ks.ehelse.platform.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal the domain explains: thrown from services, rendered as problem+json by {@link ProblemMappers}. The
 * detail is written for a person ("Registration closed on 2024-06-30"), the type for a program.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.Violation> violations;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, null);
    }

    public ProblemException(int status, String type, String title, String detail, List<Problem.Violation> violations) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.violations = violations;
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist");
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(409, type, "Conflict", detail);
    }

    /** A 400 about one field, for rules Bean Validation cannot express (e.g. an unknown solution code). */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(
                400,
                "validation",
                "Invalid request",
                field + ": " + message,
                List.of(new Problem.Violation(field, message)));
    }

    /** Adds an extension member to the problem, e.g. {@code existing} or {@code successors}. */
    public ProblemException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_PREFIX + type, title, status, getMessage(), instance, violations, extensions);
    }

    public int status() {
        return status;
    }

    /** The problem type's slug, e.g. {@code registration-closed}: what a page translates into its own words. */
    public String type() {
        return type;
    }
}
