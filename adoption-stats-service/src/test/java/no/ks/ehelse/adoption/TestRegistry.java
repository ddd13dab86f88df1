package no.ks.ehelse.adoption;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.narayana.jta.QuarkusTransaction;
import no.ks.ehelse.adoption.domain.MunicipalityProjection;
import no.ks.ehelse.adoption.domain.SolutionProjection;
import no.ks.ehelse.localstack.TestEvents;

/** Plays the registry once per test run: five 2024 municipalities (3301, 1508 and 1580 valid from 2024-01-01), two
 * former numbers valid to 2023-12-31 (3005 renumbered 3301, 1507 split into 1508 and 1580), a few solutions. */
final class TestRegistry {

    private static boolean loaded;

    private TestRegistry() {}

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** The numbers the 2024 county split made are valid from 2024-01-01, as in the registry. */
    private static String validFrom(String event, String day) {
        return event.replace("\"validFrom\": null", "\"validFrom\": \"" + day + "\"");
    }

    static synchronized void load() {
        if (loaded) {
            return;
        }
        Map<String, String> municipalities = new LinkedHashMap<>();
        municipalities.put(
                "4601",
                TestEvents.municipality("4601", "Bergen", "digi-vestland", "helse-vest", 291000, null, Map.of()));
        municipalities.put(
                "4602", TestEvents.municipality("4602", "Kinn", "digi-vestland", "helse-vest", 17000, null, Map.of()));
        municipalities.put(
                "3301",
                validFrom(
                        TestEvents.municipality(
                                "3301", "Drammen", "digi-viken", "helse-sor-ost", 104487, null, Map.of()),
                        "2024-01-01"));
        municipalities.put(
                "1508",
                validFrom(
                        TestEvents.municipality(
                                "1508", "Ålesund", "digi-more-og-romsdal", "helse-midt-norge", 58509, null, Map.of()),
                        "2024-01-01"));
        municipalities.put(
                "1580",
                validFrom(
                        TestEvents.municipality(
                                "1580", "Haram", "digi-more-og-romsdal", "helse-midt-norge", 9357, null, Map.of()),
                        "2024-01-01"));
        municipalities.put(
                "3005",
                TestEvents.municipality("3005", "Drammen", null, null, null, "2023-12-31", Map.of("3301", "Drammen")));
        municipalities.put(
                "1507",
                TestEvents.municipality(
                        "1507",
                        "Ålesund",
                        null,
                        null,
                        null,
                        "2023-12-31",
                        new java.util.TreeMap<>(Map.of("1508", "Ålesund", "1580", "Haram"))));
        TestEvents.sendAll(bootstrap(), "registry.municipalities.v1", municipalities);
        for (String code :
                List.of("digihelse", "digihelsestasjon", "kjernejournal", "vkp", "htm", "sfm", "pll", "helsenorge")) {
            TestEvents.send(bootstrap(), "registry.solutions.v1", code, TestEvents.solution(code, code));
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> MunicipalityProjection.count() >= 7 && SolutionProjection.count() >= 8));
        loaded = true;
    }
}
