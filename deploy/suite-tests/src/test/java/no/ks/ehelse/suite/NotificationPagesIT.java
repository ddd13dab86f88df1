package no.ks.ehelse.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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
import com.microsoft.playwright.options.AriaRole;

import no.ks.ehelse.localstack.MailSink;

/**
 * notification-service's pages as a municipal contact meets them, in Chromium against the suite's processes:
 * Sogndal (4640) enrolls in two tracks whose kick-offs fall on the same day; its confirmation mail's "Bekreft"
 * link opens the acknowledgement page (no sign-in) and its button records it; the mail's one-click unsubscribe link
 * shows a confirming form, and the RFC 8058 POST a mail provider sends (no session, no cookie) works; an admin
 * sees Sogndal's agenda with the clash warning; Kinn (4602) changes one kind's e-mail choice for its contact on the
 * preferences page and finds it kept. axe-core checks every page (WCAG 2.1 A/AA); screenshots in
 * target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationPagesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SOGNDAL = "4640";
    private static final String KINN = "4602";
    private static final Pattern ACKNOWLEDGE_LINK = Pattern.compile("<a href=\"([^\"]+/bekreft/[^\"]+)\">");

    private static Suite suite;
    private static Browser browser;
    private static String notification;
    private static MailSink.Mail confirmation;

    @BeforeAll
    static void start() {
        suite = PagesSuite.get();
        notification = suite.url("notification-service");
        suite.addContacts(List.of(SOGNDAL));
        boolean kinnKnown = suite.as("notification-service", suite.municipality(KINN))
                        .get("/api/v1/recipients/" + Suite.contact(KINN) + "/delivery")
                        .statusCode()
                == 200;
        if (!kinnKnown) {
            suite.addContacts(List.of(KINN));
        }
        LocalDate kickOff = LocalDate.now(ZoneOffset.UTC).plusDays(50);
        String first = track("kjernejournal", "Kjernejournal varselsider", kickOff);
        String second = track("vkp", "VKP varselsider", kickOff);
        enroll(first);
        enroll(second);
        confirmation = suite.mail
                .await(
                        m -> m.isTo(Suite.contact(SOGNDAL))
                                && m.subject().startsWith("Påmelding bekreftet")
                                && m.subject().contains("Kjernejournal varselsider"),
                        1,
                        WAIT)
                .get(0);
        browser = Browser.launch();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private static String track(String solution, String name, LocalDate kickOff) {
        String id = Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(
                        () -> suite.admin("enrollment-service")
                                .body("""
                        {"solution": "%s", "name": "%s", "capacity": 10, "registrationDeadline": "%s",
                         "kickOff": "%s",
                         "workingGroup": [{"role": "LEAD", "name": "Innføringsleder", "email": "leder-varsel-%s@ks.example.test"}]}""".formatted(
                                                solution,
                                                name,
                                                LocalDate.now(ZoneOffset.UTC).plusDays(30),
                                                kickOff,
                                                solution))
                                .post("/api/v1/tracks")
                                .then()
                                .extract(),
                        r -> r.statusCode() == 201)
                .path("id");
        suite.admin("enrollment-service")
                .body("{\"status\": \"OPEN\"}")
                .post("/api/v1/tracks/" + id + "/status")
                .then()
                .statusCode(200);
        return id;
    }

    private static void enroll(String track) {
        var response = Awaitility.await()
                .atMost(WAIT)
                .until(
                        () -> suite.as("enrollment-service", suite.municipality(SOGNDAL))
                                .body("{\"kommunenummer\": \"" + SOGNDAL + "\"}")
                                .post("/api/v1/tracks/" + track + "/enrollments")
                                .then()
                                .extract(),
                        r -> r.statusCode() != 400);
        assertEquals(201, response.statusCode(), response.body().asString());
    }

    private static Page page() {
        return browser.page;
    }

    private static Locator button(String name) {
        return page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    @Test
    @Order(1)
    void theAcknowledgementLinkOpensWithoutSignInAndItsButtonRecordsIt() {
        Matcher link = ACKNOWLEDGE_LINK.matcher(confirmation.html());
        assertTrue(link.find(), "a /bekreft link in\n" + confirmation.html());
        String url = link.group(1).replace("&amp;", "&");
        assertTrue(url.startsWith(notification + "/bekreft/"), url);

        browser.clearCookies();
        assertEquals(200, browser.open(url).status());
        assertEquals(
                "Bekreft at dere har mottatt påmeldingen", page().locator("h1").innerText());
        assertTrue(page().locator("main").innerText().contains("Kjernejournal varselsider"));
        browser.check("bekreft");

        button("Bekreft").click();
        page().waitForLoadState();
        assertTrue(
                page().locator("[role=status]").innerText().startsWith("Takk! Det er bekreftet at"),
                page().locator("main").innerText());
        browser.check("bekreft-ferdig");
        String enrollmentId = url.substring(url.indexOf("/bekreft/") + "/bekreft/".length(), url.indexOf('?'));
        suite.as("notification-service", suite.municipality(SOGNDAL))
                .get("/api/v1/acknowledgements/" + enrollmentId)
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("ACKNOWLEDGED"));

        assertEquals(
                404,
                browser.open(notification + "/bekreft/" + enrollmentId + "?t=feil")
                        .status());
    }

    @Test
    @Order(2)
    void theOneClickUnsubscribeLinkAsksFirstAndTheMailProvidersPostNeedsNoSession() throws Exception {
        String header = confirmation.header("List-Unsubscribe");
        assertNotNull(header, "List-Unsubscribe on the confirmation");
        assertEquals("List-Unsubscribe=One-Click", confirmation.header("List-Unsubscribe-Post"));
        String url = header.replaceAll("^<|>$", "");
        assertTrue(url.startsWith(notification + "/varsler/avmelding?token="), url);

        browser.clearCookies();
        assertEquals(200, browser.open(url).status());
        assertEquals("Meld deg av", page().locator("h1").innerText());
        assertTrue(page().locator("main").innerText().contains(Suite.contact(SOGNDAL)));
        assertTrue(button("Meld meg av").isVisible(), "a confirming form, not a change on GET");
        browser.check("avmelding");
        // Opening the link changed nothing.
        suite.admin("notification-service")
                .get("/api/v1/recipients/" + Suite.contact(SOGNDAL) + "/delivery")
                .then()
                .statusCode(200)
                .body("delivery", org.hamcrest.Matchers.equalTo("IMMEDIATE"));

        // What a mail provider sends (RFC 8058): a bare POST, no cookie, no CSRF token.
        HttpResponse<String> oneClick = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("content-type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, oneClick.statusCode(), oneClick.body());
        suite.admin("notification-service")
                .get("/api/v1/recipients/" + Suite.contact(SOGNDAL) + "/delivery")
                .then()
                .statusCode(200)
                .body("delivery", org.hamcrest.Matchers.equalTo("OFF"));

        browser.open(url);
        button("Meld meg av").click();
        page().waitForLoadState();
        assertEquals("Du er meldt av", page().locator("h1").innerText());
        browser.check("avmelding-ferdig");

        assertEquals(
                400,
                browser.open(notification + "/varsler/avmelding?token=ikke.gyldig")
                        .status());
        assertEquals("Lenken er ugyldig", page().locator("h1").innerText());
        browser.check("avmelding-ugyldig");
    }

    @Test
    @Order(3)
    void theAgendaPageShowsTheClashOfTheTwoKickOffs() {
        browser.open(notification + "/varsler/" + SOGNDAL + "/kalender");
        browser.signInAs("admin", notification);
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            browser.open(notification + "/varsler/" + SOGNDAL + "/kalender");
            return page().locator("main").innerText().contains("VKP varselsider")
                    && page().locator("main").innerText().contains("Kjernejournal varselsider");
        });
        String main = page().locator("main").innerText();
        assertTrue(page().locator("#advarsler").isVisible(), main);
        assertTrue(main.contains("Kollisjon"), main);
        assertTrue(
                page().locator(".ds-tag", new Page.LocatorOptions().setHasText("Kollisjon"))
                                .count()
                        >= 2,
                main);
        browser.check("kalender");
    }

    @Test
    @Order(4)
    void kinnChangesOneKindForItsContactAndTheChoiceIsKept() {
        browser.clearCookies();
        browser.open(notification + "/varsler/innstillinger");
        browser.signInAs("kommune-4602", notification);
        String contact = Suite.contact(KINN);
        Locator details = page().locator("details", new Page.LocatorOptions().setHasText(contact));
        details.locator("summary").click();
        Locator select = details.locator("select[id$='-EMAIL-WENT_LIVE']");
        select.selectOption("EMAIL:WENT_LIVE:WEEKLY_DIGEST");
        browser.check("varsler-innstillinger-type");
        details.getByRole(AriaRole.BUTTON).click();
        page().waitForURL(u -> u.contains("melding=levering-lagret"));
        assertEquals("Valget ditt er lagret.", page().locator("[role=status]").innerText());

        browser.open(notification + "/varsler/innstillinger");
        Locator kept = page().locator("details", new Page.LocatorOptions().setHasText(contact))
                .locator("select[id$='-EMAIL-WENT_LIVE']");
        assertEquals("EMAIL:WENT_LIVE:WEEKLY_DIGEST", kept.inputValue());
        assertFalse(
                page().locator("main").innerText().contains("Feil"),
                page().locator("main").innerText());
        browser.check("varsler-innstillinger-lagret");
        Map<String, Object> wentLive = suite.admin("notification-service")
                .get("/api/v1/recipients/" + contact + "/preferences")
                .then()
                .statusCode(200)
                .extract()
                .path("kinds.find { it.kind == 'WENT_LIVE' && it.channel == 'EMAIL' }");
        assertEquals("WEEKLY_DIGEST", wentLive.get("delivery"), String.valueOf(wentLive));
    }
}
