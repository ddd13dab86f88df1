package no.ks.ehelse.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

import no.ks.ehelse.localstack.MailSink;

/**
 * The municipality's flows as people use them, in Debian's Chromium against registry-, enrollment- and
 * notification-service running as processes, with the real OIDC server, Kafka, PostgreSQL and the SMTP mail sink:
 * Bergen (4601) signs in on the OIDC server's login page, reads the catalogue, enrolls with one click, ticks a
 * prerequisite, follows the confirmation mail back to its enrollment, edits a contact, meets the 403 and 404 pages
 * and the error summary; Kinn (4602) then finds the track full and sees its place on the waiting list. The steps
 * build on each other, so they share one browser and run in order; the suite is {@link PagesSuite}, shared with
 * SignInIT. axe-core checks every page
 * reached (WCAG 2.1 A/AA); screenshots are in target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MunicipalityPagesIT {

    private static final String SOLUTION = "digihelse";
    private static final String TRACK = "DigiHelse nettleserløp";

    private static Suite suite;
    private static Browser browser;
    private static String enrollment;
    private static String registry;
    private static String notification;
    private static String enrollmentPage;

    @BeforeAll
    static void start() {
        suite = PagesSuite.get();
        enrollment = suite.url("enrollment-service");
        registry = suite.url("registry-service");
        notification = suite.url("notification-service");
        suite.addContacts(List.of("4601", "4602"));
        openTrackWithOnePlace();
        browser = Browser.launch();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    /** One place, so the second municipality lands on the waiting list; created over the API as a lead would. */
    private static void openTrackWithOnePlace() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String track = Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(
                        () -> suite.admin("enrollment-service")
                                .body("""
                        {"solution": "%s", "name": "%s", "capacity": 1, "registrationDeadline": "%s",
                         "kickOff": "%s",
                         "prerequisites": [
                           {"id": "epj-api", "category": "TECHNICAL", "description": "EPJ-leverandøren har slått på API-et"},
                           {"id": "databehandleravtale", "category": "ADMINISTRATIVE", "description": "Databehandleravtalen er signert", "dueDate": "%s"}],
                         "workingGroup": [{"role": "LEAD", "name": "Innføringsleder", "email": "leder-%s@ks.example.test"}]}""".formatted(
                                                SOLUTION,
                                                TRACK,
                                                today.plusDays(30),
                                                today.plusDays(60),
                                                today.plusDays(45),
                                                SOLUTION))
                                .post("/api/v1/tracks")
                                .then()
                                .extract(),
                        r -> r.statusCode() == 201)
                .path("id");
        suite.admin("enrollment-service")
                .body("{\"status\": \"OPEN\"}")
                .post("/api/v1/tracks/" + track + "/status")
                .then()
                .statusCode(200);
    }

    private static Page page() {
        return browser.page;
    }

    private static Locator button(String name) {
        return page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    /** Reloads until the municipality page is there (enrollment-service learns the municipalities over Kafka). */
    private static void openMunicipalityPage(String kommunenummer) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() ->
                        browser.open(enrollment + "/kommuner/" + kommunenummer).status() == 200);
    }

    @Test
    @Order(1)
    void bergenSignsInThroughTheOidcServersLoginPage() {
        browser.open(enrollment + "/kommuner/4601");
        browser.signInAs("kommune-4601", enrollment);
        openMunicipalityPage("4601");
        assertEquals(enrollment + "/kommuner/4601", page().url());
        assertEquals("Bergen kommune", page().locator("h1").innerText());
        assertTrue(page().locator(".eh-user").innerText().contains("Kommunekontakt Bergen"));
        browser.check("kommune-4601");
    }

    @Test
    @Order(2)
    void theStartPageAndTheSolutionPageShowTheOpenTrack() {
        browser.open(enrollment + "/");
        assertEquals("Innføringsklare løsninger", page().locator("h1").innerText());
        assertTrue(page().locator("main").innerText().contains(TRACK + ", frist "), "the open track on the start page");
        browser.check("forside");

        page().locator("a[href='/losninger/" + SOLUTION + "']").click();
        page().waitForURL(enrollment + "/losninger/" + SOLUTION);
        String text = page().locator("main").innerText();
        assertTrue(text.contains("EPJ-leverandøren har slått på API-et"), "the prerequisites on the solution page");
        assertTrue(text.contains(TRACK + ": frist "), "sign-up for the open track");
        browser.check("losning");

        // The sign-up button leads to the municipality's own page, where the one-click sign-up is.
        page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Meld kommunen på " + TRACK))
                .click();
        page().waitForURL(u -> u.startsWith(enrollment + "/kommuner/4601"));
    }

    @Test
    @Order(3)
    void bergenEnrollsWithOneClickAndSeesWhatItSignedUpFor() {
        openMunicipalityPage("4601");
        assertTrue(page().locator("main").innerText().contains("1 ledig plass."));
        button("Meld Bergen på " + TRACK).click();
        page().waitForURL(u -> u.contains("/pameldinger/") && u.contains("melding=pameldt"));
        enrollmentPage = page().url().replaceFirst("\\?.*", "");

        assertEquals("Påmelding til " + TRACK, page().locator("h1").innerText());
        assertEquals("Bekreftet", page().locator("#pamelding-status").innerText());
        assertTrue(page().locator("[role=status]").innerText().contains("Påmeldingen er registrert"));
        String deadline = page().locator("#frist").innerText();
        assertTrue(deadline.matches("\\d{1,2}\\. \\p{L}+ \\d{4}"), "the deadline in Norwegian: " + deadline);
        assertTrue(page().locator("main").innerText().contains("leder-" + SOLUTION + "@ks.example.test"));
        browser.check("pamelding-bekreftet");
    }

    @Test
    @Order(4)
    void bergenTicksAPrerequisite() {
        browser.open(enrollmentPage);
        page().getByLabel("EPJ-leverandøren har slått på API-et", new Page.GetByLabelOptions().setExact(false))
                .check();
        button("Lagre forutsetninger").click();
        page().waitForURL(u -> u.contains("melding=lagret"));
        assertEquals(
                "Forutsetningene er lagret.", page().locator("[role=status]").innerText());
        assertTrue(page().locator("#forutsetning-epj-api").isChecked());
        assertTrue(!page().locator("#forutsetning-databehandleravtale").isChecked());
        browser.check("forutsetning-lagret");
    }

    @Test
    @Order(5)
    void theConfirmationMailLinksToTheEnrollmentPage() {
        MailSink.Mail mail = suite.mail
                .await(
                        m -> m.isTo(Suite.contact("4601"))
                                && m.html() != null
                                && m.html().contains(TRACK),
                        1,
                        Duration.ofSeconds(60))
                .get(0);
        Matcher link =
                Pattern.compile("<a href=\"([^\"]+)\">Se påmeldingen</a>").matcher(mail.html());
        assertTrue(link.find(), "a 'Se påmeldingen' link in\n" + mail.html());
        assertEquals(enrollmentPage, link.group(1));

        Response response = browser.open(link.group(1));
        assertEquals(200, response.status());
        assertEquals("Påmelding til " + TRACK, page().locator("h1").innerText());
    }

    @Test
    @Order(6)
    void withdrawingWithoutAReasonShowsTheErrorSummaryAndTheFieldMessage() {
        browser.open(enrollmentPage);
        page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Meld avbud"))
                .click();
        page().waitForURL(enrollmentPage + "/avbud");
        browser.check("avbud");
        button("Bekreft avbud").click();
        page().waitForLoadState();

        Locator summary = page().locator(".ds-error-summary");
        assertEquals("Skriv hvorfor dere melder avbud.", summary.locator("a").innerText());
        assertEquals("#reason", summary.locator("a").getAttribute("href"));
        assertEquals(
                "Skriv hvorfor dere melder avbud.",
                page().locator("#reason-error").innerText());
        assertEquals("true", page().locator("#reason").getAttribute("aria-invalid"));
        assertTrue(page().title().startsWith("Feil: "), page().title());
        browser.check("avbud-feil");

        // The summary's link takes keyboard focus to the field.
        summary.locator("a").click();
        assertEquals("reason", page().evaluate("document.activeElement.id"));
        // Still enrolled: nothing was withdrawn.
        browser.open(enrollmentPage);
        assertEquals("Bekreftet", page().locator("#pamelding-status").innerText());
    }

    @Test
    @Order(7)
    void bergenEditsAContactAndABadAddressIsExplained() {
        // Each service runs its own code flow: the registry's page asks for a sign-in of its own.
        browser.open(registry + "/kontakter/4601");
        browser.signInAs("kommune-4601", registry);
        assertEquals(registry + "/kontakter/4601", page().url());
        assertTrue(page().locator("main").innerText().contains(Suite.contact("4601")));
        browser.check("kontakter");

        page().locator("a[href$='/endre']").first().click();
        page().waitForURL(u -> u.endsWith("/endre"));
        browser.check("kontakt-endre");
        page().getByLabel("E-post", new Page.GetByLabelOptions().setExact(true)).fill("ikke-en-adresse");
        button("Lagre endringen").click();
        page().waitForLoadState();
        Locator summary = page().locator(".ds-error-summary");
        assertEquals("#email", summary.locator("a").getAttribute("href"));
        assertEquals(
                "Skriv inn en gyldig e-postadresse, som ehelse@kommunen.no",
                page().locator("#email-error").innerText());
        browser.check("kontakt-feil");

        page().getByLabel("E-post", new Page.GetByLabelOptions().setExact(true))
                .fill("postmottak-4601@kommune.example.test");
        page().getByLabel("Navn (valgfritt)").fill("Kontaktperson e-helse");
        button("Lagre endringen").click();
        page().waitForURL(u -> u.startsWith(registry + "/kontakter/4601?"));
        assertEquals("Endringen er lagret.", page().locator("[role=status]").innerText());
        assertTrue(page().locator("main").innerText().contains("postmottak-4601@kommune.example.test"));
        browser.check("kontakter-endret");
    }

    @Test
    @Order(8)
    void bergenReadsItsFeed() {
        browser.open(notification + "/varsler/4601");
        browser.signInAs("kommune-4601", notification);
        assertEquals(notification + "/varsler/4601", page().url());
        assertEquals("1 varsel.", page().locator("#antall").innerText());
        assertTrue(page().locator("main").innerText().contains("Påmelding bekreftet: Bergen i " + TRACK));
        browser.check("varsler");
        // The contact edited on the registry's page reaches notification-service (contacts.changed over Kafka).
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    browser.open(notification + "/varsler/innstillinger");
                    return page().locator("main").innerText().contains("postmottak-4601@kommune.example.test");
                });
        browser.check("varsler-innstillinger");
    }

    @Test
    @Order(9)
    void anotherMunicipalitysPageIsTheNorwegian403Page() {
        Response response = browser.open(enrollment + "/kommuner/4602");
        assertEquals(403, response.status());
        assertEquals("Du har ikke tilgang til denne siden", page().locator("h1").innerText());
        browser.check("ingen-tilgang");
    }

    @Test
    @Order(10)
    void aPathNoPageHasIsTheNorwegian404Page() {
        Response response = browser.open(enrollment + "/finnes-ikke");
        assertEquals(404, response.status());
        assertEquals("Vi finner ikke siden", page().locator("h1").innerText());
        browser.check("finnes-ikke");
    }

    @Test
    @Order(11)
    void theEnrollmentPageWorksAtMobileWidth() {
        page().setViewportSize(390, 844);
        try {
            browser.open(enrollmentPage);
            // Nothing wider than the screen: no sideways scrolling on a phone.
            assertEquals(
                    Boolean.TRUE,
                    page().evaluate("document.documentElement.scrollWidth <= window.innerWidth"),
                    "the page fits 390 px");
            browser.check("pamelding-mobil");
            browser.open(registry + "/kontakter/4601");
            assertEquals(Boolean.TRUE, page().evaluate("document.documentElement.scrollWidth <= window.innerWidth"));
            browser.check("kontakter-mobil");
        } finally {
            page().setViewportSize(1280, 720);
        }
    }

    @Test
    @Order(12)
    void kinnFindsTheTrackFullAndSeesItsPlaceOnTheWaitingList() {
        browser.clearCookies();
        browser.open(enrollment + "/kommuner/4602");
        browser.signInAs("kommune-4602", enrollment);
        openMunicipalityPage("4602");
        Locator card = page().locator(".ds-card", new Page.LocatorOptions().setHasText(TRACK));
        assertTrue(card.innerText().contains("Alle plassene er tatt"), card.innerText());
        browser.check("kommune-4602");

        button("Meld Kinn på " + TRACK).click();
        page().waitForURL(u -> u.contains("/pameldinger/"));
        assertEquals(
                "På venteliste, plass 1", page().locator("#pamelding-status").innerText());
        browser.check("pamelding-venteliste");
    }
}
