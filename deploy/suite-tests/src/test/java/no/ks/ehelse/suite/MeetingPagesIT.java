package no.ks.ehelse.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import no.ks.ehelse.localstack.EventContract;
import no.ks.ehelse.localstack.EventProbe;

/**
 * Information meetings as people use them, in Debian's Chromium against the services running as processes with the
 * real Kafka, PostgreSQL and OIDC server: without signing in a person finds the meeting on its solution's page,
 * registers and gets the confirmation page at once; registering again says so; the meeting (one place) offers the
 * waiting list to the next; the cancel link (taken from the registration-made event, which carries it to
 * notification-service's mail) cancels after a confirming step and the waiting person gets the place; the lead
 * signs in and sees the counts. axe-core checks every page (WCAG 2.1 A/AA); screenshots in target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MeetingPagesIT {

    private static final String SOLUTION = "vkp";
    private static final String TITLE = "Informasjonsmøte om VKP i nettleseren";

    private static Suite suite;
    private static Browser browser;
    private static EventProbe probe;
    private static String enrollment;
    private static String meeting;

    @BeforeAll
    static void start() {
        suite = PagesSuite.get();
        enrollment = suite.url("enrollment-service");
        probe = EventProbe.open(suite.kafka.bootstrapServers(), "enrollment.meetings.v1");
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        meeting = Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(
                        () -> suite.admin("enrollment-service")
                                .body("""
                                        {"solution": "%s", "title": "%s", "description": "Hva knutepunktet gir kommunen.",
                                         "start": "%sT10:00:00", "end": "%sT11:30:00",
                                         "onlineUrl": "https://teams.example/mote/vkp", "capacity": 1,
                                         "organizerName": "Innføringsleder VKP", "organizerEmail": "innforing-vkp@ks.example.test"}""".formatted(SOLUTION, TITLE, day, day))
                                .post("/api/v1/meetings")
                                .then()
                                .extract(),
                        r -> r.statusCode() == 201)
                .path("id");
        browser = Browser.launch();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (probe != null) {
            probe.close();
        }
    }

    private static Page page() {
        return browser.page;
    }

    private static Locator button(String name) {
        return page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    private static void fill(String name, String email, String municipality, String role) {
        page().getByLabel("Navn", new Page.GetByLabelOptions().setExact(true)).fill(name);
        page().getByLabel("E-post", new Page.GetByLabelOptions().setExact(false))
                .fill(email);
        page().getByLabel("Kommune", new Page.GetByLabelOptions().setExact(false))
                .fill(municipality);
        page().getByLabel("Rolle", new Page.GetByLabelOptions().setExact(false)).fill(role);
    }

    private static JsonNode registrationMade(String email) {
        JsonNode event = probe.await(
                        r -> r.type() != null
                                && r.type().endsWith("registration-made.v1")
                                && email.equals(
                                        r.value().path("data").path("email").asText()),
                        Duration.ofSeconds(60))
                .value();
        EventContract.assertValid(event);
        return event.path("data");
    }

    @Test
    @Order(1)
    void aPersonFindsTheMeetingOnTheSolutionPageAndRegistersWithoutSigningIn() {
        browser.open(enrollment + "/losninger/" + SOLUTION);
        Locator card = page().locator("#mote-" + meeting);
        assertTrue(card.innerText().contains(TITLE));
        browser.check("mote-losningsside");
        card.locator("h3 a").click();
        page().waitForURL(enrollment + "/informasjonsmoter/" + meeting);
        assertEquals(TITLE, page().locator("h1").innerText());
        browser.check("mote-side");

        button("Meld meg på").click();
        page().waitForLoadState();
        assertEquals("Skriv navnet ditt.", page().locator("#name-error").innerText());
        assertEquals("#name", page().locator(".ds-error-summary a").first().getAttribute("href"));
        browser.check("mote-feil");

        fill("Kari Nettleser", "kari.nettleser@example.test", "bergen", "Kommuneoverlege");
        button("Meld meg på").click();
        page().waitForURL(u -> u.contains("/pamelding/") && u.contains("melding=pameldt"));
        assertEquals("Du er påmeldt", page().locator("h1").innerText());
        assertEquals("Bekreftet", page().locator("#pamelding-status").innerText());
        browser.check("mote-pameldt");
        JsonNode made = registrationMade("kari.nettleser@example.test");
        assertEquals("4601", made.path("kommunenummer").asText());
        assertEquals("CONFIRMED", made.path("status").asText());
    }

    @Test
    @Order(2)
    void registeringAgainSaysItExists() {
        browser.open(enrollment + "/informasjonsmoter/" + meeting);
        assertTrue(page().locator("#fullt").innerText().startsWith("Møtet er fullt"));
        fill("Kari Nettleser", "KARI.nettleser@example.test", "Bergen (4601)", "Kommuneoverlege");
        button("Sett meg på venteliste").click();
        page().waitForURL(u -> u.contains("melding=finnes"));
        assertTrue(page().locator("#melding").innerText().startsWith("Du er allerede påmeldt"));
        assertEquals("Bekreftet", page().locator("#pamelding-status").innerText());
        browser.check("mote-finnes");
    }

    @Test
    @Order(3)
    void theFullMeetingOffersTheWaitingList() {
        browser.open(enrollment + "/informasjonsmoter/" + meeting);
        browser.check("mote-fullt");
        fill("Ola Venteliste", "ola.venteliste@example.test", "4602", "Fastlege");
        button("Sett meg på venteliste").click();
        page().waitForURL(u -> u.contains("melding=pameldt"));
        assertEquals("Du står på venteliste", page().locator("h1").innerText());
        assertEquals(
                "På venteliste, plass 1 på ventelisten",
                page().locator("#pamelding-status").innerText());
        browser.check("mote-venteliste");
        assertEquals(
                "WAITLISTED",
                registrationMade("ola.venteliste@example.test").path("status").asText());
    }

    @Test
    @Order(4)
    void theCancelLinkCancelsAndTheWaitingPersonGetsThePlace() {
        String cancelUrl = registrationMade("kari.nettleser@example.test")
                .path("cancelUrl")
                .asText();
        String path = cancelUrl.substring(cancelUrl.indexOf("/informasjonsmoter/avmelding"));
        browser.open(enrollment + path);
        assertEquals("Meld deg av " + TITLE, page().locator("h1").innerText());
        browser.check("mote-avmelding");
        button("Bekreft avmelding").click();
        page().waitForLoadState();
        assertEquals("Du er avmeldt", page().locator("h1").innerText());
        browser.check("mote-avmeldt");
        JsonNode promoted = probe.await(
                        r -> r.type() != null && r.type().endsWith("registration-promoted.v1"), Duration.ofSeconds(60))
                .value();
        EventContract.assertValid(promoted);
        assertEquals(
                "ola.venteliste@example.test",
                promoted.path("data").path("email").asText());

        browser.open(enrollment + "/informasjonsmoter/avmelding?token=ikke.gyldig");
        assertTrue(page().locator("#feil").innerText().startsWith("Lenken til avmelding er ikke gyldig"));
        browser.check("mote-ugyldig-lenke");
    }

    @Test
    @Order(5)
    void theLeadSignsInAndSeesTheCounts() {
        browser.open(enrollment + "/informasjonsmoter/ledelse/" + meeting);
        browser.signInAs("leder", enrollment);
        page().waitForURL(enrollment + "/informasjonsmoter/ledelse/" + meeting);
        assertTrue(
                page().locator("#antall").innerText().startsWith("1 person fra 1 kommune"),
                page().locator("#antall").innerText());
        String table = page().locator("#deltakere").innerText();
        assertTrue(table.contains("ola.venteliste@example.test"), table);
        assertTrue(table.contains("Avmeldt"), table);
        browser.check("mote-pameldte");

        browser.open(enrollment + "/informasjonsmoter/ledelse/losninger/" + SOLUTION);
        assertTrue(page().locator("main").innerText().contains(TITLE));
        browser.check("mote-leder-oversikt");
        browser.open(enrollment + "/informasjonsmoter/ledelse/ny?losning=" + SOLUTION);
        browser.check("mote-nytt-skjema");
    }
}
