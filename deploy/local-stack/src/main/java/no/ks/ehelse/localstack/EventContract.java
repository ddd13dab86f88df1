package no.ks.ehelse.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Checks an event against the one source of contracts, {@code docs/events/}: the CloudEvents envelope schema and
 * the JSON Schema of the event's data ({@code docs/events/schemas/<type>.schema.json}). Used by the producing and
 * the consuming side's tests alike.
 */
public final class EventContract {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private EventContract() {}

    /** Throws an AssertionError listing every violation of the envelope or of the data schema. */
    public static void assertValid(JsonNode cloudEvent) {
        check(schema("cloudevent.schema.json"), cloudEvent, "envelope");
        String type = cloudEvent.path("type").asText();
        check(schema("schemas/" + type + ".schema.json"), cloudEvent.path("data"), type);
    }

    private static void check(JsonSchema schema, JsonNode node, String what) {
        Set<ValidationMessage> errors = schema.validate(node);
        if (!errors.isEmpty()) {
            throw new AssertionError(what + " does not match its schema: "
                    + errors.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; ")) + " in "
                    + node);
        }
    }

    private static JsonSchema schema(String relative) {
        Path file = eventsDirectory().resolve(relative);
        if (!Files.exists(file)) {
            throw new AssertionError("No schema at " + file + ": every event type needs one in docs/events/schemas");
        }
        try {
            return FACTORY.getSchema(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** docs/events of this checkout, found from the module's working directory upwards. */
    public static Path eventsDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("events");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("docs/events not found above " + Path.of("").toAbsolutePath());
    }
}
