package no.ks.ehelse.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

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
import no.ks.ehelse.notification.domain.EnrollmentProjection;
import no.ks.ehelse.notification.domain.TrackProjection;

/**
 * The whole path: events on Kafka from a plain producer → messages planned once per (event, recipient, channel)
 * → mails in a real SMTP server, signed calls to a webhook receiver, feed entries; with duplicates, an SMTP
 * outage, a send-time condition, digests and failing endpoints.
 */
@QuarkusTest
class NotificationFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Older than {@code ehelse.notifications.max-event-age} (7 days). */
    private static final Duration OLD = Duration.ofDays(8);

    private MailSink mail;
    private final String admin = TestTokens.forRole("admin");

    @BeforeEach
    void smtp() {
        mail = MailSink.forTests();
    }

    @Test
    void anEnrollmentIsConfirmedOnceToEveryContactAndSignedToTheWebhookEvenWhenTheEventComesTwice() {
        Given.municipalityWithContacts(
                "4611", "Etne", "Vestland digi", "ehelse@etne.kommune.example", "postmottak@etne.kommune.example");
        UUID track = Given.track("DigiHelsestasjon 2026 vår", "leder.a@ks.example", "nestleder.a@ks.example", 3);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath subscription = given().auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body("""
                    {"eventTypes": ["no.ks.ehelse.enrollment.enrolled.v1"], "channel": "WEBHOOK",
                     "address": "%s", "trackId": "%s"}""".formatted(receiver.url("/hooks/ks"), track))
                    .post("/api/v1/subscriptions")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath();
            String secret = subscription.getString("secret");
            assertTrue(secret.startsWith("whsec_"), "the secret is shown once, on creation");
            receiver.secret("/hooks/ks", secret);
            given().auth()
                    .oauth2(admin)
                    .get("/api/v1/subscriptions/" + subscription.getString("id"))
                    .then()
                    .statusCode(200)
                    .body("secret", equalTo(null));

            UUID enrollment = UUID.randomUUID();
            String eventId = UUID.randomUUID().toString();
            String event = Given.enrollmentEvent(eventId, "enrolled", enrollment, track, "4611", "CONFIRMED", null);
            Given.send("enrollment.enrollments.v1", "4611", event);
            Given.send("enrollment.enrollments.v1", "4611", event); // delivered twice

            MailSink.Mail confirmation = mail.await(m -> m.isTo("ehelse@etne.kommune.example"), 1, WAIT)
                    .get(0);
            mail.await(m -> m.isTo("postmottak@etne.kommune.example"), 1, WAIT);
            assertTrue(confirmation.subject().startsWith("Påmelding bekreftet: Etne"), confirmation.subject());
            assertTrue(confirmation.text().contains("DigiHelsestasjon 2026 vår"));
            assertTrue(confirmation.text().contains("HelseID-klient bestilt"), "the prerequisites");
            assertTrue(confirmation.text().contains("Innføringsleder Test"), "who leads");
            assertTrue(confirmation.text().contains("Neste steg"), "what to do next");
            assertTrue(
                    confirmation.text().contains("Se påmeldingen: http://localhost:8082/pameldinger/" + enrollment),
                    "the enrollment's page");
            assertTrue(
                    confirmation
                            .text()
                            .contains("meld avbud: http://localhost:8082/pameldinger/" + enrollment + "/avbud"),
                    "how to withdraw: a page, not an API call");
            assertFalse(confirmation.text().contains("POST "), "no API calls in a mail");
            assertTrue(
                    confirmation
                            .html()
                            .contains("<a href=\"http://localhost:8082/pameldinger/" + enrollment + "/avbud\">"),
                    confirmation.html());
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

            // Nothing doubled. The duplicate is behind the consumer once a later record on the same key (so the same
            // partition) is applied: an old event, which updates the projection and tells nobody. And every
            // notification of the event is SENT, so no copy is still on its way.
            UUID marker = UUID.randomUUID();
            Given.send(
                    "enrollment.enrollments.v1",
                    "4611",
                    Given.aged(
                            Given.enrollmentEvent(
                                    UUID.randomUUID().toString(),
                                    "withdrawn",
                                    marker,
                                    track,
                                    "4611",
                                    "WITHDRAWN",
                                    null),
                            OLD));
            awaitEnrollmentKnown(marker);
            await().atMost(WAIT).untilAsserted(() -> given().auth()
                    .oauth2(admin)
                    .queryParam("eventId", eventId)
                    .get("/api/v1/notifications")
                    .then()
                    .statusCode(200)
                    .body("items.findAll { it.channel != 'FEED' }.status", equalTo(List.of("SENT", "SENT", "SENT"))));
            assertEquals(1, mail.mailsTo("ehelse@etne.kommune.example").size());
            assertEquals(1, mail.mailsTo("postmottak@etne.kommune.example").size());
            assertEquals(1, receiver.calls("/hooks/ks").size());
            given().auth()
                    .oauth2(admin)
                    .queryParam("eventId", eventId)
                    .get("/api/v1/notifications")
                    .then()
                    .statusCode(200)
                    .body("items.findAll { it.channel == 'EMAIL' }.status", equalTo(List.of("SENT", "SENT")))
                    .body("items.findAll { it.channel == 'WEBHOOK' }", hasSize(1));

            String municipality = TestTokens.forRole("municipality", Map.of("kommunenummer", "4611"));
            String entry = given().auth()
                    .oauth2(municipality)
                    .queryParam("kommunenummer", "4611")
                    .get("/api/v1/feed")
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(1))
                    .body("items[0].read", equalTo(false))
                    .body("items[0].title", equalTo(confirmation.subject()))
                    .extract()
                    .path("items[0].id");
            given().auth()
                    .oauth2(municipality)
                    .put("/api/v1/feed/" + entry + "/read")
                    .then()
                    .statusCode(200)
                    .body("read", equalTo(true));
            given().auth()
                    .oauth2(municipality)
                    .queryParam("kommunenummer", "4611")
                    .queryParam("unread", true)
                    .get("/api/v1/feed")
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(0));
            given().auth()
                    .oauth2(TestTokens.forRole("municipality", Map.of("kommunenummer", "4601")))
                    .queryParam("kommunenummer", "4611")
                    .get("/api/v1/feed")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aWaitlistedMunicipalityHearsItsPositionAndThenItsPromotion() {
        Given.municipalityWithContacts("4612", "Sveio", "Vestland digi", "ehelse@sveio.kommune.example");
        UUID track = Given.track("DigiHelsestasjon 2026 høst", "leder.b@ks.example", "nestleder.b@ks.example", 1);
        UUID enrollment = UUID.randomUUID();
        Given.enrollment("enrolled", enrollment, track, "4612", "WAITLISTED", 1);
        MailSink.Mail waitlisted =
                mail.await(m -> m.isTo("ehelse@sveio.kommune.example"), 1, WAIT).get(0);
        assertTrue(waitlisted.subject().contains("venteliste plass 1"), waitlisted.subject());

        Given.enrollment("waitlist-promoted", enrollment, track, "4612", "CONFIRMED", null);
        MailSink.Mail promoted = mail.await(
                        m -> m.isTo("ehelse@sveio.kommune.example")
                                && m.subject().startsWith("Dere har fått plass"),
                        1,
                        WAIT)
                .get(0);
        assertTrue(promoted.text().contains("Dette har dere meldt dere på"), "the promotion is the confirmation");
    }

    @Test
    void remindersWaitOutAnSmtpOutageAndSkipAMunicipalityThatEnrolledInTheMeantime() {
        Given.municipalityWithContacts("4613", "Bømlo", "Sunnhordland digi", "ehelse@bomlo.kommune.example");
        Given.municipalityWithContacts("4614", "Stord", "Sunnhordland digi", "ehelse@stord.kommune.example");
        UUID track = Given.track("Pasientens legemiddelliste 2026", "leder.c@ks.example", "nestleder.c@ks.example", 10);
        awaitTrackKnown(track);
        mail.pause();
        try {
            Given.deadlineApproaching(track, "Pasientens legemiddelliste 2026", 3);
            await().atMost(WAIT).untilAsserted(() -> given().auth()
                    .oauth2(admin)
                    .queryParam("recipient", "ehelse@bomlo.kommune.example")
                    .queryParam("channel", "EMAIL")
                    .get("/api/v1/notifications")
                    .then()
                    .statusCode(200)
                    .body("items.find { it.kind == 'DEADLINE_APPROACHING' }.status", equalTo("RETRYING"))
                    .body(
                            "items.find { it.kind == 'DEADLINE_APPROACHING' }.lastError",
                            org.hamcrest.Matchers.containsString("EMAIL delivery failed")));
            // Bømlo enrolls while the mail server is away.
            Given.enrollment("enrolled", UUID.randomUUID(), track, "4613", "CONFIRMED", null);
            await().atMost(WAIT).untilAsserted(() -> given().auth()
                    .oauth2(admin)
                    .queryParam("recipient", "ehelse@bomlo.kommune.example")
                    .queryParam("channel", "EMAIL")
                    .get("/api/v1/notifications")
                    .then()
                    .body("items.kind", org.hamcrest.Matchers.hasItem("ENROLLED_CONFIRMED")));
        } finally {
            mail.resume();
        }
        // Retries back off (1-2 s here) and a connection caught mid-restart waits for the mailer's timeout.
        MailSink.Mail reminder = mail.await(
                        m -> m.isTo("ehelse@stord.kommune.example")
                                && m.subject().startsWith("Påminnelse"),
                        1,
                        WAIT.multipliedBy(2))
                .get(0);
        assertTrue(reminder.text().contains("Stord (4614) er ennå ikke påmeldt"), reminder.text());
        mail.await(
                m -> m.isTo("ehelse@bomlo.kommune.example") && m.subject().startsWith("Påmelding bekreftet"),
                1,
                WAIT.multipliedBy(2));
        await().atMost(WAIT).untilAsserted(() -> given().auth()
                .oauth2(admin)
                .queryParam("recipient", "ehelse@bomlo.kommune.example")
                .queryParam("channel", "EMAIL")
                .get("/api/v1/notifications")
                .then()
                .body("items.find { it.kind == 'DEADLINE_APPROACHING' }.status", equalTo("SKIPPED"))
                .body(
                        "items.find { it.kind == 'DEADLINE_APPROACHING' }.lastError",
                        org.hamcrest.Matchers.containsString("enrolled after the reminder was planned")));
        assertTrue(
                mail.mailsTo("ehelse@bomlo.kommune.example").stream()
                        .noneMatch(m -> m.subject().startsWith("Påminnelse")),
                "no reminder to a municipality that enrolled");
    }

    @Test
    void aRecipientWhoChoseTheDigestGetsOneMailWithEverythingAtDigestTime() {
        Given.municipalityWithContacts("4615", "Fitjar", "Sunnhordland digi", "ehelse@fitjar.kommune.example");
        Given.municipalityWithContacts("4616", "Tysnes", "Sunnhordland digi", "ehelse@tysnes.kommune.example");
        String lead = "leder.digest@ks.example";
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"delivery\": \"DAILY_DIGEST\"}")
                .put("/api/v1/recipients/" + lead + "/delivery")
                .then()
                .statusCode(200)
                .body("delivery", equalTo("DAILY_DIGEST"));
        UUID track = Given.track("Digital hjemmeoppfølging 2026", lead, "nestleder.d@ks.example", 5);
        awaitTrackKnown(track);
        Given.enrollment("withdrawn", UUID.randomUUID(), track, "4615", "WITHDRAWN", null);
        Given.enrollment("went-live", UUID.randomUUID(), track, "4616", "LIVE", null);

        List<String> due = new ArrayList<>();
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath found = given().auth()
                    .oauth2(admin)
                    .queryParam("recipient", lead)
                    .queryParam("channel", "EMAIL")
                    .get("/api/v1/notifications")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
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
            assertTrue(digest.subject().startsWith("Oppsummering: 2 meldinger"), digest.subject());
            assertTrue(digest.text().contains("Fitjar har trukket påmeldingen"), digest.text());
            assertTrue(digest.text().contains("Tysnes har tatt i bruk digihelsestasjon"), digest.text());
            // Both are SENT by the digest that mailed them, so no second mail can follow.
            await().atMost(WAIT).untilAsserted(() -> given().auth()
                    .oauth2(admin)
                    .queryParam("recipient", lead)
                    .queryParam("channel", "EMAIL")
                    .get("/api/v1/notifications")
                    .then()
                    .statusCode(200)
                    .body("items.status", equalTo(List.of("SENT", "SENT"))));
            assertEquals(1, mail.mailsTo(lead).size(), "one mail for both messages");
        } finally {
            moveClock(Instant.now());
        }
    }

    @Test
    void aWebhookIsRetriedOn503And429WhenItsRetryAfterSaysAndDisabledOn410UntilEnabledAgain() {
        Given.municipalityWithContacts("4617", "Kvinnherad", "Sunnhordland digi", "ehelse@kvinnherad.kommune.example");
        UUID track = Given.track("Helsenorge-tjenester 2026", "leder.e@ks.example", "nestleder.e@ks.example", 5);
        awaitTrackKnown(track);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String busy = subscribeWebhook(receiver, "/busy", track);
            String gone = subscribeWebhook(receiver, "/gone", track);
            // Both waits are well beyond the test backoff (1-2 s), so only honouring Retry-After explains the gaps.
            receiver.answer("/busy", new WebhookReceiver.Answer(503, "5"));
            receiver.answer("/gone", new WebhookReceiver.Answer(410, null));

            Given.enrollment("went-live", UUID.randomUUID(), track, "4617", "LIVE", null);

            // While the service waits out the 5 s, the second answer is scripted: 429 with an HTTP date.
            await().atMost(WAIT).until(() -> receiver.calls("/busy").size() == 1);
            Instant notBefore = Instant.now().plusSeconds(12).truncatedTo(ChronoUnit.SECONDS);
            receiver.answer(
                    "/busy",
                    new WebhookReceiver.Answer(
                            429, DateTimeFormatter.RFC_1123_DATE_TIME.format(notBefore.atZone(ZoneOffset.UTC))));

            await().atMost(WAIT).untilAsserted(() -> given().auth()
                    .oauth2(admin)
                    .get("/api/v1/subscriptions/" + busy + "/deliveries")
                    .then()
                    .statusCode(200)
                    .body("items[0].status", equalTo("SENT"))
                    .body("items[0].attemptCount", equalTo(3)));
            String message = given().auth()
                    .oauth2(admin)
                    .get("/api/v1/subscriptions/" + busy + "/deliveries")
                    .then()
                    .extract()
                    .path("items[0].id");
            List<String> at = given().auth()
                    .oauth2(admin)
                    .get("/api/v1/subscriptions/" + busy + "/deliveries/" + message)
                    .then()
                    .statusCode(200)
                    .body("attempts.outcome", equalTo(List.of("RETRY", "RETRY", "SENT")))
                    .body("attempts.httpStatus", equalTo(List.of(503, 429, 200)))
                    .extract()
                    .jsonPath()
                    .getList("attempts.at", String.class);
            List<Instant> attempts =
                    at.stream().map(t -> OffsetDateTime.parse(t).toInstant()).toList();
            Duration firstGap = Duration.between(attempts.get(0), attempts.get(1));
            assertTrue(firstGap.compareTo(Duration.ofSeconds(5)) >= 0, "Retry-After: 5 waited out: " + at);
            assertTrue(
                    Duration.between(attempts.get(1), notBefore).compareTo(Duration.ofSeconds(2)) > 0,
                    "the date lies beyond the backoff after the 429: " + at + ", date " + notBefore);
            assertFalse(attempts.get(2).isBefore(notBefore), "Retry-After date waited out: " + at + ", " + notBefore);
            List<WebhookReceiver.Call> calls = receiver.calls("/busy");
            assertEquals(3, calls.size());
            assertTrue(calls.stream().allMatch(WebhookReceiver.Call::signatureValid));
            assertEquals(
                    1,
                    calls.stream().map(WebhookReceiver.Call::id).distinct().count(),
                    "a retry is the same message (same webhook-id)");

            await().atMost(WAIT).untilAsserted(() -> given().auth()
                    .oauth2(admin)
                    .get("/api/v1/subscriptions/" + gone)
                    .then()
                    .statusCode(200)
                    .body("disabledReason", org.hamcrest.Matchers.startsWith("endpoint answered 410 Gone at ")));
            given().auth()
                    .oauth2(admin)
                    .get("/api/v1/subscriptions/" + gone + "/deliveries")
                    .then()
                    .body("items", hasSize(1))
                    .body("items[0].status", equalTo("FAILED"))
                    .body("items[0].attemptCount", equalTo(1))
                    .body("items[0].lastError", equalTo("endpoint answered 410 Gone; subscription disabled"));

            // Another event: the busy endpoint (now healthy) gets it, the disabled one is not even planned for.
            Given.enrollment("withdrawn", UUID.randomUUID(), track, "4617", "WITHDRAWN", null);
            await().atMost(WAIT).until(() -> receiver.calls("/busy").size() == 4);
            assertEquals(1, receiver.calls("/gone").size(), "no call after 410");
            given().auth()
                    .oauth2(admin)
                    .get("/api/v1/subscriptions/" + gone + "/deliveries")
                    .then()
                    .body("items", hasSize(1));

            String goneMessage = given().auth()
                    .oauth2(admin)
                    .get("/api/v1/subscriptions/" + gone + "/deliveries")
                    .then()
                    .extract()
                    .path("items[0].id");
            given().auth()
                    .oauth2(admin)
                    .post("/api/v1/subscriptions/" + gone + "/deliveries/" + goneMessage + "/redelivery")
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json");

            // Enabled again: the failed message can be re-delivered, and new events reach the endpoint.
            given().auth()
                    .oauth2(admin)
                    .post("/api/v1/subscriptions/" + gone + "/enable")
                    .then()
                    .statusCode(200)
                    .body("disabledAt", nullValue())
                    .body("disabledReason", nullValue());
            given().auth()
                    .oauth2(admin)
                    .post("/api/v1/subscriptions/" + gone + "/deliveries/" + goneMessage + "/redelivery")
                    .then()
                    .statusCode(202);
            await().atMost(WAIT).untilAsserted(() -> given().auth()
                    .oauth2(admin)
                    .get("/api/v1/subscriptions/" + gone + "/deliveries/" + goneMessage)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("SENT"))
                    .body("attempts.outcome", equalTo(List.of("FAILED", "REQUEUED", "SENT"))));
            Given.enrollment("went-live", UUID.randomUUID(), track, "4617", "LIVE", null);
            await().atMost(WAIT).until(() -> receiver.calls("/gone").size() == 3);
            assertTrue(receiver.calls("/gone").stream().skip(1).allMatch(WebhookReceiver.Call::signatureValid));
        }
    }

    @Test
    void aWebhookThatNeverSucceedsIsFailedOnceGiveUpAfterHasPassed() {
        Given.municipalityWithContacts("4630", "Osterøy", "Nordhordland digi", "ehelse@osteroy.kommune.example");
        UUID track = Given.track("Velferdsteknologi 2026", "leder.j@ks.example", "nestleder.j@ks.example", 5);
        awaitTrackKnown(track);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String down = subscribeWebhook(receiver, "/down", track);
            receiver.answer(
                    "/down",
                    IntStream.range(0, 200)
                            .mapToObj(i -> new WebhookReceiver.Answer(500, null))
                            .toArray(WebhookReceiver.Answer[]::new));
            Given.enrollment("went-live", UUID.randomUUID(), track, "4630", "LIVE", null);
            await().atMost(WAIT).untilAsserted(() -> given().auth()
                    .oauth2(admin)
                    .get("/api/v1/subscriptions/" + down + "/deliveries")
                    .then()
                    .statusCode(200)
                    .body("items[0].status", equalTo("RETRYING")));
            String message = given().auth()
                    .oauth2(admin)
                    .get("/api/v1/subscriptions/" + down + "/deliveries")
                    .then()
                    .extract()
                    .path("items[0].id");
            // give-up-after (24 h) is past at the next try.
            try {
                moveClock(Instant.now().plus(Duration.ofHours(25)));
                await().atMost(WAIT).untilAsserted(() -> given().auth()
                        .oauth2(admin)
                        .get("/api/v1/subscriptions/" + down + "/deliveries/" + message)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("FAILED")));
            } finally {
                moveClock(Instant.now());
            }
            JsonPath failed = given().auth()
                    .oauth2(admin)
                    .get("/api/v1/subscriptions/" + down + "/deliveries/" + message)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            int attempts = failed.getInt("attemptCount");
            assertEquals(
                    "endpoint answered 500 (gave up after " + attempts + " attempts)", failed.getString("lastError"));
            List<String> outcomes = failed.getList("attempts.outcome", String.class);
            assertEquals(attempts, outcomes.size(), outcomes.toString());
            assertEquals(Collections.nCopies(attempts - 1, "RETRY"), outcomes.subList(0, attempts - 1));
            assertEquals("FAILED", outcomes.get(attempts - 1));
            assertEquals(Collections.nCopies(attempts, 500), failed.getList("attempts.httpStatus", Integer.class));
            assertEquals(attempts, receiver.calls("/down").size(), "no call after giving up");
        }
    }

    @Test
    void eventsOlderThanTheMaximumAgeUpdateTheProjectionsButTellNobody() {
        Given.municipalityWithContacts("4631", "Alver", "Nordhordland digi", "ehelse@alver.kommune.example");
        UUID track = Given.track("Digital legekontakt 2026", "leder.k@ks.example", "nestleder.k@ks.example", 5);
        awaitTrackKnown(track);
        UUID old = UUID.randomUUID();
        String oldEvent = UUID.randomUUID().toString();
        Given.send(
                "enrollment.enrollments.v1",
                "4631",
                Given.aged(Given.enrollmentEvent(oldEvent, "enrolled", old, track, "4631", "WAITLISTED", 2), OLD));
        // A fresh event on the same key (the same partition, so read after the old one) is told at once.
        String fresh = Given.enrollment("enrolled", UUID.randomUUID(), track, "4631", "CONFIRMED", null);
        MailSink.Mail confirmation =
                mail.await(m -> m.isTo("ehelse@alver.kommune.example"), 1, WAIT).get(0);
        assertTrue(confirmation.subject().startsWith("Påmelding bekreftet: Alver"), confirmation.subject());

        QuarkusTransaction.requiringNew().run(() -> {
            EnrollmentProjection projected = EnrollmentProjection.findById(old);
            assertNotNull(projected, "the old event updated the projection");
            assertEquals("WAITLISTED", projected.status);
            assertEquals(2, projected.waitlistPosition);
        });
        given().auth()
                .oauth2(admin)
                .queryParam("eventId", oldEvent)
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        given().auth()
                .oauth2(admin)
                .queryParam("eventId", fresh)
                .queryParam("channel", "EMAIL")
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("items", hasSize(1));
        assertEquals(1, mail.mailsTo("ehelse@alver.kommune.example").size(), "no mail about the old event");
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

        MailSink.Mail summary =
                mail.await(m -> m.isTo("leder.f@ks.example"), 1, WAIT).get(0);
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
        given().auth()
                .oauth2(admin)
                .queryParam("eventId", silent)
                .queryParam("channel", "EMAIL")
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].status", equalTo("FAILED"))
                .body("items[0].lastError", org.hamcrest.Matchers.containsString("has no contact"));
    }

    @Test
    void confirmationDelayFromEventToMailIsMeasured() {
        UUID track = Given.track("Måling 2026", "leder.h@ks.example", "nestleder.h@ks.example", 50);
        int count = 20;
        for (int i = 0; i < count; i++) {
            Given.municipalityWithContacts(
                    Integer.toString(5001 + i),
                    "Målekommune " + i,
                    "Måling digi",
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
        System.out.printf(
                "Event to mail (confirmation, %d events, one at a time): p50 %d ms, p95 %d ms, max %d ms%n",
                count, delays.get(count / 2), delays.get((int) Math.ceil(count * 0.95) - 1), delays.get(count - 1));
        for (int i = 0; i < count; i++) {
            assertEquals(
                    1, mail.mailsTo("ehelse" + i + "@maling.kommune.example").size());
        }
    }

    @Test
    void poisonRecordsOnEveryConsumedTopicGoToTheirDeadLetterTopicWithTheReasonAndTheNextRecordIsProcessed() {
        Given.municipalityWithContacts("4622", "Kvam", "Hardanger digi", "ehelse@kvam.kommune.example");
        UUID track = Given.track("Poison 2026", "leder.i@ks.example", "nestleder.i@ks.example", 5);
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put(
                "poison-enrollment",
                "malformed JSON: Unexpected character ('n' (code 110)): "
                        + "was expecting double-quote to start field name");
        reasons.put("poison-enrollment-id", "'id' is not a UUID");
        reasons.put("poison-track", "missing or non-string field 'id'");
        reasons.put("poison-track-date", "'registrationDeadline' is not a date (yyyy-MM-dd): snart");
        reasons.put(
                "poison-contacts",
                "unexpected event type 'no.ks.ehelse.enrollment.enrolled.v1' on registry.contacts.v1");
        reasons.put("poison-contacts-both", "exactly one of 'kommunenummer' and 'network' must be set");
        reasons.put("poison-contacts-email", "every contact needs 'role' and 'email'");
        reasons.put("poison-municipality", "record value is not a JSON object");
        try (EventProbe dlq = EventProbe.open(
                Given.bootstrap(),
                "enrollment.enrollments.v1.dlq",
                "enrollment.tracks.v1.dlq",
                "registry.contacts.v1.dlq",
                "registry.municipalities.v1.dlq")) {
            Given.send("enrollment.enrollments.v1", "poison-enrollment", "{not json");
            Given.send(
                    "enrollment.enrollments.v1",
                    "poison-enrollment-id",
                    Given.unchecked(
                            Given.ENROLLMENT, "no.ks.ehelse.enrollment.enrolled.v1", "4622", """
                            {"id": "not-a-uuid", "trackId": "%s", "kommunenummer": "4622", "status": "CONFIRMED"}""".formatted(track)));
            Given.send("enrollment.tracks.v1", "poison-track", "{\"specversion\": \"1.0\"}");
            Given.send(
                    "enrollment.tracks.v1",
                    "poison-track-date",
                    Given.unchecked(
                            Given.ENROLLMENT,
                            "no.ks.ehelse.track.deadline-approaching.v1",
                            track.toString(),
                            """
                            {"trackId": "%s", "registrationDeadline": "snart"}""".formatted(track)));
            Given.send(
                    "registry.contacts.v1",
                    "poison-contacts",
                    Given.enrollmentEvent(
                            UUID.randomUUID().toString(),
                            "enrolled",
                            UUID.randomUUID(),
                            track,
                            "4622",
                            "CONFIRMED",
                            null));
            Given.send(
                    "registry.contacts.v1",
                    "poison-contacts-both",
                    Given.unchecked(Given.REGISTRY, "no.ks.ehelse.contacts.changed.v1", "4622", """
                            {"kommunenummer": "4622", "network": "Hardanger digi", "contacts": []}"""));
            Given.send(
                    "registry.contacts.v1",
                    "poison-contacts-email",
                    Given.unchecked(Given.REGISTRY, "no.ks.ehelse.contacts.changed.v1", "4622", """
                            {"kommunenummer": "4622", "network": null,
                             "contacts": [{"role": "EHEALTH_CONTACT", "name": "Kontakt Kvam"}]}"""));
            Given.send("registry.municipalities.v1", "poison-municipality", "[]");
            Given.enrollment("enrolled", UUID.randomUUID(), track, "4622", "CONFIRMED", null);

            reasons.forEach((key, reason) -> {
                EventProbe.Received dead = dlq.await(r -> key.equals(r.key()), WAIT);
                assertEquals(reason, dead.headers().get("dead-letter-reason"), dead::toString);
            });
            mail.await(m -> m.isTo("ehelse@kvam.kommune.example"), 1, WAIT);
        }
    }

    private String subscribeWebhook(WebhookReceiver receiver, String path, UUID track) {
        JsonPath created = given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("""
                {"eventTypes": ["no.ks.ehelse.enrollment.went-live.v1", "no.ks.ehelse.enrollment.withdrawn.v1"],
                 "channel": "WEBHOOK", "address": "%s", "trackId": "%s"}""".formatted(receiver.url(path), track))
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        receiver.secret(path, created.getString("secret"));
        return created.getString("id");
    }

    /**
     * Track and enrollment events travel on different topics (as in production); tests that need the track's
     * plan in the first message wait until it is projected.
     */
    private static void awaitTrackKnown(UUID track) {
        await().atMost(WAIT)
                .until(() -> QuarkusTransaction.requiringNew().call(() -> TrackProjection.findById(track) != null));
    }

    private static void awaitEnrollmentKnown(UUID enrollment) {
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> EnrollmentProjection.findById(enrollment) != null));
    }

    private static void awaitContactsKnown(String kommunenummer) {
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ContactProjection.count("kommunenummer", kommunenummer) > 0));
    }

    private void moveClock(Instant now) {
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"now\": \"" + now + "\"}")
                .put("/api/v1/admin/clock")
                .then()
                .statusCode(200);
    }
}
