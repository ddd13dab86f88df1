package no.ks.ehelse.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import io.restassured.path.json.JsonPath;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import no.ks.ehelse.localstack.MailSink;

/**
 * notification-service's pages as the people they are for use them, in Debian's Chromium against the four services
 * as processes with the real OIDC server, Kafka, PostgreSQL and the SMTP mail sink ({@link PagesSuite}): Stavanger
 * (1103) enrolls in two tracks whose kick-offs fall on the same day. Whoever reads the confirmation mail confirms
 * receipt through its link without signing in; someone an admin subscribed by e-mail confirms the subscription
 * (double opt-in) and later unsubscribes through the link in the mail's {@code List-Unsubscribe} header; an admin
 * reads Stavanger's calendar with the clash warning, subscribes to its feed (parsed with ical4j) and renews its
 * address; Kinn's contact chooses a weekly digest for one kind of message. axe-core checks every page reached
 * (WCAG 2.1 A/AA); screenshots are in target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationPagesIT {

    private static final String KOMMUNE = "1103";
    private static final String FIRST_TRACK = "VKP i Rogaland 2027";
    private static final String SECOND_TRACK = "Helsetjenester i Rogaland 2027";
    private static final String SUBSCRIBER = "abonnent-1103@example.test";
    private static final Pattern ACKNOWLEDGEMENT_LINK =
            Pattern.compile("<a href=\"([^\"]+)\">Bekreft at dere har mottatt påmeldingen</a>");
    private static final Pattern CONFIRM_LINK =
            Pattern.compile("https?://[^\\s\"<>]+/varsler/abonnement/bekreft\\?token=[^\\s\"<>]+");
    private static final Pattern HEADER_LINK = Pattern.compile("<(https?://[^>]+)>");

    private static Suite suite;
    private static Browser browser;
    private static String notification;
    private static LocalDate kickOff;
    private static String firstTrack;
    private static String secondTrack;
    private static String firstEnrollment;
    private static String subscription;
    private static String subscriptionConfirmation;
    private static String feedUrl;

    @BeforeAll
    static void start() {
        suite = PagesSuite.get();
        notification = suite.url("notification-service");
        suite.addContacts(List.of(KOMMUNE));
        // The mails name the municipality from notification-service's projection of the registry, which a suite
        // that has just started may still be filling.
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> suite.count(
                                "notification-service",
                                "SELECT count(*) FROM municipality WHERE kommunenummer = ? AND name = ?",
                                KOMMUNE,
                                "Stavanger")
                        == 1);
        kickOff = LocalDate.now(ZoneOffset.UTC).plusDays(40);
        firstTrack = suite.openTrack(track("vkp", FIRST_TRACK));
        secondTrack = suite.openTrack(track("htm", SECOND_TRACK));
        browser = Browser.launch();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    /** A track with a kick-off on {@link #kickOff}: two of them clash in the municipality's calendar. */
    private static String track(String solution, String name) {
        return """
                {"solution": "%s", "name": "%s", "capacity": 20, "registrationDeadline": "%s", "kickOff": "%s",
                 "workingGroup": [{"role": "LEAD", "name": "Innføringsleder", "email": "leder-%s@ks.example.test"}]}""".formatted(solution, name, kickOff.minusDays(10), kickOff, solution);
    }

    private static String enroll(String track) {
        return suite.as("enrollment-service", suite.municipality(KOMMUNE))
                .body("{\"kommunenummer\": \"" + KOMMUNE + "\"}")
                .post("/api/v1/tracks/" + track + "/enrollments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Page page() {
        return browser.page;
    }

    private static Locator button(String name) {
        return page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    private static MailSink.Mail mailTo(String address, String subjectStart) {
        return suite.mail
                .await(m -> m.isTo(address) && m.subject().startsWith(subjectStart), 1, Duration.ofSeconds(60))
                .get(0);
    }

    @Test
    @Order(1)
    void whoeverReadsTheConfirmationConfirmsReceiptWithoutSigningIn() {
        firstEnrollment = enroll(firstTrack);
        MailSink.Mail mail = mailTo(Suite.contact(KOMMUNE), "Påmelding bekreftet: Stavanger i " + FIRST_TRACK);
        Matcher link = ACKNOWLEDGEMENT_LINK.matcher(mail.html());
        assertTrue(link.find(), "the acknowledgement link in\n" + mail.html());
        assertEquals(
                "AWAITING",
                suite.admin("notification-service")
                        .get("/api/v1/acknowledgements/" + firstEnrollment)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("status"));

        // Opening the link changes nothing (mail scanners open links); the button does.
        Response response = browser.open(link.group(1).replace("&amp;", "&"));
        assertEquals(200, response.status());
        assertEquals(
                "Bekreft at dere har mottatt påmeldingen", page().locator("h1").innerText());
        assertTrue(page().locator("main").innerText().contains("Stavanger er påmeldt " + FIRST_TRACK));
        browser.check("bekreft-mottak");
        button("Bekreft").click();
        page().waitForLoadState();
        assertTrue(
                page().locator("[role=status]").innerText().startsWith("Takk! Det er bekreftet at Stavanger"),
                page().locator("main").innerText());
        browser.check("bekreft-mottak-takk");

        JsonPath state = suite.admin("notification-service")
                .get("/api/v1/acknowledgements/" + firstEnrollment)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("ACKNOWLEDGED", state.getString("status"));
        assertEquals(KOMMUNE, state.getString("kommunenummer"));
    }

    @Test
    @Order(2)
    void aSubscriberConfirmsTheSubscriptionBeforeAnythingIsSent() {
        subscription = suite.admin("notification-service")
                .body("""
                {"eventTypes": ["no.ks.ehelse.enrollment.enrolled.v1"], "channel": "EMAIL", "address": "%s",
                 "trackId": "%s"}""".formatted(SUBSCRIBER, secondTrack))
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        MailSink.Mail mail = suite.mail
                .await(m -> m.isTo(SUBSCRIBER), 1, Duration.ofSeconds(60))
                .get(0);
        subscriptionConfirmation = mail.messageId();
        Matcher link = CONFIRM_LINK.matcher(mail.text());
        assertTrue(link.find(), "the confirmation link in\n" + mail.text());

        browser.open(link.group());
        assertEquals("Bekreft abonnementet", page().locator("h1").innerText());
        assertTrue(page().locator("main").innerText().contains("Ingenting blir sendt før du bekrefter"));
        browser.check("abonnement-bekreft");
        button("Bekreft abonnementet").click();
        page().waitForLoadState();
        assertEquals("Abonnementet er bekreftet", page().locator("h1").innerText());
        assertTrue(page().locator("[role=status]").innerText().contains(SUBSCRIBER + " får e-post når dette skjer."));
        browser.check("abonnement-bekreftet");
        assertEquals(
                "ACTIVE",
                suite.admin("notification-service")
                        .get("/api/v1/subscriptions/" + subscription)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("status"));
    }

    @Test
    @Order(3)
    void theSubscribersMailCarriesAnUnsubscribeLinkThatAsksFirst() {
        enroll(secondTrack);
        MailSink.Mail mail = Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> suite.mail.mailsTo(SUBSCRIBER).stream()
                                .filter(m -> !m.messageId().equals(subscriptionConfirmation))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .get();
        assertEquals("List-Unsubscribe=One-Click", mail.header("List-Unsubscribe-Post"));
        Matcher link = HEADER_LINK.matcher(mail.header("List-Unsubscribe"));
        assertTrue(link.find(), mail.header("List-Unsubscribe"));

        browser.open(link.group(1));
        assertEquals("Meld deg av", page().locator("h1").innerText());
        assertTrue(
                page().locator("main")
                        .innerText()
                        .contains(SUBSCRIBER + " ikke lenger skal få abonnementet på «En kommune meldte seg på"),
                page().locator("main").innerText());
        browser.check("avmelding");
        button("Meld meg av").click();
        page().waitForLoadState();
        assertEquals("Du er meldt av", page().locator("h1").innerText());
        browser.check("avmeldt");
        // Ended: the API no longer finds it (it stays in the database, disabled, for its delivery log).
        suite.admin("notification-service")
                .get("/api/v1/subscriptions/" + subscription)
                .then()
                .statusCode(404);

        // A broken link is explained, not a stack trace.
        Response broken = browser.open(notification + "/varsler/avmelding?token=odelagt");
        assertEquals(400, broken.status());
        assertEquals("Lenken er ugyldig", page().locator("h1").innerText());
        browser.check("avmelding-ugyldig");
    }

    @Test
    @Order(4)
    void theCalendarShowsBothTracksAndWarnsOfTheClash() throws Exception {
        browser.open(notification + "/varsler/" + KOMMUNE + "/kalender");
        browser.signInAs("admin", notification);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    browser.open(notification + "/varsler/" + KOMMUNE + "/kalender");
                    return page().locator("main").innerText().contains(SECOND_TRACK);
                });
        assertEquals("Kalender for Stavanger", page().locator("h1").innerText());
        Locator warnings = page().locator("[aria-labelledby=advarsler] li");
        assertTrue(
                warnings.allInnerTexts().stream().anyMatch(w -> w.startsWith("Kollisjon ")),
                "a clash among " + warnings.allInnerTexts());
        assertEquals(2, page().locator("td .ds-tag").count(), "both kick-offs marked");
        browser.check("kalender");

        feedUrl = page().locator("#kalenderadresse").innerText();
        Calendar feed = feed(feedUrl, 200);
        String day = kickOff.toString().replace("-", "");
        List<String> kickOffs = feed.getComponents("VEVENT").stream()
                .map(c -> (VEvent) c)
                .filter(e -> e.<Property>getProperty(Property.DTSTART)
                        .map(p -> p.getValue().startsWith(day))
                        .orElse(false))
                .map(e -> e.<Property>getProperty(Property.UID)
                        .map(Property::getValue)
                        .orElseThrow())
                .toList();
        assertEquals(2, kickOffs.size(), "both kick-offs in the feed: " + kickOffs);
    }

    @Test
    @Order(5)
    void aRenewedFeedAddressRetiresTheOldOne() throws Exception {
        browser.open(notification + "/varsler/" + KOMMUNE + "/kalender");
        button("Lag ny adresse").click();
        page().waitForURL(u -> u.contains("melding=ny-adresse"));
        assertEquals(
                "Kalenderen har fått ny adresse. Den gamle virker ikke lenger.",
                page().locator("[role=status]").innerText());
        String renewed = page().locator("#kalenderadresse").innerText();
        assertNotEquals(feedUrl, renewed);
        browser.check("kalender-ny-adresse");
        feed(renewed, 200);
        assertEquals(404, status(feedUrl));
    }

    @Test
    @Order(6)
    void kinnsContactChoosesAWeeklyDigestForOneKind() {
        browser.clearCookies();
        browser.open(notification + "/varsler/innstillinger");
        browser.signInAs("kommune-4602", notification);
        String own = "kommune-4602@example.test";
        Locator form = page().locator(
                        "form[action='/varsler/innstillinger/typer']:has(input[name=address][value='" + own + "'])");
        form.locator("select[id$='-EMAIL-DEADLINE_APPROACHING']")
                .selectOption("EMAIL:DEADLINE_APPROACHING:WEEKLY_DIGEST");
        form.getByRole(AriaRole.BUTTON).click();
        page().waitForURL(u -> u.contains("melding=levering-lagret"));
        assertEquals("Valget ditt er lagret.", page().locator("[role=status]").innerText());
        assertEquals(
                "EMAIL:DEADLINE_APPROACHING:WEEKLY_DIGEST",
                form.locator("select[id$='-EMAIL-DEADLINE_APPROACHING']").inputValue());
        browser.check("varsler-innstillinger-per-type");

        JsonPath preferences = suite.admin("notification-service")
                .get("/api/v1/recipients/" + own + "/preferences")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(
                "WEEKLY_DIGEST",
                preferences.getString(
                        "kinds.find { it.kind == 'DEADLINE_APPROACHING' && it.channel == 'EMAIL' }.delivery"));
    }

    private static Calendar feed(String url, int expectedStatus) throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), url);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"));
        return new CalendarBuilder().build(new StringReader(response.body()));
    }

    private static int status(String url) throws Exception {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
