package no.ks.ehelse.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.ks.ehelse.localstack.TestTokens;
import no.ks.ehelse.localstack.WebhookReceiver;
import no.ks.ehelse.notification.domain.MunicipalityProjection;
import no.ks.ehelse.notification.domain.Notification;

/**
 * Which subscriptions an event reaches: every filter a subscription sets must match the event (municipality,
 * solution, track, and the network, the event's own or else its municipality's, in any letter case), and an event
 * without a value never matches a filter on it. Driven through the REST API and Kafka; counted as the messages
 * planned per subscription.
 */
@QuarkusTest
class SubscriptionFiltersTest {

    private static final String ENROLLED = "no.ks.ehelse.enrollment.enrolled.v1";

    private final String admin = TestTokens.forRole("admin");

    @Test
    void anEventReachesExactlyTheSubscriptionsWhoseFiltersItMatches() {
        Given.municipality("4090", "Filterkommune", "Haugalandet digi");
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> MunicipalityProjection.findById("4090") != null));
        UUID track = Given.track("Filtre 2027", "leder.filter@ks.example.test", "nestleder.filter@ks.example.test", 5);
        UUID otherTrack = UUID.randomUUID();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Map<String, String> filters = new LinkedHashMap<>();
            filters.put("none", "");
            filters.put("municipality", "\"kommunenummer\": \"4090\"");
            filters.put("other-municipality", "\"kommunenummer\": \"4611\"");
            filters.put("solution", "\"solution\": \"digihelsestasjon\"");
            filters.put("other-solution", "\"solution\": \"pasientreiser\"");
            filters.put("track", "\"trackId\": \"" + track + "\"");
            filters.put("other-track", "\"trackId\": \"" + otherTrack + "\"");
            filters.put("network-other-case", "\"network\": \"HAUGALANDET DIGI\"");
            filters.put("other-network", "\"network\": \"Sunnhordland digi\"");
            filters.put(
                    "all-matching",
                    "\"kommunenummer\": \"4090\", \"solution\": \"digihelsestasjon\", " + "\"trackId\": \"" + track
                            + "\", \"network\": \"Haugalandet digi\"");
            filters.put(
                    "one-of-four-not",
                    "\"kommunenummer\": \"4090\", \"solution\": \"digihelsestasjon\", " + "\"trackId\": \"" + otherTrack
                            + "\", \"network\": \"Haugalandet digi\"");
            Map<String, UUID> subscriptions = new LinkedHashMap<>();
            filters.forEach((name, filter) -> subscriptions.put(name, subscribe(receiver, name, filter)));

            String eventId = UUID.randomUUID().toString();
            String event =
                    Given.enrollmentEvent(eventId, "enrolled", UUID.randomUUID(), track, "4090", "CONFIRMED", null);
            Given.send("enrollment.enrollments.v1", "4090", event);

            // The messages of one event are planned in one transaction: once any is there, all are.
            await().atMost(Duration.ofSeconds(30)).until(() -> planned(subscriptions.get("none"), eventId) > 0);
            Map<String, Long> reached = new LinkedHashMap<>();
            subscriptions.forEach((name, id) -> reached.put(name, planned(id, eventId)));
            Map<String, Long> expected = new LinkedHashMap<>();
            filters.keySet()
                    .forEach(name ->
                            expected.put(name, name.startsWith("other") || name.equals("one-of-four-not") ? 0L : 1L));
            assertEquals(expected, reached);

            // An event of a municipality the service does not know has no network: a network filter never matches.
            String unknownId = UUID.randomUUID().toString();
            String unknown =
                    Given.enrollmentEvent(unknownId, "enrolled", UUID.randomUUID(), track, "4699", "CONFIRMED", null);
            Given.send("enrollment.enrollments.v1", "4699", unknown);
            await().atMost(Duration.ofSeconds(30)).until(() -> planned(subscriptions.get("none"), unknownId) > 0);
            assertEquals(0L, planned(subscriptions.get("network-other-case"), unknownId), "no network, no match");
            assertEquals(0L, planned(subscriptions.get("municipality"), unknownId), "another municipality");
            assertEquals(1L, planned(subscriptions.get("track"), unknownId), "the track matches");
        }
    }

    private UUID subscribe(WebhookReceiver receiver, String name, String filter) {
        String body = "{\"eventTypes\": [\"" + ENROLLED + "\"], \"channel\": \"WEBHOOK\", \"address\": \""
                + receiver.url("/hooks/" + name) + "\"" + (filter.isEmpty() ? "" : ", " + filter) + "}";
        return UUID.fromString(given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    /** The messages planned for {@code subscription} from the event {@code eventId}. */
    private static long planned(UUID subscription, String eventId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Notification.count("subscriptionId = ?1 and eventId = ?2", subscription, eventId));
    }
}
