package no.ks.ehelse.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import no.ks.ehelse.localstack.MailSink;

/**
 * What people choose, in Chromium against notification-service as a process with the real OIDC server, Kafka and
 * the SMTP mail sink: the settings page's choice per kind (signed in), and the pages behind a mail's links, opened
 * without any session as a mail reader would: confirming an e-mail subscription (double opt-in) and one-click
 * unsubscribe. axe-core checks each page (WCAG 2.1 A/AA); screenshots in target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationChoicesIT {

    private static final Pattern CONFIRM =
            Pattern.compile("<a href=\"([^\"]+/varsler/abonnement/bekreft\\?token=[^\"]+)\">");

    private static Suite suite;
    private static Browser browser;
    private static String notification;

    @BeforeAll
    static void start() {
        suite = PagesSuite.get();
        notification = suite.url("notification-service");
        browser = Browser.launch();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private static Page page() {
        return browser.page;
    }

    private static MailSink.Mail optInMailFor(String address) {
        suite.as("notification-service", suite.token("reader", Map.of()))
                .body("""
                {"eventTypes": ["no.ks.ehelse.enrollment.went-live.v1"], "channel": "EMAIL", "address": "%s"}""".formatted(address))
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(201);
        return suite.mail.await(m -> m.isTo(address), 1, Duration.ofSeconds(60)).get(0);
    }

    @Test
    @Order(1)
    void theSettingsPageChoosesPerKindOfMessage() {
        browser.open(notification + "/varsler/innstillinger");
        browser.signInAs("leser", notification);
        assertTrue(page().locator("#typer-tittel").isVisible());
        assertTrue(page().locator("#type-ENROLLED_CONFIRMED").innerText().contains("Alltid straks"));
        browser.check("varsler-typer");
        page().locator("#valg-EMAIL-WENT_LIVE").selectOption("EMAIL:WENT_LIVE:OFF");
        page().locator("#valg-EMAIL-TRACK_CHANGED").selectOption("EMAIL:TRACK_CHANGED:WEEKLY_DIGEST");
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lagre valgene per type"))
                .click();
        assertTrue(page().url().endsWith("/varsler/innstillinger?melding=levering-lagret"), page().url());
        assertEquals(
                "EMAIL:WENT_LIVE:OFF", page().locator("#valg-EMAIL-WENT_LIVE").inputValue());
        browser.check("varsler-typer-lagret");
    }

    @Test
    @Order(2)
    void theOptInLinkConfirmsWithoutSigningIn() {
        browser.clearCookies();
        MailSink.Mail mail = optInMailFor("abonnent-bekreft@kommune.example");
        Matcher link = CONFIRM.matcher(mail.html());
        assertTrue(link.find(), mail.html());
        browser.open(link.group(1).replace("&amp;", "&"));
        assertEquals("Bekreft abonnementet", page().locator("h1").innerText());
        browser.check("abonnement-bekreft");
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bekreft abonnementet"))
                .click();
        assertEquals("Abonnementet er bekreftet", page().locator("h1").innerText());
        browser.check("abonnement-bekreftet");
    }

    @Test
    @Order(3)
    void theUnsubscribeLinkAsksThenUnsubscribesWithoutSigningIn() {
        browser.clearCookies();
        MailSink.Mail mail = optInMailFor("abonnent-avmeld@kommune.example");
        String header = mail.header("List-Unsubscribe");
        assertTrue(header.startsWith("<" + notification + "/varsler/avmelding?token="), header);
        assertEquals("List-Unsubscribe=One-Click", mail.header("List-Unsubscribe-Post"));
        browser.open(header.substring(1, header.length() - 1));
        assertEquals("Meld deg av", page().locator("h1").innerText());
        browser.check("avmelding");
        page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Meld meg av"))
                .click();
        assertEquals("Du er meldt av", page().locator("h1").innerText());
        browser.check("avmelding-utfort");
    }
}
