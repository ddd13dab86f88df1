package no.ks.ehelse.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
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

    /**
     * Every operation names who performs it (a security scheme): NHN's scheme exactly where the catalogue makes NHN
     * the producer or consumer of the channel, a service's everywhere else; every non-local server requires one.
     */
    @Test
    void nhnsOperationsAreWhatTheCatalogueGrantsNhnAndEveryOperationIsAuthenticated() throws IOException {
        JsonNode api = asyncApi();
        Map<String, String> addresses = new HashMap<>();
        api.path("channels")
                .properties()
                .forEach(c ->
                        addresses.put(c.getKey(), c.getValue().path("address").asText()));
        Map<String, TopicCatalogue.Topic> topics = new HashMap<>();
        TopicCatalogue.topics().forEach(t -> topics.put(t.name(), t));
        Set<String> nhnSends = new TreeSet<>();
        Set<String> nhnReceives = new TreeSet<>();
        api.path("operations").properties().forEach(entry -> {
            JsonNode operation = entry.getValue();
            String channel = operation.path("channel").path("$ref").asText().replace("#/channels/", "");
            String topic = addresses.get(channel);
            JsonNode security = operation.path("security");
            assertEquals(1, security.size(), entry.getKey() + " names one security scheme");
            String scheme = security.get(0).path("$ref").asText().replace("#/components/securitySchemes/", "");
            assertTrue(
                    api.path("components").path("securitySchemes").has(scheme),
                    entry.getKey() + ": no security scheme " + scheme);
            boolean send = operation.path("action").asText().equals("send");
            TopicCatalogue.Topic row = topics.get(topic);
            boolean nhnByCatalogue = (send ? row.producers() : row.consumers()).contains("nhn");
            assertEquals(nhnByCatalogue, scheme.equals("nhn"), entry.getKey() + " on " + topic + " as " + scheme);
            if (scheme.equals("nhn")) {
                (send ? nhnSends : nhnReceives).add(topic);
            }
        });
        assertEquals(catalogueTopicsOf(t -> t.producers().contains("nhn")), nhnSends, "NHN writes");
        assertEquals(catalogueTopicsOf(t -> t.consumers().contains("nhn")), nhnReceives, "NHN reads");
        api.path("servers").properties().forEach(server -> {
            if (!server.getKey().equals("local")) {
                assertEquals(1, server.getValue().path("security").size(), server.getKey() + " requires SCRAM");
            }
        });
        api.path("components")
                .path("securitySchemes")
                .forEach(scheme -> assertEquals(
                        "scramSha512", scheme.path("type").asText(), "the listeners authenticate with SCRAM-SHA-512"));
    }

    private static Set<String> catalogueTopicsOf(java.util.function.Predicate<TopicCatalogue.Topic> predicate) {
        return TopicCatalogue.topics().stream()
                .filter(predicate)
                .map(TopicCatalogue.Topic::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
