package no.ks.ehelse.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Holds a service to its own OpenAPI document: every response its tests receive over REST Assured is checked
 * against the document the service serves at {@code /q/openapi}, so an undocumented status, media type, header or
 * field fails the test that received it. Requests are not judged (strict-input tests send bad ones on purpose);
 * an operation the document does not have is an error unless the service refused it as unknown (404, 405).
 *
 * <p>Objects in the document accept no properties beyond the ones they list (unless they say otherwise, as
 * {@code Problem} does for its extension members): a generated client would drop an undocumented field, so the
 * check refuses it.
 *
 * <p>Installed once per test JVM by {@link QuarkusCallbacks} for every {@code @QuarkusTest}; the count of checked
 * responses is logged after each test class and written to {@code target/openapi-contract.txt}.
 */
public final class OpenApiContract implements OrderedFilter {

    private static final Logger LOG = Logger.getLogger(OpenApiContract.class.getName());
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static final AtomicLong CHECKED = new AtomicLong();
    private static final Map<Integer, AtomicLong> BY_STATUS = new ConcurrentHashMap<>();
    private static final Set<Integer> REFUSED_AS_UNKNOWN = Set.of(404, 405);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Test hooks the documents leave out on purpose (platform time.ClockResource). */
    private static final Set<String> HIDDEN = Set.of("/api/v1/admin/clock");

    private final Map<String, Optional<OpenApiInteractionValidator>> byServer = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private OpenApiContract() {}

    /** Adds the check to REST Assured's global filters, once. */
    public static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            RestAssured.filters(new OpenApiContract());
        }
    }

    /** Responses checked so far in this JVM. */
    public static long checked() {
        return CHECKED.get();
    }

    /** Logs the running total and writes it to target/openapi-contract.txt (the last write is the JVM's total). */
    static void report() {
        if (!INSTALLED.get()) {
            return;
        }
        Map<Integer, Long> byStatus = new TreeMap<>();
        BY_STATUS.forEach((status, count) -> byStatus.put(status, count.get()));
        String line = "OpenAPI contract: " + CHECKED.get()
                + " responses checked against the service's document, by status " + byStatus;
        LOG.info(line);
        try {
            Path target = Path.of("target");
            if (Files.isDirectory(target)) {
                Files.writeString(target.resolve("openapi-contract.txt"), line + "\n");
            }
        } catch (IOException e) {
            LOG.warning("Could not write target/openapi-contract.txt: " + e);
        }
    }

    @Override
    public int getOrder() {
        // Outermost: the check sees the response exactly as the test will.
        return OrderedFilter.HIGHEST_PRECEDENCE;
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext ctx) {
        Response answer = ctx.next(request, response);
        URI uri = URI.create(request.getURI());
        // Pages for people and the management interface are not in the API's document.
        if (!uri.getPath().startsWith("/api/") || HIDDEN.contains(uri.getPath())) {
            return answer;
        }
        Optional<OpenApiInteractionValidator> validator =
                byServer.computeIfAbsent(uri.getScheme() + "://" + uri.getAuthority(), this::load);
        if (validator.isEmpty()) {
            return answer;
        }
        ValidationReport report = validator
                .get()
                .validateResponse(
                        uri.getRawPath(),
                        Request.Method.valueOf(request.getMethod().toUpperCase()),
                        withoutNulls(answer));
        boolean unknownOperation =
                report.getMessages().stream().anyMatch(m -> m.getKey().startsWith("validation.request."));
        if (unknownOperation && REFUSED_AS_UNKNOWN.contains(answer.statusCode())) {
            return answer;
        }
        if (report.hasErrors()) {
            throw new AssertionError("The response of " + request.getMethod() + " " + uri.getRawPath() + " ("
                    + answer.statusCode() + ") is not what the service's OpenAPI document says:\n"
                    + report.getMessages().stream()
                            .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                            .map(m -> "  - " + m.getKey() + ": " + m.getMessage())
                            .collect(Collectors.joining("\n"))
                    + "\nBody: " + abbreviated(answer.asString()));
        }
        CHECKED.incrementAndGet();
        BY_STATUS.computeIfAbsent(answer.statusCode(), s -> new AtomicLong()).incrementAndGet();
        return answer;
    }

    private Optional<OpenApiInteractionValidator> load(String server) {
        HttpResponse<String> answer;
        // The service under test serves its document on the management interface, not beside its API.
        String documentServer = URI.create(server).getPort() == RestAssured.port ? Management.url() : server;
        try {
            answer = http.send(
                    HttpRequest.newBuilder(URI.create(documentServer + "/q/openapi?format=json"))
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the OpenAPI document of " + server, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (answer.statusCode() != 200 && !documentServer.equals(server)) {
            throw new IllegalStateException("The service under test serves no OpenAPI document at " + documentServer
                    + "/q/openapi (" + answer.statusCode() + ")");
        }
        if (answer.statusCode() != 200) {
            // Not a service of ours (e.g. a test's own HTTP receiver): nothing to hold it to.
            return Optional.empty();
        }
        return Optional.of(validatorFor(answer.body()));
    }

    /** A validator for the document as served, closed (see {@link #closed}), every finding an error. */
    static OpenApiInteractionValidator validatorFor(String document) {
        return OpenApiInteractionValidator.createForInlineApiSpecification(closed(document))
                .withLevelResolver(LevelResolver.create()
                        .withDefaultLevel(ValidationReport.Level.ERROR)
                        .build())
                .build();
    }

    /**
     * The document as the validator can hold a response to it: {@code additionalProperties: false} on every object
     * schema that lists its properties, and read as OpenAPI 3.0. The validator checks types and properties only
     * in 3.0 documents (given a 3.1 document it checks little beyond {@code required}), and the one 3.1 keyword
     * SmallRye writes here, a schema's {@code examples} array, says nothing about validity, so it is dropped.
     */
    static String closed(String document) {
        ObjectMapper mapper = new ObjectMapper();
        try {
            JsonNode root = mapper.readTree(document);
            close(root);
            if (root.path("openapi").asText().startsWith("3.1")) {
                ((ObjectNode) root).put("openapi", "3.0.3");
            }
            return mapper.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException("The OpenAPI document is not JSON", e);
        }
    }

    private static void close(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.get("properties") instanceof ObjectNode && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            if (object.get("examples") != null && object.get("examples").isArray()) {
                object.remove("examples");
            }
            object.forEach(OpenApiContract::close);
        } else if (node.isArray()) {
            node.forEach(OpenApiContract::close);
        }
    }

    /**
     * The response as the validator sees it: JSON members whose value is null removed. The services write an
     * unset optional member as null; the documents mark members that are always there as required, so a null in a
     * required member is still caught (as missing), and any other member may be null or absent.
     */
    static com.atlassian.oai.validator.model.Response withoutNulls(Response answer) {
        SimpleResponse.Builder copy = SimpleResponse.Builder.status(answer.statusCode());
        answer.getHeaders().asList().forEach(h -> copy.withHeader(h.getName(), h.getValue()));
        String body = answer.asString();
        String contentType = answer.getContentType();
        if (body != null && !body.isEmpty() && contentType != null && contentType.contains("json")) {
            try {
                JsonNode tree = MAPPER.readTree(body);
                dropNulls(tree);
                body = MAPPER.writeValueAsString(tree);
            } catch (IOException e) {
                // Not JSON after all: the validator reports that against the document as it stands.
            }
        }
        return copy.withBody(body).build();
    }

    private static void dropNulls(JsonNode node) {
        if (node.isObject()) {
            ((ObjectNode) node).properties().removeIf(member -> member.getValue()
                    .isNull());
            node.forEach(OpenApiContract::dropNulls);
        } else if (node.isArray()) {
            node.forEach(OpenApiContract::dropNulls);
        }
    }

    private static String abbreviated(String body) {
        return body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
    }
}
