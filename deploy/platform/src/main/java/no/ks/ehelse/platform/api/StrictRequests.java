package no.ks.ehelse.platform.api;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import no.ks.ehelse.platform.events.DateRange;

/**
 * Refuses, before any resource code runs, what would otherwise be ignored, misread or crash deeper down: a query
 * parameter the operation does not declare (a misspelt filter must not silently return everything), a query
 * parameter given more than once where the operation takes one value (JAX-RS would silently use the first), a path
 * or query value that cannot be read as the declared type (JAX-RS would answer "404 Not Found" without naming it,
 * so a malformed id would read as a missing one), a date outside what a database column and a person's four-digit
 * year hold, a NUL character in a path or query value (PostgreSQL refuses it), and an {@code Accept} header that
 * asks for nothing the operation offers (JAX-RS would write the Java {@code toString()} as text). Each refusal is a
 * 400 or 406 problem naming the parameter and what is allowed. What an operation declares is read once per resource
 * method, by reflection, from its {@code @QueryParam}, {@code @PathParam} and {@code @BeanParam} (e.g.
 * {@link PageRequest}) parameters and its {@code @Produces}. A query parameter declared as a collection ({@code
 * List<UUID> ids}) is the one way to take several values.
 */
public class StrictRequests {

    static final String NUL_MESSAGE = "must not contain a NUL character";
    static final String DATE_RANGE_MESSAGE =
            "must be a date between " + DateRange.STORABLE.earliest() + " and " + DateRange.STORABLE.latest();
    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]{1,18}");
    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON_TYPE);

    /**
     * What one resource method accepts: its query and path parameters with their Java types, and the media types
     * it offers.
     */
    record Declared(Map<String, Type> query, Map<String, Type> path, List<MediaType> produces) {

        static Declared of(Method method) {
            Map<String, Type> query = new TreeMap<>();
            Map<String, Type> path = new TreeMap<>();
            for (Parameter parameter : method.getParameters()) {
                collect(parameter, parameter.getParameterizedType(), parameter.getType(), query, path);
            }
            Produces produces = method.getAnnotation(Produces.class);
            if (produces == null) {
                produces = method.getDeclaringClass().getAnnotation(Produces.class);
            }
            List<MediaType> offered = produces == null
                    ? JSON
                    : Arrays.stream(produces.value())
                            .flatMap(v -> Arrays.stream(v.split(",")))
                            .map(v -> MediaType.valueOf(v.trim()))
                            .toList();
            return new Declared(Map.copyOf(query), Map.copyOf(path), offered);
        }

        /** Whether the query parameter takes several values ({@code ?id=a&id=b}): declared as a list or set. */
        boolean multiValued(String name) {
            return query.get(name) instanceof ParameterizedType p
                    && p.getRawType() instanceof Class<?> container
                    && Collection.class.isAssignableFrom(container);
        }

        private static void collect(
                AnnotatedElement element, Type type, Class<?> raw, Map<String, Type> query, Map<String, Type> path) {
            QueryParam name = element.getAnnotation(QueryParam.class);
            PathParam segment = element.getAnnotation(PathParam.class);
            if (name != null) {
                query.put(name.value(), type);
            } else if (segment != null) {
                path.put(segment.value(), type);
            } else if (element.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> c = raw; c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field field : c.getDeclaredFields()) {
                        collect(field, field.getGenericType(), field.getType(), query, path);
                    }
                    for (Method setter : c.getDeclaredMethods()) {
                        if (setter.getParameterCount() == 1) {
                            collect(
                                    setter,
                                    setter.getGenericParameterTypes()[0],
                                    setter.getParameterTypes()[0],
                                    query,
                                    path);
                        }
                    }
                }
            }
        }
    }

    private final ConcurrentMap<Method, Declared> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Declared operation = declared.computeIfAbsent(method, Declared::of);
        requireAcceptable(request.getAcceptableMediaTypes(), operation.produces());
        request.getUriInfo().getPathParameters().forEach((name, values) -> {
            for (String value : values) {
                // A path parameter the method does not bind (declared on the class only) is checked for NUL alone.
                String problem = problemWith(value, operation.path().getOrDefault(name, String.class));
                if (problem != null) {
                    throw ProblemException.invalidField(name, problem);
                }
            }
        });
        Map<String, List<String>> query = request.getUriInfo().getQueryParameters();
        List<String> unknown = query.keySet().stream()
                .filter(n -> !operation.query().containsKey(n))
                .sorted()
                .toList();
        if (!unknown.isEmpty()) {
            throw unknownParameters(unknown, operation.query().keySet());
        }
        query.forEach((name, values) -> {
            if (values.size() > 1 && !operation.multiValued(name)) {
                throw ProblemException.invalidField(
                        name, "is given " + values.size() + " times; this operation takes one value");
            }
            for (String value : values) {
                String problem = problemWith(value, operation.query().get(name));
                if (problem != null) {
                    throw ProblemException.invalidField(name, problem);
                }
            }
        });
    }

    /**
     * Why the value cannot be read as the declared type, or null when it can. Types it does not know are left to
     * JAX-RS; only the NUL character is refused for all.
     */
    static String problemWith(String value, Type type) {
        if (value.indexOf('\0') >= 0) {
            return NUL_MESSAGE;
        }
        Class<?> raw = rawOf(type);
        if (raw == null) {
            return null;
        }
        if (raw == String.class) {
            return null;
        }
        if (raw == int.class || raw == Integer.class) {
            return wholeNumber(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (raw == long.class || raw == Long.class) {
            return wholeNumber(value, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (raw == short.class || raw == Short.class) {
            return wholeNumber(value, Short.MIN_VALUE, Short.MAX_VALUE);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") ? null : "must be true or false";
        }
        if (raw == LocalDate.class) {
            try {
                return DateRange.STORABLE.contains(LocalDate.parse(value)) ? null : DATE_RANGE_MESSAGE;
            } catch (DateTimeParseException e) {
                return "must be a date such as 2024-01-31 (YYYY-MM-DD)";
            }
        }
        if (raw == java.util.UUID.class) {
            return UUID_FORM.matcher(value).matches() ? null : "must be a UUID";
        }
        if (raw.isEnum()) {
            List<String> allowed = new ArrayList<>();
            for (Object constant : raw.getEnumConstants()) {
                allowed.add(((Enum<?>) constant).name());
            }
            return allowed.contains(value) ? null : "must be one of " + String.join(", ", allowed);
        }
        return null;
    }

    private static String wholeNumber(String value, long min, long max) {
        String range = "must be a whole number between " + min + " and " + max;
        if (!WHOLE_NUMBER.matcher(value).matches()) {
            return value.length() > 18 && value.matches("[+-]?[0-9]+") ? range : "must be a whole number";
        }
        long number = Long.parseLong(value);
        return number < min || number > max ? range : null;
    }

    /** The class of a parameter's values: the element type of a list or set, the type itself otherwise. */
    private static Class<?> rawOf(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> container) {
            if (Collection.class.isAssignableFrom(container) || container == java.util.Optional.class) {
                return rawOf(p.getActualTypeArguments()[0]);
            }
            return container;
        }
        return null;
    }

    private static ProblemException unknownParameters(List<String> unknown, Collection<String> declared) {
        // Sorted: the declared names come from a set, and the same request should get the same answer every time.
        List<String> allowed = declared.stream().sorted().toList();
        String allowedText = allowed.isEmpty() ? "none" : String.join(", ", allowed);
        List<Problem.Violation> violations = unknown.stream()
                .map(n -> new Problem.Violation(
                        n, "is not a query parameter of this operation (allowed: " + allowedText + ")"))
                .toList();
        return new ProblemException(
                        400,
                        "unknown-parameter",
                        "Invalid request",
                        "Unknown query parameter(s) " + String.join(", ", unknown) + "; this operation takes "
                                + (allowed.isEmpty() ? "no query parameters" : allowedText),
                        violations)
                .with("allowed", allowed);
    }

    private static void requireAcceptable(List<MediaType> accepted, List<MediaType> offered) {
        if (accepted.isEmpty()) {
            return;
        }
        for (MediaType wanted : accepted) {
            for (MediaType type : offered) {
                if (type.isCompatible(wanted)) {
                    return;
                }
            }
        }
        List<String> types =
                offered.stream().map(t -> t.getType() + "/" + t.getSubtype()).toList();
        throw new ProblemException(
                        406,
                        "not-acceptable",
                        "Not Acceptable",
                        "This operation answers only with " + String.join(", ", types)
                                + "; the Accept header asks for none of them")
                .with("offered", types);
    }
}
