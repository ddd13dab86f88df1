package no.ks.ehelse.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.ks.ehelse.localstack.TestTokens;
import no.ks.ehelse.localstack.WebhookReceiver;

/**
 * Who sees which messages and to whom they went (docs/security.md): a lead only the messages about tracks of its
 * solutions; a municipality the messages about itself, but not the address behind another owner's subscription;
 * a feed key is checked as it is looked up (lower case).
 */
@QuarkusTest
class NotificationScopeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void leadsSeeTheirSolutionsAndMunicipalitiesDoNotSeeOthersSubscribers() {
        Given.municipalityWithContacts("4613", "Bømlo", "Vestland digi", "ehelse@bomlo.kommune.example");
        UUID track = Given.track("DigiHelsestasjon 2026 scope", "leder.s@ks.example", "nestleder.s@ks.example", 3);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            given().auth()
                    .oauth2(TestTokens.forRole("admin"))
                    .contentType(ContentType.JSON)
                    .body("""
                    {"eventTypes": ["no.ks.ehelse.enrollment.enrolled.v1"], "channel": "WEBHOOK",
                     "address": "%s", "trackId": "%s"}""".formatted(receiver.url("/hooks/scope"), track))
                    .post("/api/v1/subscriptions")
                    .then()
                    .statusCode(201);
            String eventId = UUID.randomUUID().toString();
            Given.send(
                    "enrollment.enrollments.v1",
                    "4613",
                    Given.enrollmentEvent(eventId, "enrolled", UUID.randomUUID(), track, "4613", "CONFIRMED", null));
            String admin = TestTokens.forRole("admin");
            await().atMost(WAIT).untilAsserted(() -> given().auth()
                    .oauth2(admin)
                    .queryParam("eventId", eventId)
                    .get("/api/v1/notifications")
                    .then()
                    .statusCode(200)
                    .body("items.channel", hasItem("WEBHOOK"))
                    .body("items.channel", hasItem("EMAIL")));
            String webhookMessage = given().auth()
                    .oauth2(admin)
                    .queryParam("eventId", eventId)
                    .queryParam("channel", "WEBHOOK")
                    .get("/api/v1/notifications")
                    .then()
                    .extract()
                    .path("items[0].id");

            String ownLead = TestTokens.forRole("lead", Map.of("solutions", List.of("digihelsestasjon")));
            given().auth()
                    .oauth2(ownLead)
                    .queryParam("eventId", eventId)
                    .get("/api/v1/notifications")
                    .then()
                    .statusCode(200)
                    .body("items.recipient", hasItem("ehelse@bomlo.kommune.example"));
            given().auth()
                    .oauth2(ownLead)
                    .get("/api/v1/notifications/" + webhookMessage)
                    .then()
                    .statusCode(200)
                    .body("recipient", not(nullValue()));

            String otherLead = TestTokens.forRole("lead", Map.of("solutions", List.of("vkp")));
            given().auth()
                    .oauth2(otherLead)
                    .queryParam("eventId", eventId)
                    .get("/api/v1/notifications")
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(0));
            given().auth()
                    .oauth2(otherLead)
                    .get("/api/v1/notifications/" + webhookMessage)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");

            String municipality = TestTokens.forRole("municipality", Map.of("kommunenummer", "4613"));
            given().auth()
                    .oauth2(municipality)
                    .queryParam("eventId", eventId)
                    .get("/api/v1/notifications")
                    .then()
                    .statusCode(200)
                    .body("items.recipient", hasItem("ehelse@bomlo.kommune.example"))
                    .body("items.findAll { it.channel == 'WEBHOOK' }.recipient", everyItem(nullValue()))
                    .body("items.findAll { it.channel == 'WEBHOOK' }", hasSize(1));
            given().auth()
                    .oauth2(municipality)
                    .get("/api/v1/notifications/" + webhookMessage)
                    .then()
                    .statusCode(200)
                    .body("recipient", nullValue())
                    .body("lastError", nullValue())
                    .body("attempts.error", everyItem(nullValue()));
        }
    }

    @Test
    void aFeedKeyInCapitalsIsCheckedAsTheLookupSeesIt() {
        for (String key : new String[] {"KOMMUNE:4218", "Kommune:4218", "kommune:4218"}) {
            given().auth()
                    .oauth2(TestTokens.forRole("municipality", Map.of("kommunenummer", "4601")))
                    .queryParam("recipient", key)
                    .get("/api/v1/feed")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            // A person's feed is theirs by name; a name that reads like a municipality's feed does not open it.
            given().auth()
                    .oauth2(TestTokens.forRole("reader", Map.of("upn", "KOMMUNE:4218")))
                    .queryParam("recipient", key)
                    .get("/api/v1/feed")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(TestTokens.forRole("municipality", Map.of("kommunenummer", "4218")))
                    .queryParam("recipient", key)
                    .get("/api/v1/feed")
                    .then()
                    .statusCode(200);
        }
    }
}
