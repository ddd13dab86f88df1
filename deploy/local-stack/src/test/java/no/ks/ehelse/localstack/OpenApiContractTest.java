package no.ks.ehelse.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

/** What the check refuses, on a document shaped like SmallRye's (OpenAPI 3.1, one problem schema). */
class OpenApiContractTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {"/things/{id}": {"get": {"operationId": "getThing",
               "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
               "responses": {
                 "200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                 "404": {"description": "Not found", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
             "components": {"schemas": {
               "Thing": {"type": "object", "properties": {"name": {"type": "string"}, "count": {"type": "integer", "format": "int32"}}},
               "Problem": {"type": "object", "additionalProperties": true, "required": ["type", "status"],
                           "properties": {"type": {"type": "string"}, "status": {"type": "integer"}}}}}}
            """;

    private final OpenApiInteractionValidator validator = OpenApiContract.validatorFor(DOCUMENT);

    @Test
    void aDocumentedAnswerPasses() {
        assertEquals(List.of(), errors(200, "application/json", "{\"name\": \"a\", \"count\": 2}"));
        assertEquals(
                List.of(),
                errors(404, "application/problem+json", "{\"type\": \"urn:x\", \"status\": 404, \"existing\": {}}"));
    }

    @Test
    void anUndocumentedFieldFails() {
        assertTrue(!errors(200, "application/json", "{\"name\": \"a\", \"secret\": \"s\"}")
                .isEmpty());
    }

    @Test
    void aFieldOfTheWrongTypeFails() {
        assertTrue(!errors(200, "application/json", "{\"name\": \"a\", \"count\": \"two\"}")
                .isEmpty());
    }

    @Test
    void anUndocumentedStatusFails() {
        assertTrue(errors(201, "application/json", "{\"name\": \"a\"}").stream()
                .anyMatch(key -> key.equals("validation.response.status.unknown")));
    }

    @Test
    void anUndocumentedMediaTypeFails() {
        assertTrue(errors(200, "text/plain", "a").stream()
                .anyMatch(key -> key.startsWith("validation.response.contentType")));
    }

    @Test
    void aProblemWithoutItsRequiredMembersFails() {
        assertTrue(!errors(404, "application/problem+json", "{\"title\": \"Not found\"}")
                .isEmpty());
    }

    private List<String> errors(int status, String contentType, String body) {
        ValidationReport report = validator.validateResponse(
                "/things/1",
                Request.Method.GET,
                SimpleResponse.Builder.status(status)
                        .withContentType(contentType)
                        .withBody(body)
                        .build());
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(ValidationReport.Message::getKey)
                .toList();
    }
}
