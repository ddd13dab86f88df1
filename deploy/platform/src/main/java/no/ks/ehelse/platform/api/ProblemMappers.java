package no.ks.ehelse.platform.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import no.ks.ehelse.platform.events.Failures;
import no.ks.ehelse.platform.web.ErrorPages;

/**
 * Every error of every service leaves as RFC 9457 problem+json: validation (with the fields at fault), unreadable
 * bodies, security, domain refusals and the unexpected (logged with an id the caller can quote). A person's page
 * request (HTML accepted, not under /api/ or /q/) gets the same status as a Norwegian error page instead
 * ({@link ErrorPages}).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String RETRY_AFTER = "Retry-After";
    /** About the time a failover or a database restart takes (docs/reliability.md). */
    private static final String RETRY_AFTER_SECONDS = "5";

    @Inject
    ErrorPages errorPages;

    @ServerExceptionMapper
    public Response domain(ProblemException e, UriInfo uri, HttpHeaders headers) {
        return respond(headers, e.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            violations.add(new Problem.Violation(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        violations.sort(Comparator.comparing(Problem.Violation::field));
        return respond(
                headers,
                new Problem(
                        type("validation"),
                        "Invalid request",
                        400,
                        violations.size() + " field(s) are invalid",
                        path(uri),
                        violations,
                        null));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadable(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        return respond(headers, unreadableBody(e, uri));
    }

    // Quarkus registers its own mappers for these subtypes; the most specific type wins, so name them here.
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return respond(headers, unreadableBody(e, uri));
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformedJson(JsonParseException e, UriInfo uri, HttpHeaders headers) {
        return respond(headers, unreadableBody(e, uri));
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return challenge(uri, headers);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        return challenge(uri, headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(
                headers,
                new Problem(
                        type("forbidden"),
                        "Forbidden",
                        403,
                        "Your role does not allow this operation",
                        path(uri),
                        null,
                        null));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(headers, unreadableBody(json, uri));
        }
        // A parameter converter that refuses a value the domain's way, wrapped by JAX-RS as a 404 or 400.
        if (e.getCause() instanceof ProblemException problem) {
            return respond(headers, problem.toProblem(path(uri)));
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri, headers);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        return respond(headers, new Problem(type(slug(title)), title, status, e.getMessage(), path(uri), null, null));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri, HttpHeaders headers) {
        String refused = unstorableValue(e);
        if (refused != null) {
            // The request checks (StrictRequests, StrictJson) refuse such values at the edge; this is the net
            // below them, so that a value the database cannot store is still the caller's 400, not our 500.
            LOG.warnf("The database refused a value on %s: SQLSTATE %s", LogText.of(path(uri)), refused);
            return respond(
                    headers,
                    new Problem(
                            type("validation"),
                            "Invalid request",
                            400,
                            "A value in the request cannot be stored (a NUL character, a date, number or text out of range)",
                            path(uri),
                            null,
                            java.util.Map.of("sqlState", refused)));
        }
        if (Failures.databaseUnavailable(e)) {
            // Nothing of the request was stored: the transaction did not commit. The pool replaces the broken
            // connections and a failed-over primary is found again by the JDBC URL, so the caller may retry soon.
            LOG.warnf("The database is unavailable on %s: %s", LogText.of(path(uri)), e.getMessage());
            Response unavailable = respond(
                    headers,
                    new Problem(
                            type("unavailable"),
                            "Service unavailable",
                            503,
                            "The database is unavailable; nothing was changed. Try again in a few seconds",
                            path(uri),
                            null,
                            null));
            return Response.fromResponse(unavailable)
                    .header(RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error on %s (incident %s)", LogText.of(path(uri)), incident);
        return respond(
                headers,
                new Problem(
                        type("internal"),
                        "Internal error",
                        500,
                        "Something went wrong on our side; quote incident " + incident,
                        path(uri),
                        null,
                        java.util.Map.of("incident", incident)));
    }

    /** The SQLSTATE when the database refused a value of the request as data ({@link Failures#refusesTheData}). */
    private static String unstorableValue(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && Failures.refusesTheData(sql.getSQLState())) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static Problem unreadableBody(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = fieldOf(mapping.getPath());
            String message;
            if (e instanceof StrictJson.RefusedValueException refused) {
                message = refused.reason();
            } else if (e instanceof UnrecognizedPropertyException) {
                message = "unknown field";
            } else if (e instanceof InvalidFormatException format) {
                message = "cannot read " + quote(format.getValue()) + " as " + describe(format.getTargetType());
            } else {
                message = "has the wrong type or format";
            }
            return new Problem(
                    type("validation"),
                    "Invalid request",
                    400,
                    field + ": " + message,
                    path(uri),
                    List.of(new Problem.Violation(field, message)),
                    null);
        }
        String detail = e instanceof JsonParseException
                ? "The body is not valid JSON: " + e.getOriginalMessage()
                : "The body could not be read: " + e.getOriginalMessage();
        return new Problem(type("unreadable-body"), "Invalid request", 400, detail, path(uri), null, null);
    }

    private Response challenge(UriInfo uri, HttpHeaders headers) {
        if (ErrorPages.wantsPage(path(uri), headers)) {
            return errorPages.page(401, null);
        }
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(
                        type("unauthenticated"),
                        "Unauthorized",
                        401,
                        "A valid bearer token is required",
                        path(uri),
                        null,
                        null))
                .build();
    }

    private Response respond(HttpHeaders headers, Problem problem) {
        if (ErrorPages.wantsPage(problem.instance(), headers)) {
            Object incident = problem.extensions().get("incident");
            try {
                return errorPages.page(
                        problem.status(), incident == null ? null : incident.toString(), problem.instance());
            } catch (RuntimeException e) {
                // The page is a courtesy: if it cannot be rendered, the problem still tells what went wrong.
                LOG.errorf(e, "Could not render the error page for %s", LogText.of(problem.instance()));
            }
        }
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    /**
     * "create.request.successors[1].name" (method, parameter, properties) → "successors[1].name"; a list element
     * "eventTypes[0].&lt;list element&gt;" → "eventTypes[0]"; query and path parameters keep their own name.
     */
    private static String fieldOf(Path path) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                    continue;
                }
                case PARAMETER -> {
                    parts.clear();
                    parts.add(node.getName());
                    continue;
                }
                default -> {}
            }
            if (node.isInIterable() && !parts.isEmpty()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (position != null) {
                    parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + position + "]");
                }
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                parts.add(node.getName());
            }
        }
        // A body parameter's own name ("request") says nothing to the caller: drop it when fields follow.
        if (parts.size() > 1) {
            parts.remove(0);
        }
        return String.join(".", parts);
    }

    private static String fieldOf(List<JsonMappingException.Reference> references) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            List<String> values = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                values.add(constant.toString());
            }
            return "one of " + values;
        }
        return type.getSimpleName();
    }

    private static String quote(Object value) {
        String text = String.valueOf(value);
        return "'" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "'";
    }

    private static String type(String slug) {
        return Problem.TYPE_PREFIX + slug;
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
