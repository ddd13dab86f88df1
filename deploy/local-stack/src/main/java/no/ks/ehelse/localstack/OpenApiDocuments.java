package no.ks.ehelse.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;

/**
 * The copies of a service's OpenAPI document under {@code docs/api/<service>/} (committed, so the API can be read
 * without building; the suite's bad-input test reads them too) must be what the service serves. A copy that differs
 * is rewritten from the running service and the check fails, so the build that changed the API leaves the new
 * document in the working tree to be reviewed and committed, and a stale commit cannot pass.
 */
public final class OpenApiDocuments {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiDocuments() {}

    /** Checks docs/api/{service}/openapi.yaml and .json against /q/openapi of the running test application. */
    public static void assertCommittedCopiesAreCurrent(String service) {
        Path directory = repositoryRoot().resolve("docs/api").resolve(service);
        List<String> rewritten = new ArrayList<>();
        compare(directory.resolve("openapi.yaml"), served("yaml"), rewritten);
        compare(directory.resolve("openapi.json"), served("json"), rewritten);
        if (!rewritten.isEmpty()) {
            throw new AssertionError("The committed OpenAPI document differs from what " + service + " serves at"
                    + " /q/openapi. Rewritten from the service: " + String.join(", ", rewritten)
                    + ". Review the change (git diff docs/api) and commit it; the next build passes.");
        }
    }

    /**
     * Every operation has an operationId, unique in the document and camelCase (generated clients name their
     * methods after it; without one they get names made from the path).
     */
    public static void assertOperationIds() {
        JsonNode paths = readJson(served("json")).path("paths");
        Map<String, String> seen = new HashMap<>();
        List<String> faults = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> path = p.next();
            for (Iterator<Map.Entry<String, JsonNode>> o = path.getValue().fields(); o.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = o.next();
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                String id = operation.getValue().path("operationId").asText(null);
                if (id == null) {
                    faults.add(where + " has no operationId (@Operation(operationId = \"...\"))");
                } else if (!id.matches("[a-z][a-zA-Z0-9]*")) {
                    faults.add(where + " has operationId '" + id + "', not camelCase");
                } else if (seen.containsKey(id)) {
                    faults.add(where + " has operationId '" + id + "', as " + seen.get(id) + " does");
                } else {
                    seen.put(id, where);
                }
            }
        }
        if (!faults.isEmpty()) {
            throw new AssertionError("Operations without a good operationId:\n  " + String.join("\n  ", faults));
        }
    }

    private static void compare(Path committed, String served, List<String> rewritten) {
        try {
            String current = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : null;
            if (!served.equals(current)) {
                Files.createDirectories(committed.getParent());
                Files.writeString(committed, served, StandardCharsets.UTF_8);
                rewritten.add(committed.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String served(String format) {
        return RestAssured.given()
                .baseUri(Management.url())
                .queryParam("format", format)
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static JsonNode readJson(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory with docs/api: tests run in the module's directory, one or two levels below it. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs/api"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No docs/api above " + Path.of("").toAbsolutePath());
    }
}
