package no.ks.ehelse.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The types a subscription may name are exactly docs/events' schemas of enrollment-service's tracks and enrollments
 * (the topics this service consumes and tells people about): a new event type there is subscribable here, and a
 * type here that docs/events does not have would be refused by no one else.
 */
class EventCatalogueTest {

    @Test
    void theCatalogueIsDocsEventsTracksAndEnrollments() throws IOException {
        TreeSet<String> documented;
        try (Stream<Path> files = Files.list(Path.of("../docs/events/schemas"))) {
            documented = files.map(f -> f.getFileName().toString().replace(".schema.json", ""))
                    .filter(t -> t.startsWith("no.ks.ehelse.enrollment.") || t.startsWith("no.ks.ehelse.track."))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        String asyncApi = Files.readString(Path.of("../docs/events/asyncapi.yaml"));
        for (String type : documented) {
            assertEquals(true, asyncApi.contains("name: " + type), type + " is named in asyncapi.yaml");
        }
        assertEquals(documented, new TreeSet<>(EventCatalogue.TYPES));
        assertEquals(EventCatalogue.TYPES.size(), EventCatalogue.LABELS.size(), "each type has a Norwegian name");
    }
}
