package no.ks.ehelse.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** docs/events/asyncapi.yaml, the schema files and the topic catalogue must tell the same story. */
class EventCatalogueTest {

    private static final Path EVENTS = EventContract.eventsDirectory();

    private static JsonNode asyncApi() throws IOException {
        return new ObjectMapper(new YAMLFactory())
                .readTree(EVENTS.resolve("asyncapi.yaml").toFile());
    }

    @Test
    void everyTopicOfTheCatalogueIsAChannelAndViceVersa() throws IOException {
        Set<String> channels = new TreeSet<>();
        asyncApi().path("channels").forEach(c -> channels.add(c.path("address").asText()));
        Set<String> topics = TopicCatalogue.topics().stream()
                .map(TopicCatalogue.Topic::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(topics, channels);
    }

    @Test
    void everyMessageHasASchemaNamedAfterItsTypeAndEverySchemaIsListed() throws IOException {
        Set<String> referenced = new HashSet<>();
        asyncApi().path("components").path("messages").forEach(message -> {
            String ref = message.path("payload").path("$ref").asText();
            assertEquals("schemas/" + message.path("name").asText() + ".schema.json", ref);
            assertTrue(Files.exists(EVENTS.resolve(ref)), ref);
            referenced.add(ref);
        });
        try (Stream<Path> files = Files.list(EVENTS.resolve("schemas"))) {
            Set<String> present = files.map(f -> "schemas/" + f.getFileName()).collect(Collectors.toSet());
            assertEquals(new TreeSet<>(present), new TreeSet<>(referenced));
        }
    }
}
