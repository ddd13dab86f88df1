package no.ks.ehelse.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import no.ks.ehelse.localstack.EventProbe;
import no.ks.ehelse.localstack.MailSink;
import no.ks.ehelse.localstack.TestTokens;
import no.ks.ehelse.localstack.WebhookReceiver;
import no.ks.ehelse.notification.domain.ContactProjection;
import no.ks.ehelse.notification.domain.TrackProjection;

/**
 * The whole path: events on Kafka from a plain producer → messages planned once per (event, recipient, channel)
 * → mails in a real SMTP server, signed calls to a webhook receiver, feed entries; with duplicates, an SMTP
 * outage, a send-time condition, digests and failing endpoints.
 */
@QuarkusTest
class NotificationFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private MailSink mail;
    private final String admin = TestTokens.forRole("admin");

    @BeforeEach
    void smtp() {
        mail = MailSink.forTests();
    }

    @Test
    void anEnrollmentIsConfirmedOnceToEveryContactAndSignedToTheWebhookEvenWhenTheEventComesTwice() {
        Given.municipalityWithContacts("4611", "Etne", "Vestland digi", "ehelse@etne.kommune.example",
                "postmottak@etne.kommune.example");
        UUID track = Given.track("DigiHelsestasjon 2026 vår", "leder.a@ks.example", "nestleder.a@ks.example", 3);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath subscription = given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                    {"eventTypes": ["no.ks.ehelse.enrollment.enrolled.v1"], "channel": "WEBHOOK",
                     "address": "%s", "trackId": "%s"}""".formatted(receiver.url("/hooks/ks"), track))
                    .post("/api/v1/subscriptions").then().statusCode(201).extract().jsonPath();
            String secret = subscription.getString("secret");
            assertTrue(secret.startsWith("whsec_"), "the secret is shown once, on creation");
            receiver.secret("/hooks/ks", secret);
            given().auth().oauth2(admin).get("/api/v1/subscriptions/" + subscription.getString("id"))
                    .then().statusCode(200).body("secret", equalTo(null));

            UUID enrollment = UUID.randomUUID();
            String eventId = UUID.randomUUID().toString();
            String event = Given.enrollmentEvent(eventId, "enrolled", enrollment, track, "4611", "CONFIRMED", null);
            Given.send("enrollment.enrollments.v1", "4611", event);
            Given.send("enrollment.enrollments.v1", "4611", event); // delivered twice

            MailSink.Mail confirmation = mail.await(m -> m.isTo("ehelse@etne.kommune.example"), 1, WAIT).get(0);
            mail.await(m -> m.isTo("postmottak@etne.kommune.example"), 1, WAIT);
            assertTrue(confirmation.subject().startsWith("Påmelding bekreftet: Etne"), confirmation.subject());
            assertTrue(confirmation.text().contains("DigiHelsestasjon 2026 vår"));
            assertTrue(confirmation.text().contains("HelseID-klient bestilt"), "the prerequisites");
            assertTrue(confirmation.text().contains("Innføringsleder Test"), "who leads");
            assertTrue(confirmation.text().contains("Neste steg"), "what to do next");
            assertTrue(confirmation.text().contains("/api/v1/enrollments/" + enrollment + "/withdrawal"),
                    "how to withdraw");
            assertNotNull(confirmation.html(), "an HTML part as well");
            assertTrue(confirmation.html().contains("<strong>Etne (4611)</strong>"), confirmation.html());

            await().atMost(WAIT).until(() -> receiver.calls("/hooks/ks").size() >= 1);
            WebhookReceiver.Call call = receiver.calls("/hooks/ks").get(0);
            assertTrue(call.signatureValid(), "signature verifies with the subscription's secret: " + call);
            JsonPath payload = new JsonPath(call.body());
            assertEquals("no.ks.ehelse.enrollment.enrolled.v1", payload.getString("type"));
            assertEquals(eventId, payload.getString("data.eventId"));
            assertEquals("4611", payload.getString("data.kommunenummer"));
            assertTrue(payload.getString("data.link").endsWith("/api/v1/enrollments/" + enrollment));

            // Nothing doubled: a moment for a second copy to show up, then exact counts everywhere.
            await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
            assertEquals(1, mail.mailsTo("ehelse@etne.kommune.example").size());
            assertEquals(1, mail.mailsTo("postmottak@etne.kommune.example").size());
            assertEquals(1, receiver.calls("/hooks/ks").size());
            given().auth().oauth2(admin).queryParam("eventId", eventId).get("/api/v1/notifications")
                    .then().statusCode(200)
                    .body("items.findAll { it.channel == 'EMAIL' }.status", equalTo(List.of("SENT", "SENT")))
                    .body("items.findAll { it.channel == 'WEBHOOK' }", hasSize(1));

            String municipality = TestTokens.forRole("municipality", Map.of("kommunenummer", "4611"));
            String entry = given().auth().oauth2(municipality).queryParam("kommunenummer", "4611")
                    .get("/api/v1/feed").then().statusCode(200)
                    .body("items", hasSize(1)).body("items[0].read", equalTo(false))
                    .body("items[0].title", equalTo(confirmation.subject()))
                    .extract().path("items[0].id");
            given().auth().oauth2(municipality).put("/api/v1/feed/" + entry + "/read").then().statusCode(200)
                    .body("read", equalTo(true));
            given().auth().oauth2(municipality).queryParam("kommunenummer", "4611").queryParam("unread", true)
                    .get("/api/v1/feed").then().statusCode(200).body("items", hasSize(0));
            given().auth().oauth2(TestTokens.forRole("municipality", Map.of("kommunenummer", "4601")))
                    .queryParam("kommunenummer", "4611").get("/api/v1/feed")
                    .then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void aWaitlistedMunicipalityHearsItsPositionAndThenItsPromotion() {
        Given.municipalityWithContacts("4612", "Sveio", "Vestland digi", "ehelse@sveio.kommune.example");
        UUID track = Given.track("DigiHelsestasjon 2026 høst", "leder.b@ks.example", "nestleder.b@ks.example", 1);
        UUID enrollment = UUID.randomUUID();
        Given.enrollment("enrolled", enrollment, track, "4612", "WAITLISTED", 1);
        MailSink.Mail waitlisted = mail.await(m -> m.isTo("ehelse@sveio.kommune.example"), 1, WAIT).get(0);
        assertTrue(waitlisted.subject().contains("venteliste plass 1"), waitlisted.subject());

        Given.enrollment("waitlist-promoted", enrollment, track, "4612", "CONFIRMED", null);
        MailSink.Mail promoted = mail.await(m -> m.isTo("ehelse@sveio.kommune.example")
                && m.subject().startsWith("Dere har fått plass"), 1, WAIT).get(0);
        assertTrue(promoted.text().contains("Dette har dere meldt dere på"), "the promotion is the confirmation");
    }

    @Test
    void remindersWaitOutAnSmtpOutageAndSkipAMunicipalityThatEnrolledInTheMeantime() {
        Given.municipalityWithContacts("4613", "Bømlo", "Sunnhordland digi", "ehelse@bomlo.kommune.example");
        Given.municipalityWithContacts("4614", "Stord", "Sunnhordland digi", "ehelse@stord.kommune.example");
        UUID track = Given.track("Pasientens legemiddelliste 2026", "leder.c@ks.example", "nestleder.c@ks.example",
                10);
        awaitTrackKnown(track);
        mail.pause();
        try {
            Given.deadlineApproaching(track, "Pasientens legemiddelliste 2026", 3);
            await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(admin)
                    .queryParam("recipient", "ehelse@bomlo.kommune.example").queryParam("channel", "EMAIL")
                    .get("/api/v1/notifications").then().statusCode(200)
                    .body("items.find { it.kind == 'DEADLINE_APPROACHING' }.status", equalTo("RETRYING"))
                    .body("items.find { it.kind == 'DEADLINE_APPROACHING' }.lastError", org.hamcrest.Matchers
                            .containsString("EMAIL delivery failed")));
            // Bømlo enrolls while the mail server is away.
            Given.enrollment("enrolled", UUID.randomUUID(), track, "4613", "CONFIRMED", null);
            await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(admin)
                    .queryParam("recipient", "ehelse@bomlo.kommune.example").queryParam("channel", "EMAIL")
                    .get("/api/v1/notifications").then().body("items.kind",
                            org.hamcrest.Matchers.hasItem("ENROLLED_CONFIRMED")));
        } finally {
            mail.resume();
        }
        // Retries back off (1-2 s here) and a connection caught mid-restart waits for the mailer's timeout.
        MailSink.Mail reminder = mail.await(m -> m.isTo("ehelse@stord.kommune.example")
                && m.subject().startsWith("Påminnelse"), 1, WAIT.multipliedBy(2)).get(0);
        assertTrue(reminder.text().contains("Stord (4614) er ennå ikke påmeldt"), reminder.text());
        mail.await(m -> m.isTo("ehelse@bomlo.kommune.example") && m.subject().startsWith("Påmelding bekreftet"),
                1, WAIT.multipliedBy(2));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(admin)
                .queryParam("recipient", "ehelse@bomlo.kommune.example").queryParam("channel", "EMAIL")
                .get("/api/v1/notifications").then()
                .body("items.find { it.kind == 'DEADLINE_APPROACHING' }.status", equalTo("SKIPPED"))
                .body("items.find { it.kind == 'DEADLINE_APPROACHING' }.lastError",
                        org.hamcrest.Matchers.containsString("enrolled after the reminder was planned")));
        assertTrue(mail.mailsTo("ehelse@bomlo.kommune.example").stream()
                .noneMatch(m -> m.subject().startsWith("Påminnelse")), "no reminder to a municipality that enrolled");
    }

    @Test
    void aRecipientWhoChoseTheDigestGetsOneMailWithEverythingAtDigestTime() {
        Given.municipalityWithContacts("4615", "Fitjar", "Sunnhordland digi", "ehelse@fitjar.kommune.example");
        Given.municipalityWithContacts("4616", "Tysnes", "Sunnhordland digi", "ehelse@tysnes.kommune.example");
        String lead = "leder.digest@ks.example";
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"delivery\": \"DAILY_DIGEST\"}")
                .put("/api/v1/recipients/" + lead + "/delivery").then().statusCode(200)
                .body("delivery", equalTo("DAILY_DIGEST"));
        UUID track = Given.track("Digital hjemmeoppfølging 2026", lead, "nestleder.d@ks.example", 5);
        awaitTrackKnown(track);
        Given.enrollment("withdrawn", UUID.randomUUID(), track, "4615", "WITHDRAWN", null);
        Given.enrollment("went-live", UUID.randomUUID(), track, "4616", "LIVE", null);

        List<String> due = new ArrayList<>();
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath found = given().auth().oauth2(admin).queryParam("recipient", lead)
                    .queryParam("channel", "EMAIL").get("/api/v1/notifications").then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(2, found.getList("items").size());
            assertEquals(List.of(true, true), found.getList("items.digest"));
            assertEquals(List.of("PENDING", "PENDING"), found.getList("items.status"));
            due.clear();
            due.addAll(found.getList("items.nextAttemptAt"));
        });
        assertTrue(mail.mailsTo(lead).isEmpty(), "nothing before digest time");
        // The municipalities' own contacts chose nothing: they were told at once.
        mail.await(m -> m.isTo("ehelse@tysnes.kommune.example"), 1, WAIT);

        Instant digestTime = OffsetDateTime.parse(Collections.max(due)).toInstant();
        try {
            moveClock(digestTime.plusSeconds(60));
            MailSink.Mail digest = mail.await(m -> m.isTo(lead), 1, WAIT).get(0);
            assertTrue(digest.subject().startsWith("Daglig oppsummering: 2 meldinger"), digest.subject());
            assertTrue(digest.text().contains("Fitjar har trukket påmeldingen"), digest.text());
            assertTrue(digest.text().contains("Tysnes har tatt i bruk digihelsestasjon"), digest.text());
            await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
            assertEquals(1, mail.mailsTo(lead).size(), "one mail for both messages");
        } finally {
            moveClock(Instant.now());
        }
    }

    @Test
    void aWebhookIsRetriedOn503HonouringRetryAfterAndDisabledOn410() {
        Given.municipalityWithContacts("4617", "Kvinnherad", "Sunnhordland digi", "ehelse@kvinnherad.kommune.example");
        UUID track = Given.track("Helsenorge-tjenester 2026", "leder.e@ks.example", "nestleder.e@ks.example", 5);
        awaitTrackKnown(track);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String flaky = subscribeWebhook(receiver, "/flaky", track);
            String gone = subscribeWebhook(receiver, "/gone", track);
            receiver.answer("/flaky", new WebhookReceiver.Answer(503, "1"), new WebhookReceiver.Answer(503, "1"));
            receiver.answer("/gone", new WebhookReceiver.Answer(410, null));

            Given.enrollment("went-live", UUID.randomUUID(), track, "4617", "LIVE", null);

            await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(admin)
                    .get("/api/v1/subscriptions/" + flaky + "/deliveries").then().statusCode(200)
                    .body("items[0].status", equalTo("SENT")).body("items[0].attemptCount", equalTo(3)));
            String message = given().auth().oauth2(admin).get("/api/v1/subscriptions/" + flaky + "/deliveries")
                    .then().extract().path("items[0].id");
            given().auth().oauth2(admin).get("/api/v1/subscriptions/" + flaky + "/deliveries/" + message)
                    .then().statusCode(200)
                    .body("attempts.outcome", equalTo(List.of("RETRY", "RETRY", "SENT")))
                    .body("attempts.httpStatus", equalTo(List.of(503, 503, 200)));
            List<WebhookReceiver.Call> calls = receiver.calls("/flaky");
            assertEquals(3, calls.size());
            assertTrue(calls.stream().allMatch(WebhookReceiver.Call::signatureValid));
            assertEquals(1, calls.stream().map(WebhookReceiver.Call::id).distinct().count(),
                    "a retry is the same message (same webhook-id)");

            await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(admin)
                    .get("/api/v1/subscriptions/" + gone).then().statusCode(200)
                    .body("disabledReason", org.hamcrest.Matchers.containsString("410")));
            given().auth().oauth2(admin).get("/api/v1/subscriptions/" + gone + "/deliveries").then()
                    .body("items", hasSize(1)).body("items[0].status", equalTo("FAILED"))
                    .body("items[0].attemptCount", equalTo(1));

            // Another event: the flaky endpoint (now healthy) gets it, the gone one is not called again.
            Given.enrollment("withdrawn", UUID.randomUUID(), track, "4617", "WITHDRAWN", null);
            await().atMost(WAIT).until(() -> receiver.calls("/flaky").size() == 4);
            assertEquals(1, receiver.calls("/gone").size(), "no call after 410");

            String goneMessage = given().auth().oauth2(admin).get("/api/v1/subscriptions/" + gone + "/deliveries")
                    .then().extract().path("items[0].id");
            given().auth().oauth2(admin).post("/api/v1/subscriptions/" + gone + "/deliveries/" + goneMessage
                    + "/redelivery").then().statusCode(409).contentType("application/problem+json");
        }
    }

    @Test
    void theLeadAndDeputyGetASummaryWhenTheDeadlinePasses() {
        Given.municipalityWithContacts("4618", "Ullensvang", "Hardanger digi", "ehelse@ullensvang.kommune.example");
        Given.municipalityWithContacts("4619", "Eidfjord", "Hardanger digi", "ehelse@eidfjord.kommune.example");
        UUID track = Given.track("Kjernejournal 2026", "leder.f@ks.example", "nestleder.f@ks.example", 1);
        Given.enrollment("enrolled", UUID.randomUUID(), track, "4618", "CONFIRMED", null);
        Given.enrollment("enrolled", UUID.randomUUID(), track, "4619", "WAITLISTED", 1);
        mail.await(m -> m.isTo("ehelse@eidfjord.kommune.example"), 1, WAIT);
        Given.deadlinePassed(track, "Kjernejournal 2026", List.of("Agder digi", "Nordland digi"));

        MailSink.Mail summary = mail.await(m -> m.isTo("leder.f@ks.example"), 1, WAIT).get(0);
        mail.await(m -> m.isTo("nestleder.f@ks.example"), 1, WAIT);
        assertTrue(summary.subject().startsWith("Påmeldingsfristen er passert"), summary.subject());
        assertTrue(summary.text().contains("- Ullensvang"), summary.text());
        assertTrue(summary.text().contains("- Eidfjord (plass 1)"), summary.text());
        assertTrue(summary.text().contains("- Agder digi"), summary.text());
    }

    @Test
    void aMunicipalityWithoutContactsIsAFailedMessageForTheOperatorAndBlocksNobody() {
        Given.municipality("4620", "Ulvik", "Hardanger digi");
        Given.municipalityWithContacts("4621", "Voss", "Hardanger digi", "ehelse@voss.kommune.example");
        UUID track = Given.track("e-resept 2026", "leder.g@ks.example", "nestleder.g@ks.example", 5);
        String silent = Given.enrollment("enrolled", UUID.randomUUID(), track, "4620", "CONFIRMED", null);
        Given.enrollment("enrolled", UUID.randomUUID(), track, "4621", "CONFIRMED", null);
        mail.await(m -> m.isTo("ehelse@voss.kommune.example"), 1, WAIT);
        given().auth().oauth2(admin).queryParam("eventId", silent).queryParam("channel", "EMAIL")
                .get("/api/v1/notifications").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].status", equalTo("FAILED"))
                .body("items[0].lastError", org.hamcrest.Matchers.containsString("has no contact"));
    }

    @Test
    void confirmationDelayFromEventToMailIsMeasured() {
        UUID track = Given.track("Måling 2026", "leder.h@ks.example", "nestleder.h@ks.example", 50);
        int count = 20;
        for (int i = 0; i < count; i++) {
            Given.municipalityWithContacts(Integer.toString(5001 + i), "Målekommune " + i, "Måling digi",
                    "ehelse" + i + "@maling.kommune.example");
        }
        awaitTrackKnown(track);
        awaitContactsKnown(Integer.toString(5001 + count - 1));
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String address = "ehelse" + i + "@maling.kommune.example";
            long sent = System.nanoTime();
            Given.enrollment("enrolled", UUID.randomUUID(), track, Integer.toString(5001 + i), "CONFIRMED", null);
            while (mail.mailsTo(address).isEmpty()) {
                assertTrue(System.nanoTime() - sent < WAIT.toNanos(), "no mail to " + address);
                Thread.onSpinWait();
            }
            delays.add((System.nanoTime() - sent) / 1_000_000);
        }
        Collections.sort(delays);
        System.out.printf("Event to mail (confirmation, %d events, one at a time): p50 %d ms, p95 %d ms, max %d ms%n",
                count, delays.get(count / 2), delays.get((int) Math.ceil(count * 0.95) - 1), delays.get(count - 1));
        for (int i = 0; i < count; i++) {
            assertEquals(1, mail.mailsTo("ehelse" + i + "@maling.kommune.example").size());
        }
    }

    @Test
    void poisonRecordsOnEveryConsumedTopicGoToTheirDeadLetterTopicAndTheNextRecordIsProcessed() {
        Given.municipalityWithContacts("4622", "Kvam", "Hardanger digi", "ehelse@kvam.kommune.example");
        UUID track = Given.track("Poison 2026", "leder.i@ks.example", "nestleder.i@ks.example", 5);
        try (EventProbe dlq = EventProbe.open(Given.bootstrap(), "enrollment.enrollments.v1.dlq",
                "enrollment.tracks.v1.dlq", "registry.contacts.v1.dlq", "registry.municipalities.v1.dlq")) {
            Given.send("enrollment.enrollments.v1", "poison-enrollment", "{not json");
            Given.send("enrollment.tracks.v1", "poison-track", "{\"specversion\": \"1.0\"}");
            Given.send("registry.contacts.v1", "poison-contacts", Given.enrollmentEvent(UUID.randomUUID().toString(),
                    "enrolled", UUID.randomUUID(), track, "4622", "CONFIRMED", null));
            Given.send("registry.municipalities.v1", "poison-municipality", "[]");
            Given.enrollment("enrolled", UUID.randomUUID(), track, "4622", "CONFIRMED", null);

            for (String key : List.of("poison-enrollment", "poison-track", "poison-contacts", "poison-municipality")) {
                EventProbe.Received dead = dlq.await(r -> key.equals(r.key()), WAIT);
                assertFalse(dead.headers().get("dead-letter-reason").isBlank(), dead::toString);
            }
            mail.await(m -> m.isTo("ehelse@kvam.kommune.example"), 1, WAIT);
        }
    }

    private String subscribeWebhook(WebhookReceiver receiver, String path, UUID track) {
        JsonPath created = given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"eventTypes": ["no.ks.ehelse.enrollment.went-live.v1", "no.ks.ehelse.enrollment.withdrawn.v1"],
                 "channel": "WEBHOOK", "address": "%s", "trackId": "%s"}""".formatted(receiver.url(path), track))
                .post("/api/v1/subscriptions").then().statusCode(201).extract().jsonPath();
        receiver.secret(path, created.getString("secret"));
        return created.getString("id");
    }

    /**
     * Track and enrollment events travel on different topics (as in production); tests that need the track's
     * plan in the first message wait until it is projected.
     */
    private static void awaitTrackKnown(UUID track) {
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> TrackProjection.findById(track) != null));
    }

    private static void awaitContactsKnown(String kommunenummer) {
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ContactProjection.count("kommunenummer", kommunenummer) > 0));
    }

    private void moveClock(Instant now) {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"now\": \"" + now + "\"}")
                .put("/api/v1/admin/clock").then().statusCode(200);
    }
}
