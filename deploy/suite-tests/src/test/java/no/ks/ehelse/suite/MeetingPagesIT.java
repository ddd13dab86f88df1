package no.ks.ehelse.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import no.ks.ehelse.localstack.EventContract;
import no.ks.ehelse.localstack.EventProbe;
import no.ks.ehelse.localstack.MailSink;

/**
 * Information meetings as people use them, in Debian's Chromium against the services running as processes with the
 * real Kafka, PostgreSQL and OIDC server: without signing in a person finds the meeting on its solution's page,
 * registers and gets the confirmation page at once, and notification-service's confirmation mail arrives in the
 * suite's SMTP sink with an invitation that ical4j parses (UID, DTSTART in Europe/Oslo, ORGANIZER, the online link);
 * registering again says so; the meeting (one place) offers the waiting list to the next; the cancel link taken from
 * the mail cancels after a confirming step and the waiting person gets the place; the lead signs in and sees the
 * counts; the lead moves the meeting (API, with the lead's token from the OIDC server) and the registrant gets an
 * update with the same UID and a higher SEQUENCE; the lead cancels it and the registrant gets a METHOD:CANCEL. axe-core
 * checks every page (WCAG 2.1 A/AA); screenshots in target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MeetingPagesIT {

    private static final String SOLUTION = "vkp";
    private static final String TITLE = "Informasjonsmøte om VKP i nettleseren";
    private static final String ONLINE = "https://teams.example/mote/vkp";
    private static final String ORGANIZER = "innforing-vkp@ks.example.test";
    private static final String KARI = "kari.nettleser@example.test";
    private static final String OLA = "ola.venteliste@example.test";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern CANCEL_LINK = Pattern.compile("https?://\\S+/informasjonsmoter/avmelding\\S*");

    private static Suite suite;
    private static Browser browser;
    private static EventProbe probe;
    private static String enrollment;
    private static String meeting;
    private static LocalDate day;
    private static String kariCancelLink;
    private static int olaSequence = -1;

    @BeforeAll
    static void start() {
        suite = PagesSuite.get();
        enrollment = suite.url("enrollment-service");
        probe = EventProbe.open(suite.kafka.bootstrapServers(), "enrollment.meetings.v1");
        day = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        meeting = Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(
                        () -> suite.admin("enrollment-service")
                                .body("""
                                        {"solution": "%s", "title": "%s", "description": "Hva knutepunktet gir kommunen.",
                                         "start": "%sT10:00:00", "end": "%sT11:30:00",
                                         "onlineUrl": "%s", "capacity": 1,
                                         "organizerName": "Innføringsleder VKP", "organizerEmail": "%s"}""".formatted(SOLUTION, TITLE, day, day, ONLINE, ORGANIZER))
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

    /** The text/calendar parts of a mail, parsed as a calendar program reads them. */
    private static List<Calendar> calendars(MailSink.Mail mail) {
        List<Calendar> found = new ArrayList<>();
        try {
            collect(mail.raw(), found);
        } catch (MessagingException | IOException | ParserException e) {
            throw new AssertionError("cannot read the calendar parts of " + mail.subject(), e);
        }
        return found;
    }

    private static void collect(Part part, List<Calendar> found)
            throws MessagingException, IOException, ParserException {
        if (part.isMimeType("text/calendar")) {
            try (InputStream in = part.getInputStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                found.add(new CalendarBuilder().build(new StringReader(text)));
            }
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), found);
            }
        }
    }

    private static Calendar onlyCalendar(MailSink.Mail mail) {
        List<Calendar> found = calendars(mail);
        assertEquals(1, found.size(), "one invitation in " + mail.subject());
        return found.get(0);
    }

    private static VEvent event(Calendar calendar) {
        return (VEvent) calendar.getComponents("VEVENT").get(0);
    }

    private static String method(Calendar calendar) {
        return calendar.getProperty("METHOD").map(Property::getValue).orElse(null);
    }

    private static String value(VEvent e, String property) {
        return e.<Property>getProperty(property).map(Property::getValue).orElse(null);
    }

    private static String parameter(VEvent e, String property, String parameter) {
        return e.<Property>getProperty(property)
                .flatMap(p -> p.<Parameter>getParameter(parameter))
                .map(Parameter::getValue)
                .orElse(null);
    }

    private static String uid() {
        return "meeting-" + meeting + "@ehelse.ks.example";
    }

    private static MailSink.Mail mailTo(String address, String subjectStart) {
        return suite.mail
                .await(m -> m.isTo(address) && m.subject().startsWith(subjectStart), 1, WAIT)
                .get(0);
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

        MailSink.Mail confirmation = mailTo(KARI, "Du er påmeldt: ");
        assertEquals("Du er påmeldt: " + TITLE, confirmation.subject());
        assertTrue(confirmation.text().contains("Hei Kari Nettleser"), confirmation.text());
        assertTrue(confirmation.text().contains(ONLINE), confirmation.text());
        Calendar invitation = onlyCalendar(confirmation);
        assertEquals("REQUEST", method(invitation));
        VEvent event = event(invitation);
        assertEquals(uid(), value(event, "UID"));
        assertEquals("0", value(event, "SEQUENCE"));
        assertEquals("Europe/Oslo", parameter(event, "DTSTART", "TZID"));
        assertEquals(day.toString().replace("-", "") + "T100000", value(event, "DTSTART"));
        assertEquals("mailto:" + ORGANIZER, value(event, "ORGANIZER"));
        assertEquals("mailto:" + KARI, value(event, "ATTENDEE"));
        assertTrue(
                ONLINE.equals(value(event, "URL")) || ONLINE.equals(value(event, "LOCATION")),
                "the online link as URL or LOCATION");
        Matcher link = CANCEL_LINK.matcher(confirmation.text());
        assertTrue(link.find(), confirmation.text());
        kariCancelLink = link.group();
        assertEquals(made.path("cancelUrl").asText(), kariCancelLink, "the link the event carried to the mail");
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
        assertTrue(kariCancelLink.startsWith(enrollment + "/informasjonsmoter/avmelding"), kariCancelLink);
        browser.open(kariCancelLink);
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
        Calendar olaInvitation = onlyCalendar(mailTo(OLA, "Du er påmeldt: "));
        assertEquals(uid(), value(event(olaInvitation), "UID"));
        olaSequence = Integer.parseInt(value(event(olaInvitation), "SEQUENCE"));

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

    @Test
    @Order(6)
    void theLeadMovesTheMeetingAndTheRegistrantGetsAnUpdate() {
        assertTrue(olaSequence >= 0, "Ola's invitation came first");
        LocalDate moved = day.plusDays(1);
        suite.as("enrollment-service", suite.oidc.personaToken("leder"))
                .body("""
                        {"solution": "%s", "title": "%s", "description": "Hva knutepunktet gir kommunen.",
                         "start": "%sT13:00:00", "end": "%sT14:30:00",
                         "onlineUrl": "%s", "capacity": 1,
                         "organizerName": "Innføringsleder VKP", "organizerEmail": "%s"}""".formatted(SOLUTION, TITLE, moved, moved, ONLINE, ORGANIZER))
                .put("/api/v1/meetings/" + meeting)
                .then()
                .statusCode(200);

        MailSink.Mail update = mailTo(OLA, "Endret: ");
        assertEquals("Endret: " + TITLE, update.subject());
        Calendar calendar = onlyCalendar(update);
        assertEquals("REQUEST", method(calendar));
        VEvent event = event(calendar);
        assertEquals(uid(), value(event, "UID"), "the same UID: the calendar moves the meeting");
        int sequence = Integer.parseInt(value(event, "SEQUENCE"));
        assertTrue(sequence > olaSequence, "SEQUENCE " + sequence + " after " + olaSequence);
        assertEquals("Europe/Oslo", parameter(event, "DTSTART", "TZID"));
        assertEquals(moved.toString().replace("-", "") + "T130000", value(event, "DTSTART"));
        olaSequence = sequence;
    }

    @Test
    @Order(7)
    void theLeadCancelsTheMeetingAndTheRegistrantGetsACancel() {
        suite.as("enrollment-service", suite.oidc.personaToken("leder"))
                .body("""
                        {"reason": "Innføringslederen er syk."}""")
                .post("/api/v1/meetings/" + meeting + "/cancellation")
                .then()
                .statusCode(200);

        MailSink.Mail cancel = mailTo(OLA, "Avlyst: ");
        assertTrue(cancel.text().contains("Innføringslederen er syk."), cancel.text());
        Calendar calendar = onlyCalendar(cancel);
        assertEquals("CANCEL", method(calendar));
        VEvent event = event(calendar);
        assertEquals(uid(), value(event, "UID"));
        assertEquals("CANCELLED", value(event, "STATUS"));
        int sequence = Integer.parseInt(value(event, "SEQUENCE"));
        assertTrue(sequence > olaSequence, "SEQUENCE " + sequence + " after " + olaSequence);
        assertTrue(
                suite.mail.mailsTo(KARI).stream()
                        .noneMatch(m -> m.subject().startsWith("Avlyst: ")
                                || m.subject().startsWith("Endret: ")),
                "Kari left before the meeting moved");
    }
}
