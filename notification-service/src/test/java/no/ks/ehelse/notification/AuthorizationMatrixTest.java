package no.ks.ehelse.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.ks.ehelse.localstack.AuthorizationMatrix;
import no.ks.ehelse.localstack.TestTokens;

/**
 * docs/security.md's notification-service table, against the served API document and every operation × role: on
 * real messages about Bergen (4601) in a digihelsestasjon track, Bergen's feed, and a subscription of the
 * municipality token in scope, so that a lead of vkp, Kinn (4602) and other callers' names are outside the scope.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CONTACT = "ehelse@bergen.kommune.example";
    private static final String ENROLLED = "no.ks.ehelse.enrollment.enrolled.v1";

    @Test
    void everyOperationAnswersEveryRoleAsTheMatrixSays() {
        Given.municipalityWithContacts("4601", "Bergen", "Vestland digi", CONTACT);
        UUID track = Given.track("DigiHelsestasjon matrise", "leder.m@ks.example", "nestleder.m@ks.example", 5);
        String municipality = TestTokens.forRole("municipality", Map.of("kommunenummer", "4601"));
        String subscriptionBody = """
                {"eventTypes": ["%s"], "channel": "EMAIL", "address": "abonnent@bergen.kommune.example",
                 "kommunenummer": "4601"}""".formatted(ENROLLED);
        String subscription = given().auth()
                .oauth2(municipality)
                .contentType(ContentType.JSON)
                .body(subscriptionBody)
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        UUID enrollment = UUID.randomUUID();
        Given.send(
                "enrollment.enrollments.v1",
                "4601",
                Given.enrollmentEvent(
                        UUID.randomUUID().toString(), "enrolled", enrollment, track, "4601", "CONFIRMED", null));
        String admin = TestTokens.forRole("admin");
        await().atMost(WAIT)
                .until(() -> given().auth()
                                .oauth2(admin)
                                .get("/api/v1/subscriptions/" + subscription + "/deliveries")
                                .then()
                                .extract()
                                .<List<?>>path("items")
                                .size()
                        > 0);
        // The subscription's first delivery may be its opt-in mail: wait for the enrollment's own effects too.
        await().atMost(WAIT)
                .until(() -> given().auth()
                                .oauth2(admin)
                                .queryParam("kommunenummer", "4601")
                                .get("/api/v1/feed")
                                .then()
                                .extract()
                                .<List<?>>path("items")
                                .size()
                        > 0);
        await().atMost(WAIT)
                .until(() -> given().auth()
                                .oauth2(admin)
                                .queryParam("recipient", CONTACT)
                                .queryParam("kommunenummer", "4601")
                                .get("/api/v1/notifications")
                                .then()
                                .extract()
                                .<List<?>>path("items")
                                .size()
                        > 0);
        String delivery = given().auth()
                .oauth2(admin)
                .get("/api/v1/subscriptions/" + subscription + "/deliveries")
                .then()
                .extract()
                .path("items[0].id");
        String message = given().auth()
                .oauth2(admin)
                .queryParam("recipient", CONTACT)
                .queryParam("kommunenummer", "4601")
                .get("/api/v1/notifications")
                .then()
                .extract()
                .path("items[0].id");
        String feedEntry = given().auth()
                .oauth2(admin)
                .queryParam("kommunenummer", "4601")
                .get("/api/v1/feed")
                .then()
                .extract()
                .path("items[0].id");

        int calls = AuthorizationMatrix.of("notification-service")
                .scope("4601", List.of("digihelsestasjon"), "4602", List.of("vkp"))
                .path("/api/v1/feed/", "id", feedEntry)
                .path("/api/v1/notifications/", "id", message)
                .path("/api/v1/acknowledgements/", "enrollmentId", enrollment.toString())
                .path("/api/v1/subscriptions/", "id", subscription)
                .path("/api/v1/tracks/", "trackId", track.toString())
                .path("/api/v1/municipalities/", "kommunenummer", "4601")
                .path("/api/v1/subscriptions/", "messageId", delivery)
                .path("/api/v1/recipients/", "address", CONTACT)
                .path("lead", "/api/v1/recipients/", "address", "test-lead@example.test")
                .path("reader", "/api/v1/recipients/", "address", "test-reader@example.test")
                .query("GET /api/v1/feed", "kommunenummer=4601")
                .query("GET /api/v1/feed", "lead", "recipient=test-lead@example.test")
                .query("GET /api/v1/feed", "reader", "recipient=test-reader@example.test")
                .query("GET /api/v1/notifications", "municipality", "kommunenummer=4601")
                .path("/api/v1/recipients/", "kind", "WENT_LIVE")
                .path("/api/v1/recipients/", "channel", "EMAIL")
                .body("PUT /api/v1/recipients/{address}/delivery", "{\"delivery\": \"DAILY_DIGEST\"}")
                .body("PUT /api/v1/recipients/{address}/language", "{\"language\": \"NYNORSK\"}")
                .body(
                        "PUT /api/v1/recipients/{address}/preferences/{kind}/{channel}",
                        "{\"delivery\": \"WEEKLY_DIGEST\"}")
                .body("POST /api/v1/subscriptions", subscriptionBody)
                .query(
                        "POST /api/v1/subscriptions/{id}/replay",
                        "since=" + java.time.Instant.now().minusSeconds(3600))
                .last("DELETE /api/v1/subscriptions/{id}")
                .check();
        System.out.println("notification-service: " + calls + " authorization calls checked");
        assertTrue(calls >= 21 * 6, "every operation with every role: " + calls);
    }
}
