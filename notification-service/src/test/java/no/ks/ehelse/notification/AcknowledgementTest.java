package no.ks.ehelse.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import no.ks.ehelse.localstack.EventProbe;
import no.ks.ehelse.localstack.MailSink;
import no.ks.ehelse.localstack.Pages;
import no.ks.ehelse.localstack.TestTokens;

/**
 * Acknowledgement of receipt on the adjustable clock, through Kafka, the SMTP server and the public page: the
 * confirmation asks, the signed link's page confirms with a POST (no session), no answer → one reminder → one
 * escalation to the network's e-health contact, each once, each visible in the API and announced on Kafka.
 */
@QuarkusTest
class AcknowledgementTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern LINK =
            Pattern.compile("http://localhost:8084(/bekreft/([0-9a-f-]{36})\\?t=([A-Za-z0-9_-]+))");

    private MailSink mail;
    private final String admin = TestTokens.forRole("admin");
    private Instant now;

    @BeforeEach
    void start() {
        mail = MailSink.forTests();
        now = Instant.now();
    }

    @AfterEach
    void clockBack() {
        moveClock(Instant.now());
    }

    @Test
    void confirmingByTheLinkStopsTheReminderAndTheEscalation() {
        String network = "Digi Bekreftet";
        String k = OnlyThoseWhoCanActTest.municipality("Bekrefter", network, null);
        OnlyThoseWhoCanActTest.networkContact(network);
        UUID track = OnlyThoseWhoCanActTest.track("bekreft-a", null);
        UUID enrollment = confirmed(track, k);

        MailSink.Mail confirmation = confirmationTo(k);
        Matcher link = LINK.matcher(confirmation.text());
        assertTrue(link.find(), "the confirmation carries the signed link: " + confirmation.text());
        assertTrue(confirmation.text().contains("Bekreft at dere har mottatt påmeldingen"), confirmation.text());
        assertTrue(confirmation.html().contains("Bekreft at dere har mottatt påmeldingen</a>"), confirmation.html());
        assertEquals(enrollment.toString(), link.group(2));
        String path = link.group(1);

        // Opening the link (as a mail scanner would) changes nothing.
        Pages.Shown page = Pages.get(null, path);
        assertEquals(200, page.status());
        assertEquals("AWAITING", status(enrollment));

        try (EventProbe probe = EventProbe.open(bootstrap(), "notification.acknowledgements.v1")) {
            Response answer = Pages.post(null, page, "/bekreft/" + enrollment, "t", link.group(3));
            assertEquals(303, answer.statusCode());
            EventProbe.Received event = probe.await(
                    r -> "no.ks.ehelse.notification.enrollment-acknowledged.v1".equals(r.type())
                            && enrollment.toString().equals(r.key()),
                    WAIT);
            assertEquals(k, event.value().path("data").path("kommunenummer").asText());
        }
        assertEquals("ACKNOWLEDGED", status(enrollment));
        Pages.Shown after = Pages.get(null, path);
        assertTrue(
                after.html().text().contains("Takk! Det er bekreftet"),
                after.html().text());

        moveClock(now.plus(Duration.ofDays(8)));
        moveClock(now.plus(Duration.ofDays(16)));
        sleepPastTheChecks();
        assertTrue(
                mail.mailsTo(OnlyThoseWhoCanActTest.contact(k)).stream()
                        .noneMatch(m -> m.subject().startsWith("Påminnelse: bekreft")),
                "no reminder after the acknowledgement");
        assertTrue(mail.mailsTo(OnlyThoseWhoCanActTest.networkAddress(network)).isEmpty(), "no escalation either");
        assertEquals("ACKNOWLEDGED", status(enrollment));
    }

    @Test
    void noAnswerBringsOneReminderThenOneEscalationToTheNetworksContact() {
        String network = "Digi Stille";
        String k = OnlyThoseWhoCanActTest.municipality("Stille", network, null);
        OnlyThoseWhoCanActTest.networkContact(network);
        UUID track = OnlyThoseWhoCanActTest.track("bekreft-b", null);
        UUID enrollment = confirmed(track, k);
        confirmationTo(k);

        moveClock(now.plus(Duration.ofDays(6)));
        sleepPastTheChecks();
        assertEquals("AWAITING", status(enrollment), "not before 7 days");

        moveClock(now.plus(Duration.ofDays(7)).plusSeconds(60));
        MailSink.Mail reminder = mail.await(
                        m -> m.isTo(OnlyThoseWhoCanActTest.contact(k))
                                && m.subject().startsWith("Påminnelse: bekreft"),
                        1,
                        WAIT)
                .get(0);
        assertTrue(LINK.matcher(reminder.text()).find(), "the reminder carries the link: " + reminder.text());
        await().atMost(WAIT).until(() -> "REMINDED".equals(status(enrollment)));

        try (EventProbe probe = EventProbe.open(bootstrap(), "notification.acknowledgements.v1")) {
            moveClock(now.plus(Duration.ofDays(14)).plusSeconds(120));
            MailSink.Mail escalation = mail.await(m -> m.isTo(OnlyThoseWhoCanActTest.networkAddress(network)), 1, WAIT)
                    .get(0);
            assertTrue(escalation.subject().contains("har ikke bekreftet påmeldingen"), escalation.subject());
            assertTrue(escalation.text().contains("Stille " + k + " (" + k + ")"), escalation.text());
            EventProbe.Received event = probe.await(
                    r -> "no.ks.ehelse.notification.acknowledgement-escalated.v1".equals(r.type())
                            && enrollment.toString().equals(r.key()),
                    WAIT);
            assertEquals(
                    track.toString(), event.value().path("data").path("trackId").asText());
        }
        await().atMost(WAIT).until(() -> "ESCALATED".equals(status(enrollment)));

        moveClock(now.plus(Duration.ofDays(30)));
        sleepPastTheChecks();
        assertEquals(
                1,
                mail.mailsTo(OnlyThoseWhoCanActTest.contact(k)).stream()
                        .filter(m -> m.subject().startsWith("Påminnelse: bekreft"))
                        .count(),
                "one reminder");
        assertEquals(
                1, mail.mailsTo(OnlyThoseWhoCanActTest.networkAddress(network)).size(), "one escalation");

        Map<String, Object> view = given().auth()
                .oauth2(admin)
                .get("/api/v1/acknowledgements/" + enrollment)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        assertEquals("ESCALATED", view.get("status"));
        assertTrue(view.get("remindedAt") != null && view.get("escalatedAt") != null, view.toString());
        assertEquals(null, view.get("acknowledgedAt"));
    }

    @Test
    void aWrongTokenFindsNothingAndAFormWithoutCsrfIsRefused() {
        String k = OnlyThoseWhoCanActTest.municipality("Feil Lenke", "Digi Feil", null);
        UUID track = OnlyThoseWhoCanActTest.track("bekreft-c", null);
        UUID enrollment = confirmed(track, k);
        Matcher link = LINK.matcher(confirmationTo(k).text());
        assertTrue(link.find());

        assertEquals(
                404,
                Pages.get(
                                null,
                                "/bekreft/" + enrollment + "?t=AAAA"
                                        + link.group(3).substring(4))
                        .status());
        assertEquals(
                404,
                Pages.get(null, "/bekreft/" + UUID.randomUUID() + "?t=" + link.group(3))
                        .status());
        assertEquals(404, Pages.get(null, "/bekreft/" + enrollment).status());
        Response forged = Pages.postWithoutCsrf(null, "/bekreft/" + enrollment, "t", link.group(3));
        assertTrue(forged.statusCode() >= 400 && forged.statusCode() < 500, "refused: " + forged.statusCode());
        assertEquals("AWAITING", status(enrollment));

        // Someone else's acknowledgement is not found; the municipality's own is.
        given().auth()
                .oauth2(TestTokens.forRole("municipality", Map.of("kommunenummer", "4601")))
                .get("/api/v1/acknowledgements/" + enrollment)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.forRole("municipality", Map.of("kommunenummer", k)))
                .get("/api/v1/acknowledgements/" + enrollment)
                .then()
                .statusCode(200);
    }

    private static UUID confirmed(UUID track, String kommunenummer) {
        return OnlyThoseWhoCanActTest.enroll(track, kommunenummer, "CONFIRMED");
    }

    private MailSink.Mail confirmationTo(String kommunenummer) {
        return mail.await(
                        m -> m.isTo(OnlyThoseWhoCanActTest.contact(kommunenummer))
                                && m.subject().startsWith("Påmelding bekreftet"),
                        1,
                        WAIT)
                .get(0);
    }

    private String status(UUID enrollment) {
        return given().auth()
                .oauth2(admin)
                .get("/api/v1/acknowledgements/" + enrollment)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("status");
    }

    /** The checks run every second in tests; three rounds leave time for a message to be planned and sent. */
    private static void sleepPastTheChecks() {
        try {
            Thread.sleep(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private void moveClock(Instant to) {
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"now\": \"" + to + "\"}")
                .put("/api/v1/admin/clock")
                .then()
                .statusCode(200);
    }
}
