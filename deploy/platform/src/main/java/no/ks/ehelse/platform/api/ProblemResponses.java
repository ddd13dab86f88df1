package no.ks.ehelse.platform.api;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.tags.Tag;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Documents the problems {@link ProblemMappers} and {@link StrictRequests} answer on every operation of every
 * service, so that each operation's annotations need to name only its own (a 409, a 429): the {@code Problem}
 * schema once, 400 and 406 everywhere (an undeclared query parameter, an {@code Accept} nothing matches), 401 and
 * 403 where a token is required, 404 where the path names a resource, 415 where a body is read. A response an
 * operation declares itself keeps its description and gets the problem body if it has none.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String VIOLATION = "Violation";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    private static final Map<String, String> COMMON = Map.of(
            "400", "Invalid request: the fields or parameters at fault are named in `violations`",
            "406", "None of the media types in `Accept` is offered; `offered` lists them");

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("400", COMMON.get("400")),
            Map.entry("401", "A valid bearer token is required (`WWW-Authenticate: Bearer`)"),
            Map.entry("403", "The token's role does not allow this operation"),
            Map.entry("404", "The resource in the path does not exist"),
            Map.entry("406", COMMON.get("406")),
            Map.entry("409", "Conflicts with the resource's current state"),
            Map.entry("415", "The body's `Content-Type` is not one the operation reads"),
            Map.entry("422", "The request is understood but breaks a rule of the domain"),
            Map.entry("429", "Too many requests for now; `Retry-After` says when to try again"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema(VIOLATION, violationSchema());
        components.addSchema(PROBLEM, problemSchema());

        Set<String> usedTags = new HashSet<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            // Pages for people (Qute resources outside /api/) are not part of the API a client is generated from.
            List.copyOf(openAPI.getPaths().getPathItems().keySet()).stream()
                    .filter(path -> !path.startsWith("/api/"))
                    .forEach(openAPI.getPaths()::removePathItem);
            openAPI.getPaths()
                    .getPathItems()
                    .forEach((path, item) -> item.getOperations().values().forEach(operation -> {
                        document(path, operation);
                        if (operation.getTags() != null) {
                            usedTags.addAll(operation.getTags());
                        }
                    }));
        }
        // A tag only hidden operations carried (the test hook's "Admin") would be an empty group in Swagger UI.
        List<Tag> tags = openAPI.getTags();
        if (tags != null) {
            openAPI.setTags(
                    tags.stream().filter(t -> usedTags.contains(t.getName())).toList());
        }
    }

    private static void document(String path, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        Set<String> codes = new HashSet<>(COMMON.keySet());
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            codes.add("401");
            codes.add("403");
        }
        if (path.contains("{")) {
            codes.add("404");
        }
        if (operation.getRequestBody() != null) {
            codes.add("415");
        }
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().keySet().stream()
                    .filter(code -> code.startsWith("4") || code.startsWith("5"))
                    .forEach(codes::add);
        }
        // Sorted by code, so the documents read (and diff) in a stable order.
        Map<String, APIResponse> sorted = new TreeMap<>();
        if (responses.getAPIResponses() != null) {
            sorted.putAll(responses.getAPIResponses());
        }
        for (String code : codes) {
            sorted.put(code, problemResponse(code, sorted.get(code)));
        }
        responses.setAPIResponses(sorted);
    }

    private static APIResponse problemResponse(String code, APIResponse declared) {
        APIResponse response = declared != null ? declared : OASFactory.createAPIResponse();
        if (declared == null || isGenerated(declared.getDescription())) {
            response.setDescription(DESCRIPTIONS.getOrDefault(code, "A problem"));
        }
        Content content = response.getContent();
        if (content == null
                || content.getMediaTypes() == null
                || content.getMediaTypes().isEmpty()) {
            content = OASFactory.createContent();
            response.setContent(content);
        }
        var media = content.getMediaType(Problem.MEDIA_TYPE);
        if (media == null) {
            media = OASFactory.createMediaType();
            content.addMediaType(Problem.MEDIA_TYPE, media);
        }
        if (media.getSchema() == null
                || media.getSchema().getRef() == null && media.getSchema().getType() == null) {
            media.setSchema(OASFactory.createSchema().ref(PROBLEM_REF));
        }
        if ("401".equals(code)
                && (response.getHeaders() == null || !response.getHeaders().containsKey("WWW-Authenticate"))) {
            response.addHeader(
                    "WWW-Authenticate",
                    OASFactory.createHeader()
                            .description("Bearer")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        return response;
    }

    /** SmallRye's own texts for the responses it adds ("Bad Request", "Not Authorized", "Not Allowed"). */
    private static boolean isGenerated(String description) {
        return description == null
                || description.isBlank()
                || Set.of("Bad Request", "Not Authorized", "Not Allowed").contains(description);
    }

    private static Schema violationSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("One field at fault")
                .addProperty(
                        "field",
                        string("Its path in the request: `code`, `milestones[2].date`, or a query parameter's name"))
                .addProperty("message", string("What is wrong with it, for a person"))
                .required(List.of("field", "message"));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem detail. Extension members (`allowed`, `offered`, `existing`,"
                        + " `incident`, …) stand beside the standard ones.")
                .addProperty(
                        "type",
                        string("A URN under " + Problem.TYPE_PREFIX + ", e.g. " + Problem.TYPE_PREFIX + "validation"))
                .addProperty("title", string("Short and the same for every problem of the type"))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .format("int32")
                                .description("The HTTP status"))
                .addProperty("detail", string("What went wrong this time, for a person"))
                .addProperty("instance", string("The request's path"))
                .addProperty(
                        "violations",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .items(OASFactory.createSchema().ref("#/components/schemas/" + VIOLATION)))
                .additionalPropertiesBoolean(Boolean.TRUE)
                .required(List.of("type", "title", "status"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
