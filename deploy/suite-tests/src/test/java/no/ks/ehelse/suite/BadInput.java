package no.ks.ehelse.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Generates malformed requests for every write endpoint with a body, from each service's generated OpenAPI
 * document (docs/api/&lt;service&gt;/openapi.json): broken JSON, the wrong top-level type, every property with a
 * wrong type, an unknown enum value and a 100,000-character string, and wrong content types. The answer must
 * never be a 5xx, and every 4xx must be application/problem+json. Each JSON body is also validated against the
 * endpoint's request schema in the same document: a body the schema rejects must not be answered 2xx. The few
 * generated bodies the schema accepts (e.g. a free-text property set to {@code NOT_A_VALUE_%$} where nothing else
 * is required) are sent and checked all the same, but may be accepted.
 */
final class BadInput {

    /**
     * {@code malformed}: how many requests the OpenAPI document itself rejects; {@code acceptedMalformed}: those
     * answered 2xx all the same; {@code acceptedValid}: the schema-valid ones answered 2xx.
     */
    record Report(
            int requests,
            int endpoints,
            int malformed,
            Map<Integer, Integer> statuses,
            List<String> serverErrors,
            List<String> notProblemJson,
            List<String> acceptedMalformed,
            List<String> acceptedValid) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig ASSERT_FORMATS =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final String HUGE = "x".repeat(100_000);

    private BadInput() {}

    static Report against(Suite suite) {
        int requests = 0;
        int endpoints = 0;
        int malformed = 0;
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        List<String> notProblem = new ArrayList<>();
        List<String> acceptedMalformed = new ArrayList<>();
        List<String> acceptedValid = new ArrayList<>();
        String admin = suite.token("admin", Map.of());
        for (String service : Suite.SERVICES) {
            JsonNode api = read(service);
            for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                    JsonNode content = op.getValue().path("requestBody").path("content");
                    if (!List.of("POST", "PUT", "PATCH").contains(method) || !content.has("application/json")) {
                        continue;
                    }
                    endpoints++;
                    String url = fill(path.getKey());
                    JsonSchema contract =
                            contract(api, content.path("application/json").path("schema"));
                    JsonNode schema =
                            resolve(api, content.path("application/json").path("schema"));
                    for (String[] body : bodies(api, schema)) {
                        boolean rejectedBySchema = rejectedBy(contract, body);
                        if (rejectedBySchema) {
                            malformed++;
                        }
                        Response r = RestAssured.given()
                                .baseUri(suite.url(service))
                                .auth()
                                .oauth2(admin)
                                .contentType(body[0])
                                .body(body[1])
                                .request(method, url);
                        requests++;
                        statuses.merge(r.statusCode(), 1, Integer::sum);
                        String what = service + " " + method + " " + url + " [" + body[0] + "] "
                                + body[1].substring(0, Math.min(80, body[1].length())) + " → " + r.statusCode();
                        if (r.statusCode() / 100 == 2) {
                            (rejectedBySchema ? acceptedMalformed : acceptedValid).add(what);
                        }
                        if (r.statusCode() >= 500) {
                            serverErrors.add(what);
                        } else if (r.statusCode() >= 400
                                && !String.valueOf(r.contentType()).startsWith("application/problem+json")) {
                            notProblem.add(what + " " + r.contentType());
                        }
                    }
                }
            }
        }
        return new Report(
                requests, endpoints, malformed, statuses, serverErrors, notProblem, acceptedMalformed, acceptedValid);
    }

    /**
     * The endpoint's request schema as a JSON Schema (OpenAPI 3.1 schemas are JSON Schema 2020-12), with the
     * document's components beside it so its {@code #/components/...} references resolve.
     */
    private static JsonSchema contract(JsonNode api, JsonNode requestSchema) {
        ObjectNode root = JSON.createObjectNode();
        root.set("allOf", JSON.createArrayNode().add(requestSchema.deepCopy()));
        root.set("components", api.path("components"));
        return SCHEMAS.getSchema(root, ASSERT_FORMATS);
    }

    /** Whether the OpenAPI document rejects the body: another content type, not JSON, or against the schema. */
    private static boolean rejectedBy(JsonSchema contract, String[] body) {
        if (!body[0].equals("application/json")) {
            return true;
        }
        try {
            return !contract.validate(JSON.readTree(body[1])).isEmpty();
        } catch (IOException e) {
            return true;
        }
    }

    /** Malformed bodies for one endpoint: {content type, body}. */
    private static List<String[]> bodies(JsonNode api, JsonNode schema) {
        String json = "application/json";
        List<String[]> bodies = new ArrayList<>(List.of(
                new String[] {json, "{\"unterminated\": "},
                new String[] {json, "{]"},
                new String[] {json, "\"just a string\""},
                new String[] {json, "12345"},
                new String[] {json, schema.path("type").asText().equals("array") ? "{}" : "[]"},
                new String[] {"text/plain", "hello"},
                new String[] {"application/xml", "<enrollment/>"},
                new String[] {json, "{\"" + HUGE + "\": 1}"}));
        JsonNode properties = schema.path("type").asText().equals("array")
                ? resolve(api, schema.path("items")).path("properties")
                : schema.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode property = resolve(api, p.getValue());
            for (JsonNode wrong : wrongValues(property)) {
                ObjectNode object = JSON.createObjectNode();
                object.set(p.getKey(), wrong);
                String body = schema.path("type").asText().equals("array") ? "[" + object + "]" : object.toString();
                bodies.add(new String[] {json, body});
            }
        }
        return bodies;
    }

    private static List<JsonNode> wrongValues(JsonNode property) {
        List<JsonNode> wrong = new ArrayList<>();
        String type = property.path("type").asText(property.has("enum") ? "string" : "object");
        switch (type) {
            case "string" -> {
                wrong.add(JSON.createObjectNode().put("nested", 1));
                wrong.add(JSON.getNodeFactory().textNode(HUGE));
                wrong.add(JSON.getNodeFactory().textNode("NOT_A_VALUE_%$"));
            }
            case "integer", "number" -> {
                wrong.add(JSON.getNodeFactory().textNode("not a number"));
                wrong.add(JSON.getNodeFactory().numberNode(new java.math.BigInteger("99999999999999999999999")));
                wrong.add(JSON.getNodeFactory().numberNode(-1));
            }
            case "boolean" -> wrong.add(JSON.getNodeFactory().textNode("perhaps"));
            case "array" -> {
                wrong.add(JSON.getNodeFactory().textNode("not a list"));
                wrong.add(JSON.createArrayNode().add(JSON.createObjectNode().put("x", HUGE)));
            }
            default -> {
                wrong.add(JSON.getNodeFactory().numberNode(5));
                wrong.add(JSON.getNodeFactory().textNode(HUGE));
            }
        }
        return wrong;
    }

    private static JsonNode resolve(JsonNode api, JsonNode schema) {
        JsonNode s = schema;
        for (int depth = 0; depth < 5 && s.has("$ref"); depth++) {
            String ref = s.get("$ref").asText();
            s = api.at(ref.substring(1));
        }
        if (s.has("allOf") && s.get("allOf").size() == 1) {
            return resolve(api, s.get("allOf").get(0));
        }
        return s;
    }

    private static String fill(String path) {
        return path.replace("{id}", UUID.randomUUID().toString())
                .replace("{messageId}", UUID.randomUUID().toString())
                .replace("{trackId}", UUID.randomUUID().toString())
                .replace("{enrollmentId}", UUID.randomUUID().toString())
                .replace("{network}", "digi-vestland")
                .replace("{healthRegion}", "helse-vest")
                .replace("{fylkesnummer}", "46")
                .replace("{kind}", "WENT_LIVE")
                .replace("{channel}", "EMAIL")
                .replace("{kommunenummer}", "4601")
                .replace("{code}", "digihelse")
                .replace("{solution}", "digihelse")
                .replace("{year}", "2027")
                .replace("{address}", "ehelse@kommune.example");
    }

    private static JsonNode read(String service) {
        try {
            return JSON.readTree(
                    Suite.ROOT.resolve("docs/api/" + service + "/openapi.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
