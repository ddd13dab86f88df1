package no.ks.ehelse.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import no.ks.ehelse.localstack.EventContract;
import no.ks.ehelse.localstack.EventProbe;
import no.ks.ehelse.localstack.MailSink;
import no.ks.ehelse.localstack.TestTokens;
import no.ks.ehelse.localstack.WebhookReceiver;

/**
 * People choose what they hear (issue 18 §2), through HTTP and Kafka to the real SMTP server and a webhook receiver:
 * a kind turned off and a kind in the weekly digest, the kinds that cannot be turned off, RFC 8058 one-click
 * unsubscribe without a session, double opt-in of an e-mail subscription, the redelivery limit, a secret rotation
 * with two verifiable signatures, replay, DELETE, the event-type catalogue and the FEED channel.
 */
@QuarkusTest
class PeopleChooseTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final String ENROLLED = "no.ks.ehelse.enrollment.enrolled.v1";
    private static final Pattern CONFIRM_LINK =
            Pattern.compile("http://localhost:8084(/varsler/abonnement/bekreft\\?token=[A-Za-z0-9_.\\-%]+)");

    private MailSink mail;
    private final String admin = TestTokens.forRole("admin");

    @BeforeEach
    void smtp() {
        mail = MailSink.forTests();
    }

    @Test
    void aKindTurnedOffIsNotMailedAndAWeeklyKindWaitsForTheWeeklyDigest() {
        String off = "av@bjornafjorden.kommune.example";
        String weekly = "uke@bjornafjorden.kommune.example";
        Given.municipalityWithContacts("4624", "Bjørnafjorden", "Vestland digi", off, weekly);
        UUID track = Given.track("DigiHelsestasjon valg", "leder.v@ks.example", "nestleder.v@ks.example", 5);
        String municipality = TestTokens.forRole("municipality", Map.of("kommunenummer", "4624"));
        choose(municipality, off, "WENT_LIVE", "EMAIL", "OFF")
                .then()
                .statusCode(200)
                .body("delivery", equalTo("OFF"))
                .body("chosen", equalTo(true));
        choose(municipality, weekly, "WITHDRAWN", "EMAIL", "WEEKLY_DIGEST")
                .then()
                .statusCode(200)
                .body("delivery", equalTo("WEEKLY_DIGEST"));

        UUID enrollment = UUID.randomUUID();
        String wentLive = Given.enrollment("went-live", enrollment, track, "4624", "LIVE", null);
        mail.await(m -> m.isTo(weekly) && m.subject().contains("har tatt i bruk"), 1, WAIT);
        JsonPath skipped = awaitMessage(off, wentLive, "SKIPPED");
        assertTrue(skipped.getString("lastError").contains("turned off WENT_LIVE"), skipped.prettify());
        assertTrue(
                mail.mailsTo(off).stream().noneMatch(m -> m.subject().contains("har tatt i bruk")),
                "the kind turned off is not mailed");

        String withdrawn = Given.enrollment("withdrawn", enrollment, track, "4624", "WITHDRAWN", null);
        mail.await(m -> m.isTo(off) && m.subject().contains("trukket"), 1, WAIT);
        JsonPath waiting = awaitMessage(weekly, withdrawn, "PENDING");
        assertTrue(waiting.getBoolean("digest"));
        ZonedDateTime due =
                OffsetDateTime.parse(waiting.getString("nextAttemptAt")).atZoneSameInstant(OSLO);
        assertEquals(DayOfWeek.MONDAY, due.getDayOfWeek(), "the weekly digest day: " + due);
        assertEquals(7, due.getHour(), "at the digest time: " + due);
        assertTrue(due.isAfter(ZonedDateTime.now(OSLO))
                && due.isBefore(ZonedDateTime.now(OSLO).plusDays(8)));
        try {
            // A daily digest time before the weekly one sends nothing for this message.
            ZonedDateTime daily = ZonedDateTime.now(OSLO)
                    .toLocalDate()
                    .plusDays(1)
                    .atTime(7, 1)
                    .atZone(OSLO);
            if (daily.isBefore(due)) {
                moveClock(daily.toInstant());
                await().pollDelay(Duration.ofSeconds(3))
                        .atMost(WAIT)
                        .untilAsserted(() -> assertEquals(
                                "PENDING", message(weekly, withdrawn).getString("status")));
                assertTrue(mail.mailsTo(weekly).stream().noneMatch(m -> m.text().contains("trukket")));
            }
            moveClock(due.toInstant().plusSeconds(60));
            MailSink.Mail digest = mail.await(m -> m.isTo(weekly) && m.subject().startsWith("Oppsummering"), 1, WAIT)
                    .get(0);
            assertTrue(digest.text().contains("Bjørnafjorden har trukket påmeldingen"), digest.text());
            assertNotNull(digest.header("List-Unsubscribe"), "a digest has one-click unsubscribe too");
            awaitMessage(weekly, withdrawn, "SENT");
        } finally {
            moveClock(Instant.now());
        }
    }

    @Test
    void confirmationsAndWhatMustBeActedOnCannotBeTurnedOffAndUnknownValuesNameTheirField() {
        String me = "test-reader@example.test";
        String reader = TestTokens.forRole("reader");
        choose(reader, me, "PREREQUISITE_OVERDUE", "EMAIL", "OFF")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("delivery"))
                .body("violations[0].message", containsString("cannot be turned off"));
        choose(reader, me, "PREREQUISITE_OVERDUE", "EMAIL", "WEEKLY_DIGEST")
                .then()
                .statusCode(200);
        choose(reader, me, "ENROLLED_CONFIRMED", "EMAIL", "DAILY_DIGEST")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("delivery"))
                .body("allowed", equalTo(List.of("IMMEDIATE")));
        choose(reader, me, "WENT_LIVE", "FEED", "WEEKLY_DIGEST")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("delivery"));
        choose(reader, me, "WENT_LIVED", "EMAIL", "OFF")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("kind"))
                .body("allowed", hasItem("WENT_LIVE"));
        choose(reader, me, "WENT_LIVE", "SMS", "OFF")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("channel"));
        choose(reader, me, "WENT_LIVE", "FEED", "OFF").then().statusCode(200);

        JsonPath all = given().auth()
                .oauth2(reader)
                .get("/api/v1/recipients/" + me + "/preferences")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(
                List.of(true),
                all.getList("kinds.findAll { it.kind == 'ENROLLED_CONFIRMED' && it.channel == 'EMAIL' }.fixed"));
        assertEquals(
                List.of("OFF"),
                all.getList("kinds.findAll { it.kind == 'WENT_LIVE' && it.channel == 'FEED' }.delivery"));
        assertEquals(
                List.of("WEEKLY_DIGEST"),
                all.getList("kinds.findAll { it.kind == 'PREREQUISITE_OVERDUE' && it.channel == 'EMAIL' }.delivery"));
        assertFalse(
                all.getList("kinds.findAll { it.kind == 'PREREQUISITE_OVERDUE' && it.channel == 'EMAIL' }.allowed[0]")
                        .toString()
                        .contains("OFF"),
                "what must be acted on offers no OFF");
    }

    @Test
    void everyMailHasOneClickUnsubscribeThatWorksWithoutASessionAndAPreferencesLink() {
        String contact = "ehelse@austevoll.kommune.example";
        Given.municipalityWithContacts("4625", "Austevoll", "Vestland digi", contact);
        UUID track = Given.track("DigiHelsestasjon avmelding", "leder.u@ks.example", "nestleder.u@ks.example", 5);
        UUID first = UUID.randomUUID();
        Given.enrollment("went-live", first, track, "4625", "LIVE", null);
        MailSink.Mail wentLive = mail.await(m -> m.isTo(contact) && m.subject().contains("har tatt i bruk"), 1, WAIT)
                .get(0);

        String header = wentLive.header("List-Unsubscribe");
        assertTrue(
                header.startsWith("<http://localhost:8084/varsler/avmelding?token=") && header.endsWith(">"), header);
        assertEquals("List-Unsubscribe=One-Click", wentLive.header("List-Unsubscribe-Post"));
        assertTrue(wentLive.text().contains("http://localhost:8084/varsler/innstillinger"), "the footer's link");
        assertTrue(wentLive.html().contains("href=\"http://localhost:8084/varsler/innstillinger\""), wentLive.html());
        String link = header.substring("<http://localhost:8084".length(), header.length() - 1);

        // A link checker opening the link changes nothing; the page asks.
        given().get(link)
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("Meld deg av"))
                .body(containsString("«Tatt i bruk»"))
                .body(containsString(contact));
        // A forged or damaged token does nothing.
        given().redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .body("List-Unsubscribe=One-Click")
                .post(link.substring(0, link.length() - 3) + "AAA")
                .then()
                .statusCode(400);
        // RFC 8058: the mail provider POSTs, with no session, no cookie, no CSRF token.
        given().redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .body("List-Unsubscribe=One-Click")
                .post(link)
                .then()
                .statusCode(200)
                .body(equalTo("Du er meldt av."));
        given().get(link).then().statusCode(200).body(containsString("Du er meldt av"));
        assertEquals(
                List.of("OFF"),
                given().auth()
                        .oauth2(admin)
                        .get("/api/v1/recipients/" + contact + "/preferences")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("kinds.findAll { it.kind == 'WENT_LIVE' && it.channel == 'EMAIL' }.delivery"));

        UUID second = UUID.randomUUID();
        String secondLive = Given.enrollment("went-live", second, track, "4625", "LIVE", null);
        Given.enrollment("withdrawn", second, track, "4625", "WITHDRAWN", null);
        mail.await(m -> m.isTo(contact) && m.subject().contains("trukket"), 1, WAIT);
        awaitMessage(contact, secondLive, "SKIPPED");
        assertEquals(
                1,
                mail.mailsTo(contact).stream()
                        .filter(m -> m.subject().contains("har tatt i bruk"))
                        .count(),
                "no more of the kind unsubscribed from");
    }

    @Test
    void anEmailSubscriptionToAnotherAddressSendsNothingUntilThatAddressConfirms() {
        String address = "abonnent@oygarden.kommune.example";
        Given.municipalityWithContacts("4626", "Øygarden", "Vestland digi", "ehelse@oygarden.kommune.example");
        UUID track = Given.track("DigiHelsestasjon bekreft", "leder.b@ks.example", "nestleder.b@ks.example", 5);
        String reader = TestTokens.forRole("reader");
        try (EventProbe probe = EventProbe.open(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                "notification.subscriptions.v1")) {
            JsonPath created = given().auth()
                    .oauth2(reader)
                    .contentType(ContentType.JSON)
                    .body("""
                    {"eventTypes": ["%s"], "channel": "EMAIL", "address": "%s", "kommunenummer": "4626"}""".formatted(ENROLLED, address))
                    .post("/api/v1/subscriptions")
                    .then()
                    .statusCode(201)
                    .body("status", equalTo("PENDING_CONFIRMATION"))
                    .extract()
                    .jsonPath();
            String id = created.getString("id");

            MailSink.Mail ask = mail.await(m -> m.isTo(address), 1, WAIT).get(0);
            assertTrue(ask.subject().startsWith("Bekreft abonnementet"), ask.subject());
            assertTrue(ask.text().contains("test-reader@example.test har bedt om"), ask.text());
            assertTrue(ask.text().contains("En kommune meldte seg på"), "what was asked for, in words");
            assertNotNull(ask.header("List-Unsubscribe"));
            Matcher found = CONFIRM_LINK.matcher(ask.text());
            assertTrue(found.find(), ask.text());
            String link = found.group(1);
            String token = link.substring(link.indexOf("token=") + 6);
            // The subscriber reads the delivery log, but the link is for the address alone.
            String log = given().auth()
                    .oauth2(reader)
                    .get("/api/v1/subscriptions/" + id + "/deliveries")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertFalse(log.contains(token), "the confirmation link is not kept: " + log);

            Given.enrollment("enrolled", UUID.randomUUID(), track, "4626", "CONFIRMED", null);
            mail.await(m -> m.isTo("ehelse@oygarden.kommune.example"), 1, WAIT);
            await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
            assertEquals(1, mail.mailsTo(address).size(), "nothing but the confirmation request before confirming");

            given().get(link)
                    .then()
                    .statusCode(200)
                    .body(containsString("Bekreft abonnementet"))
                    .body(containsString("test-reader@example.test har bedt om"));
            given().redirects()
                    .follow(false)
                    .contentType(ContentType.URLENC)
                    .post(link)
                    .then()
                    .statusCode(303);
            given().get(link).then().statusCode(200).body(containsString("Abonnementet er bekreftet"));
            given().auth()
                    .oauth2(reader)
                    .get("/api/v1/subscriptions/" + id)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("ACTIVE"))
                    .body("confirmedAt", not(equalTo(null)));
            var confirmed =
                    probe.await(r -> id.equals(r.key()) && r.type().endsWith("subscription-confirmed.v1"), WAIT);
            EventContract.assertValid(confirmed.value());
            assertFalse(confirmed.rawValue().contains(address), "the address stays out of the event");

            Given.enrollment("enrolled", UUID.randomUUID(), track, "4626", "CONFIRMED", null);
            MailSink.Mail told = mail.await(
                            m -> m.isTo(address) && m.subject().startsWith("Påmelding bekreftet"), 1, WAIT)
                    .get(0);
            assertTrue(told.header("List-Unsubscribe").contains("/varsler/avmelding?token="));
        }
        // Your own address needs no confirmation: your sign-in showed it is yours.
        given().auth()
                .oauth2(reader)
                .contentType(ContentType.JSON)
                .body("""
                {"eventTypes": ["%s"], "channel": "EMAIL", "address": "test-reader@example.test"}""".formatted(ENROLLED))
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(201)
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void aMessageIsRedeliveredByHandAtMostOnceAMinuteAndFiveTimesADayThen429WithRetryAfter() {
        String contact = "ehelse@sveio.kommune.example";
        Given.municipalityWithContacts("4627", "Sveio", "Sunnhordland digi", contact);
        UUID track = Given.track("DigiHelsestasjon gjensending", "leder.g@ks.example", "nestleder.g@ks.example", 5);
        String eventId = Given.enrollment("enrolled", UUID.randomUUID(), track, "4627", "CONFIRMED", null);
        String id = awaitMessage(contact, eventId, "SENT").getString("id");
        Instant start = Instant.now();
        try {
            for (int i = 1; i <= 5; i++) {
                if (i > 1) {
                    moveClock(start.plusSeconds(120L * (i - 1)));
                }
                given().auth()
                        .oauth2(admin)
                        .post("/api/v1/notifications/" + id + "/redelivery")
                        .then()
                        .statusCode(202);
                awaitMessage(contact, eventId, "SENT");
                if (i == 1) {
                    Response again = given().auth().oauth2(admin).post("/api/v1/notifications/" + id + "/redelivery");
                    assertEquals(429, again.statusCode(), again.asString());
                    assertEquals("application/problem+json", again.contentType());
                    long retryAfter = Long.parseLong(again.header("Retry-After"));
                    assertTrue(retryAfter >= 1 && retryAfter <= 60, "within the minute: " + retryAfter);
                    assertTrue(again.jsonPath().getString("type").endsWith("redelivery-limited"));
                }
            }
            mail.await(m -> m.isTo(contact), 6, WAIT);
            moveClock(start.plusSeconds(120L * 5));
            Response sixth = given().auth().oauth2(admin).post("/api/v1/notifications/" + id + "/redelivery");
            assertEquals(429, sixth.statusCode(), sixth.asString());
            long retryAfter = Long.parseLong(sixth.header("Retry-After"));
            assertTrue(
                    retryAfter > 60 && retryAfter <= 24 * 3600, "until the first falls out of the day: " + retryAfter);
            assertTrue(sixth.jsonPath().getString("detail").contains("at most 5"), sixth.asString());
        } finally {
            moveClock(Instant.now());
        }
    }

    @Test
    void aRotatedWebhookSecretSignsWithBothDuringTheOverlapAndMessagesReplaySinceATime() {
        Given.municipalityWithContacts("4628", "Kvam", "Hardanger digi", "ehelse@kvam.kommune.example");
        UUID track = Given.track("DigiHelsestasjon rotasjon", "leder.r@ks.example", "nestleder.r@ks.example", 5);
        try (WebhookReceiver receiver = new WebhookReceiver();
                EventProbe probe = EventProbe.open(
                        ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                        "notification.subscriptions.v1")) {
            JsonPath created = given().auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body("""
                    {"eventTypes": ["%s"], "channel": "WEBHOOK", "address": "%s", "trackId": "%s"}""".formatted(ENROLLED, receiver.url("/hooks/rotation"), track))
                    .post("/api/v1/subscriptions")
                    .then()
                    .statusCode(201)
                    .body("status", equalTo("ACTIVE"))
                    .extract()
                    .jsonPath();
            String id = created.getString("id");
            String oldSecret = created.getString("secret");
            JsonPath rotated = given().auth()
                    .oauth2(admin)
                    .post("/api/v1/subscriptions/" + id + "/secret")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            String newSecret = rotated.getString("secret");
            assertTrue(newSecret.startsWith("whsec_"));
            assertNotEquals(oldSecret, newSecret);
            OffsetDateTime until = OffsetDateTime.parse(rotated.getString("previousSecretValidUntil"));
            assertTrue(until.isAfter(OffsetDateTime.now().plusHours(23)), "a day's overlap: " + until);
            var event = probe.await(r -> id.equals(r.key()) && r.type().endsWith("secret-rotated.v1"), WAIT);
            EventContract.assertValid(event.value());
            assertFalse(event.rawValue().contains("whsec_"), "no secret in the event");
            receiver.secret("/hooks/rotation", newSecret);

            Given.enrollment("enrolled", UUID.randomUUID(), track, "4628", "CONFIRMED", null);
            await().atMost(WAIT).until(() -> receiver.calls("/hooks/rotation").size() >= 1);
            WebhookReceiver.Call call = receiver.calls("/hooks/rotation").get(0);
            String[] signatures = call.signature().split(" ");
            assertEquals(2, signatures.length, "both signatures during the overlap: " + call.signature());
            assertTrue(WebhookReceiver.verify(newSecret, call.id(), call.timestamp(), signatures[0], call.body()));
            assertTrue(WebhookReceiver.verify(oldSecret, call.id(), call.timestamp(), signatures[1], call.body()));
            assertFalse(WebhookReceiver.verify(oldSecret, call.id(), call.timestamp(), signatures[0], call.body()));
            assertTrue(call.signatureValid(), "a receiver that has only the new secret accepts it");

            Given.enrollment("enrolled", UUID.randomUUID(), track, "4628", "CONFIRMED", null);
            await().atMost(WAIT).until(() -> receiver.calls("/hooks/rotation").size() >= 2);

            // Replay: both messages once more, with the webhook-ids they had (receivers dedupe on them).
            given().auth()
                    .oauth2(admin)
                    .queryParam("since", OffsetDateTime.now().plusHours(1).toString())
                    .post("/api/v1/subscriptions/" + id + "/replay")
                    .then()
                    .statusCode(400)
                    .body("violations[0].field", equalTo("since"));
            given().auth()
                    .oauth2(admin)
                    .queryParam("since", OffsetDateTime.now().minusHours(1).toString())
                    .post("/api/v1/subscriptions/" + id + "/replay")
                    .then()
                    .statusCode(202)
                    .body("messages", equalTo(2));
            await().atMost(WAIT).until(() -> receiver.calls("/hooks/rotation").size() >= 4);
            List<String> ids = receiver.calls("/hooks/rotation").stream()
                    .map(WebhookReceiver.Call::id)
                    .toList();
            assertEquals(
                    List.copyOf(new java.util.TreeSet<>(ids.subList(0, 2))),
                    List.copyOf(new java.util.TreeSet<>(ids.subList(2, 4))));

            // After the overlap only the new secret signs.
            try {
                moveClock(until.toInstant().plusSeconds(60));
                Given.enrollment("enrolled", UUID.randomUUID(), track, "4628", "CONFIRMED", null);
                await().atMost(WAIT)
                        .until(() -> receiver.calls("/hooks/rotation").size() >= 5);
                WebhookReceiver.Call later = receiver.calls("/hooks/rotation").get(4);
                assertEquals(1, later.signature().split(" ").length, later.signature());
            } finally {
                moveClock(Instant.now());
            }
        }
    }

    @Test
    void aSubscriptionIsDeletedByItsOwnerOnlyAndAFeedSubscriptionWritesToTheOwnersFeed() {
        String reader = TestTokens.forRole("reader");
        String me = "test-reader@example.test";
        try (EventProbe probe = EventProbe.open(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                "notification.subscriptions.v1")) {
            String email = subscribe(reader, """
                    {"eventTypes": ["%s"], "channel": "EMAIL", "address": "%s", "kommunenummer": "4631"}""".formatted(ENROLLED, me));
            String feed = subscribe(reader, """
                    {"eventTypes": ["%s"], "channel": "FEED", "kommunenummer": "4631"}""".formatted(ENROLLED));
            given().auth()
                    .oauth2(reader)
                    .get("/api/v1/subscriptions/" + feed)
                    .then()
                    .statusCode(200)
                    .body("channel", equalTo("FEED"))
                    .body("address", equalTo(me));

            given().auth()
                    .oauth2(TestTokens.forRole("reader", Map.of("upn", "other-reader@example.test", "sub", "other")))
                    .delete("/api/v1/subscriptions/" + email)
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(reader)
                    .delete("/api/v1/subscriptions/" + email)
                    .then()
                    .statusCode(204);
            given().auth()
                    .oauth2(reader)
                    .get("/api/v1/subscriptions/" + email)
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(reader)
                    .delete("/api/v1/subscriptions/" + email)
                    .then()
                    .statusCode(404);
            assertFalse(given().auth()
                    .oauth2(reader)
                    .get("/api/v1/subscriptions?size=500")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items.id")
                    .contains(email));
            var deleted = probe.await(r -> email.equals(r.key()) && r.type().endsWith("subscription-deleted.v1"), WAIT);
            EventContract.assertValid(deleted.value());
            assertEquals(me, deleted.value().at("/data/deletedBy").asText());
        }

        Given.municipalityWithContacts("4631", "Masfjorden", "Nordhordland digi", "ehelse@masfjorden.kommune.example");
        UUID track = Given.track("DigiHelsestasjon feed", "leder.f@ks.example", "nestleder.f@ks.example", 5);
        String eventId = Given.enrollment("enrolled", UUID.randomUUID(), track, "4631", "CONFIRMED", null);
        mail.await(m -> m.isTo("ehelse@masfjorden.kommune.example"), 1, WAIT);
        await().atMost(WAIT).untilAsserted(() -> given().auth()
                .oauth2(reader)
                .queryParam("recipient", me)
                .get("/api/v1/feed")
                .then()
                .statusCode(200)
                .body("items.title", hasItem(containsString("Masfjorden"))));
        assertTrue(
                mail.mailsTo(me).stream().noneMatch(m -> m.subject().contains("Masfjorden")),
                "the deleted e-mail subscription sent nothing");
        assertNotNull(eventId);
    }

    @Test
    void anUnknownEventTypeIsRefusedNamingItWithTheCatalogue() {
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .contentType(ContentType.JSON)
                .body("""
                {"eventTypes": ["no.ks.ehelse.enrollment.enrolled.v1", "no.ks.ehelse.enrollment.enroled.v1"],
                 "channel": "EMAIL", "address": "test-reader@example.test"}""")
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("eventTypes[1]"))
                .body("violations[0].message", containsString("unknown event type no.ks.ehelse.enrollment.enroled.v1"))
                .body("allowed", hasItem("no.ks.ehelse.enrollment.enrolled.v1"))
                .body("allowed", hasItem("no.ks.ehelse.track.deadline-passed.v1"));
    }

    private String subscribe(String token, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(201)
                .body("status", equalTo("ACTIVE"))
                .extract()
                .path("id");
    }

    private static Response choose(String token, String address, String kind, String channel, String delivery) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"delivery\": \"" + delivery + "\"}")
                .put("/api/v1/recipients/" + address + "/preferences/" + kind + "/" + channel);
    }

    private JsonPath message(String recipient, String eventId) {
        JsonPath found = given().auth()
                .oauth2(admin)
                .queryParam("recipient", recipient)
                .queryParam("eventId", eventId)
                .queryParam("channel", "EMAIL")
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(1, found.getList("items").size(), found.prettify());
        return new JsonPath(found.prettify()).setRootPath("items[0]");
    }

    private JsonPath awaitMessage(String recipient, String eventId, String status) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(WAIT).untilAsserted(() -> {
            last[0] = message(recipient, eventId);
            assertEquals(status, last[0].getString("status"), last[0].prettify());
        });
        return last[0];
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
