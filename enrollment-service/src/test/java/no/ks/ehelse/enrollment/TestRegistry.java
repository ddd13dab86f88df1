package no.ks.ehelse.enrollment;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import no.ks.ehelse.enrollment.domain.MunicipalityProjection;
import no.ks.ehelse.enrollment.domain.SolutionProjection;
import no.ks.ehelse.enrollment.domain.VendorProjection;
import no.ks.ehelse.localstack.TestEvents;

/**
 * Plays the registry: publishes schema-valid municipality and solution events with a plain producer, as the
 * registry's relay does (TestEvents), and waits until the service has projected them.
 */
final class TestRegistry {

    /** Vestland municipalities (2024) used by the tests, plus Bergen's former number. */
    static final Map<String, String> VESTLAND = new LinkedHashMap<>();

    static {
        for (String pair : ("4601 Bergen;4602 Kinn;4611 Etne;4612 Sveio;4613 Bømlo;4614 Stord;4615 Fitjar;"
                        + "4616 Tysnes;4617 Kvinnherad;4618 Ullensvang;4619 Eidfjord;4620 Ulvik;4621 Voss;4622 Kvam;"
                        + "4623 Samnanger;4624 Bjørnafjorden")
                .split(";")) {
            VESTLAND.put(pair.substring(0, 4), pair.substring(5));
        }
    }

    private static boolean loaded;

    private TestRegistry() {}

    /** Once per test JVM: the Vestland municipalities, Bergen's former number 1201, and a few solutions. */
    static synchronized void load() {
        if (loaded) {
            return;
        }
        Map<String, String> municipalities = new LinkedHashMap<>();
        VESTLAND.forEach((number, name) -> municipalities.put(
                number, TestEvents.municipality(number, name, "digi-vestland", "helse-vest", null, null, Map.of())));
        municipalities.put(
                "4301",
                TestEvents.municipality("4301", "Testvik", "digi-rogaland", "helse-vest", null, null, Map.of()));
        municipalities.put(
                "1201",
                TestEvents.municipality("1201", "Bergen", null, null, null, "2019-12-31", Map.of("4601", "Bergen")));
        TestEvents.sendAll(TestSolutions.bootstrap(), "registry.municipalities.v1", municipalities);
        for (String code : new String[] {"vkp", "digihelsestasjon", "digihelse", "kjernejournal"}) {
            send("registry.solutions.v1", code, TestEvents.solution(code, code.toUpperCase()));
        }
        for (String[] v : new String[][] {
            {"visma", "Visma", "EPJ"}, {"cgm", "CGM", "EPJ"}, {"careium", "Careium", "WELFARE_TECHNOLOGY"}
        }) {
            send("registry.vendors.v1", v[0], vendor(v[0], v[1], v[2], "[]"));
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> MunicipalityProjection.count() >= 18
                        && SolutionProjection.findById("kjernejournal") != null
                        && VendorProjection.findById("careium") != null));
        loaded = true;
    }

    /** registry's vendor.registered; {@code supports} a JSON array of {"solution", "product", "from"}. */
    static String vendor(String code, String name, String kind, String supports) {
        return TestEvents.event("urn:no:ks:ehelse:registry", "no.ks.ehelse.vendor.registered.v1", code, """
                {"code": "%s", "name": "%s", "kind": "%s", "supports": %s}""".formatted(
                        code, name, kind, supports));
    }

    static void send(String topic, String key, String value) {
        TestEvents.send(TestSolutions.bootstrap(), topic, key, value);
    }
}
