package no.ks.ehelse.enrollment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import no.ks.ehelse.enrollment.domain.MunicipalityProjection;
import no.ks.ehelse.enrollment.domain.SolutionProjection;
import no.ks.ehelse.localstack.EventContract;

/**
 * Plays the registry: publishes schema-valid municipality and solution events with a plain producer, as the
 * registry's relay does, and waits until the service has projected them.
 */
final class TestRegistry {

    /** Vestland municipalities (2024) used by the tests, plus Bergen's former number. */
    static final Map<String, String> VESTLAND = new LinkedHashMap<>();

    static {
        for (String pair : ("4601 Bergen;4602 Kinn;4611 Etne;4612 Sveio;4613 Bømlo;4614 Stord;4615 Fitjar;"
                + "4616 Tysnes;4617 Kvinnherad;4618 Ullensvang;4619 Eidfjord;4620 Ulvik;4621 Voss;4622 Kvam;"
                + "4623 Samnanger;4624 Bjørnafjorden").split(";")) {
            VESTLAND.put(pair.substring(0, 4), pair.substring(5));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean loaded;

    private TestRegistry() {
    }

    /** Once per test JVM: the Vestland municipalities, Bergen's former number 1201, and a few solutions. */
    static synchronized void load() {
        if (loaded) {
            return;
        }
        VESTLAND.forEach((number, name) -> send("registry.municipalities.v1", number,
                municipality(number, name, "digi-vestland", "null", "[]")));
        send("registry.municipalities.v1", "4301", municipality("4301", "Testvik", "digi-rogaland", "null", "[]"));
        send("registry.municipalities.v1", "1201", municipality("1201", "Bergen", "null", "\"2019-12-31\"",
                "[{\"kommunenummer\": \"4601\", \"name\": \"Bergen\", \"effectiveDate\": \"2020-01-01\", \"changeType\": \"RENUMBERED\"}]"));
        for (String code : new String[] { "vkp", "digihelsestasjon", "digihelse", "kjernejournal" }) {
            send("registry.solutions.v1", code, TestSolutions.published(code, code.toUpperCase()));
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> MunicipalityProjection.count() >= 18 && SolutionProjection.findById("kjernejournal") != null));
        loaded = true;
    }

    private static String municipality(String number, String name, String network, String validTo, String successors) {
        String value = """
                {"specversion": "1.0", "id": "%s", "source": "urn:no:ks:ehelse:registry",
                 "type": "no.ks.ehelse.municipality.registered.v1", "subject": "%s", "time": "%s",
                 "datacontenttype": "application/json",
                 "data": {"kommunenummer": "%s", "name": "%s", "county": "%s", "validFrom": null, "validTo": %s,
                          "population": null, "populationDate": null, "network": %s, "healthRegion": null,
                          "epjVendor": null, "successors": %s, "predecessors": []}}"""
                .formatted(UUID.randomUUID(), number, Instant.now(), number, name, number.substring(0, 2), validTo,
                        "null".equals(network) ? "null" : "\"" + network + "\"", successors);
        try {
            EventContract.assertValid(JSON.readTree(value));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return value;
    }

    static void send(String topic, String key, String value) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", TestSolutions.bootstrap()),
                new StringSerializer(), new StringSerializer())) {
            var record = new ProducerRecord<>(topic, key, value);
            record.headers().add("content-type",
                    "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
            producer.send(record);
            producer.flush();
        }
    }
}
