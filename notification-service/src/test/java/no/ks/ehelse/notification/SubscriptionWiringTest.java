package no.ks.ehelse.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.ks.ehelse.localstack.EventContract;
import no.ks.ehelse.localstack.EventProbe;
import no.ks.ehelse.localstack.TestTokens;

/** REST with a token → database → subscription-created on Kafka, seen by a plain consumer; refusals as problems. */
@QuarkusTest
class SubscriptionWiringTest {

    private static final String BODY = """
            {"eventTypes": ["no.ks.ehelse.enrollment.enrolled.v1"], "channel": "EMAIL",
             "address": "postmottak@bergen.kommune.example", "kommunenummer": "4601"}""";

    @Test
    void subscribingStoresItAndAnnouncesItWithoutTheAddress() {
        String municipality = TestTokens.forRole("municipality", Map.of("kommunenummer", "4601"));
        try (EventProbe probe = EventProbe.open(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                "notification.subscriptions.v1")) {
            String id = given().auth()
                    .oauth2(municipality)
                    .contentType(ContentType.JSON)
                    .body(BODY)
                    .post("/api/v1/subscriptions")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            var event = probe.await(r -> id.equals(r.key()), Duration.ofSeconds(20));
            EventContract.assertValid(event.value());
            assertEquals("no.ks.ehelse.notification.subscription-created.v1", event.type());
            assertEquals("4601", event.value().at("/data/filters/kommunenummer").asText());
            assertFalse(event.rawValue().contains("postmottak@"), "the address must not be in the event");

            given().auth()
                    .oauth2(municipality)
                    .get("/api/v1/subscriptions/" + id)
                    .then()
                    .statusCode(200)
                    .body("address", equalTo("postmottak@bergen.kommune.example"));
            given().auth()
                    .oauth2(TestTokens.forRole("reader"))
                    .get("/api/v1/subscriptions/" + id)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
            given().auth()
                    .oauth2(TestTokens.forRole("admin"))
                    .get("/api/v1/subscriptions?size=500")
                    .then()
                    .statusCode(200)
                    .body("items.id", hasItem(id));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no event types       | {\"eventTypes\": [], \"channel\": \"EMAIL\", \"address\": \"a@kommune.example\"}                         | eventTypes",
                "a bad event type     | {\"eventTypes\": [\"enrolled\"], \"channel\": \"EMAIL\", \"address\": \"a@kommune.example\"}             | eventTypes[0]",
                "a URL for e-mail     | {\"eventTypes\": [\"no.ks.ehelse.enrollment.enrolled.v1\"], \"channel\": \"EMAIL\", \"address\": \"https://x.example/h\"} | address",
                "an ftp webhook       | {\"eventTypes\": [\"no.ks.ehelse.enrollment.enrolled.v1\"], \"channel\": \"WEBHOOK\", \"address\": \"ftp://x.example/h\"} | address",
                "a digest webhook     | {\"eventTypes\": [\"no.ks.ehelse.enrollment.enrolled.v1\"], \"channel\": \"WEBHOOK\", \"address\": \"https://x.example/h\", \"delivery\": \"DAILY_DIGEST\"} | delivery",
                "someone else's feed  | {\"eventTypes\": [\"no.ks.ehelse.enrollment.enrolled.v1\"], \"channel\": \"FEED\", \"address\": \"a@kommune.example\"} | address",
                "no e-mail address    | {\"eventTypes\": [\"no.ks.ehelse.enrollment.enrolled.v1\"], \"channel\": \"EMAIL\"} | address",
                "an unknown type      | {\"eventTypes\": [\"no.ks.ehelse.enrollment.enroled.v1\"], \"channel\": \"EMAIL\", \"address\": \"a@kommune.example\"} | eventTypes[0]",
                "an OFF subscription  | {\"eventTypes\": [\"no.ks.ehelse.enrollment.enrolled.v1\"], \"channel\": \"EMAIL\", \"address\": \"a@kommune.example\", \"delivery\": \"OFF\"} | delivery",
                "an unknown channel   | {\"eventTypes\": [\"no.ks.ehelse.enrollment.enrolled.v1\"], \"channel\": \"SMS\", \"address\": \"a@kommune.example\"} | channel",
                "a bad kommunenummer  | {\"eventTypes\": [\"no.ks.ehelse.enrollment.enrolled.v1\"], \"channel\": \"EMAIL\", \"address\": \"a@kommune.example\", \"kommunenummer\": \"46\"} | kommunenummer",
            })
    void badSubscriptionsAreProblemsNamingTheField(String name, String body, String field) {
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo(field));
    }

    @Test
    void aMalformedIdInThePathIs400NamingItNot404() {
        String admin = TestTokens.forRole("admin");
        for (String path : java.util.List.of(
                "/api/v1/subscriptions/not-a-uuid",
                "/api/v1/subscriptions/not-a-uuid/deliveries",
                "/api/v1/notifications/not-a-uuid")) {
            given().auth()
                    .oauth2(admin)
                    .get(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo("id"))
                    .body("violations[0].message", equalTo("must be a UUID"));
        }
        given().auth()
                .oauth2(admin)
                .get("/api/v1/subscriptions/" + java.util.UUID.randomUUID() + "/deliveries/42")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("messageId"));
    }

    @Test
    void aSingleValueFilterGivenTwiceIsRefusedNamingIt() {
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .get("/api/v1/notifications?status=FAILED&status=SENT")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("status"))
                .body("violations[0].message", equalTo("is given 2 times; this operation takes one value"));
    }

    @Test
    void subscribingNeedsATokenAndIsNotForTheNhnIntegration() {
        given().contentType(ContentType.JSON)
                .body(BODY)
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.forRole("nhn"))
                .contentType(ContentType.JSON)
                .body(BODY)
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }
}
