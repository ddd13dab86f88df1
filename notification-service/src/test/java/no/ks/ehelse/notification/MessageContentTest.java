package no.ks.ehelse.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.InternetAddress;
import no.ks.ehelse.localstack.MailSink;
import no.ks.ehelse.localstack.TestEvents;
import no.ks.ehelse.localstack.TestTokens;
import no.ks.ehelse.notification.domain.SolutionProjection;
import no.ks.ehelse.notification.domain.TrackProjection;

/**
 * What a mail says and how it is built, read from the SMTP server: solution names, no doubled labels, the phases,
 * the sender's name with ø, no Bcc header, the same sections in the HTML and the text part, a feed entry
 * without the mail footer, and the lead told who got a freed place.
 */
@QuarkusTest
class MessageContentTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private MailSink mail;
    private final String admin = TestTokens.forRole("admin");

    @BeforeEach
    void smtp() {
        mail = MailSink.forTests();
    }

    @Test
    void theConfirmationNamesTheSolutionListsThePhasesAndHasNoDoubledLabelsOrEmptyHeaders() throws Exception {
        String code = "innhold-a";
        Given.send("registry.solutions.v1", code, TestEvents.solution(code, "Innholdsløsningen"));
        await().atMost(WAIT)
                .until(() -> QuarkusTransaction.requiringNew().call(() -> SolutionProjection.findById(code) != null));
        String k = OnlyThoseWhoCanActTest.municipality("Innhold", "Digi Innhold", null);
        UUID track = track(code);
        OnlyThoseWhoCanActTest.enroll(track, k, "CONFIRMED");

        MailSink.Mail m = mail.await(
                        x -> x.isTo(OnlyThoseWhoCanActTest.contact(k))
                                && x.subject().startsWith("Påmelding bekreftet"),
                        1,
                        WAIT)
                .get(0);
        assertTrue(m.text().contains("Løsning: Innholdsløsningen"), m.text());
        assertFalse(m.text().contains("Løsning: " + code), "the name, not the code: " + m.text());
        assertTrue(m.text().contains(": Oppstartsmøte"), m.text());
        assertFalse(m.text().contains("Oppstart: Oppstartsmøte"), m.text());
        assertTrue(
                m.text()
                        .replace("\r\n", "\n")
                        .contains("Fasene i løpet\n- Forankre og forberede\n- Gjennomføre\n- Avslutte og realisere"),
                m.text());

        InternetAddress from = (InternetAddress) m.raw().getFrom()[0];
        assertEquals("KS e-helse innføring", from.getPersonal());
        String rawFrom = m.raw().getHeader("From")[0];
        assertTrue(rawFrom.chars().allMatch(c -> c < 128), "the From header is encoded (RFC 2047): " + rawFrom);
        assertNull(m.raw().getHeader("Bcc"), "no Bcc header");
        List<String> headers = rawHeaderLines(m);
        assertTrue(headers.stream().anyMatch(h -> h.startsWith("To:")), "the raw header block: " + headers);
        assertTrue(
                headers.stream().noneMatch(h -> h.regionMatches(true, 0, "Cc:", 0, 3)),
                "no Cc header when nobody is copied: " + headers);

        assertEquals(textSections(m.text()), htmlSections(m.html()), "the same sections in both parts");
        assertTrue(htmlSections(m.html()).contains("Bekreft at dere har mottatt påmeldingen"));
    }

    @Test
    void aFeedEntryHasNoMailFooterAndTheLeadHearsWhoGotAFreedPlace() {
        String code = "innhold-b";
        String k = OnlyThoseWhoCanActTest.municipality("Venter", "Digi Innhold", null);
        UUID track = track(code);
        UUID enrollment = UUID.randomUUID();
        Given.send(
                "enrollment.enrollments.v1",
                k,
                Given.enrollmentEvent(UUID.randomUUID().toString(), "enrolled", enrollment, track, k, "WAITLISTED", 1)
                        .replace("\"digihelsestasjon\"", "\"" + code + "\""));
        mail.await(x -> x.isTo(OnlyThoseWhoCanActTest.contact(k)), 1, WAIT);
        Given.send(
                "enrollment.enrollments.v1",
                k,
                Given.enrollmentEvent(
                                UUID.randomUUID().toString(),
                                "waitlist-promoted",
                                enrollment,
                                track,
                                k,
                                "CONFIRMED",
                                null)
                        .replace("\"digihelsestasjon\"", "\"" + code + "\""));

        String lead = "leder." + code + "@ks.example";
        MailSink.Mail told = mail.await(x -> x.isTo(lead), 1, WAIT).get(0);
        assertTrue(told.subject().startsWith("Ledig plass i Løp " + code + " gikk til Venter " + k), told.subject());
        assertTrue(told.text().contains("Venter " + k + " (" + k + ")"), told.text());
        assertEquals(textSections(told.text()), htmlSections(told.html()));
        assertTrue(told.text().contains("Denne meldingen er sendt av"), "the mail has its footer");

        await().atMost(WAIT).untilAsserted(() -> {
            List<String> texts = given().auth()
                    .oauth2(admin)
                    .queryParam("kommunenummer", k)
                    .get("/api/v1/feed")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items.text");
            assertEquals(2, texts.size(), texts.toString());
            for (String text : texts) {
                assertFalse(text.contains("Denne meldingen er sendt av"), "no mail footer in the feed: " + text);
                assertFalse(text.strip().endsWith("--"), text);
            }
        });
    }

    /** A track of {@code solution} whose kick-off milestone is titled "Oppstartsmøte". */
    private static UUID track(String solution) {
        UUID id = UUID.randomUUID();
        String event = Given.trackEvent(
                        id,
                        "Løp " + solution,
                        "leder." + solution + "@ks.example",
                        "nestleder." + solution + "@ks.example",
                        10,
                        LocalDate.now().plusDays(30))
                .replace("\"digihelsestasjon\"", "\"" + solution + "\"")
                .replace(
                        "\"kind\": \"KICK_OFF\", \"title\": null",
                        "\"kind\": \"KICK_OFF\", \"title\": \"Oppstartsmøte\"");
        Given.send("enrollment.tracks.v1", id.toString(), event);
        await().atMost(WAIT)
                .until(() -> QuarkusTransaction.requiringNew().call(() -> TrackProjection.findById(id) != null));
        return id;
    }

    /** The HTML part's section headings. */
    static List<String> htmlSections(String html) {
        List<String> sections = new ArrayList<>();
        for (Element h : Jsoup.parse(html).select("h2, h3")) {
            sections.add(h.text());
        }
        return sections;
    }

    /**
     * The text part's section headings: a line of its own after a blank line, followed by the section's content,
     * neither a list item nor a sentence (no closing punctuation, no colon), and not the greeting or a link line.
     */
    static List<String> textSections(String text) {
        String[] lines = text.split("\n", -1);
        List<String> sections = new ArrayList<>();
        for (int i = 1; i < lines.length - 1; i++) {
            String line = lines[i].strip();
            if (lines[i - 1].isBlank()
                    && !line.isEmpty()
                    && !lines[i + 1].isBlank()
                    && !line.startsWith("-")
                    && !Character.isDigit(line.charAt(0))
                    && !line.matches(".*[.:!?,)]$")
                    && !line.contains("http")
                    && !line.startsWith("Hei")) {
                sections.add(line);
            }
        }
        return sections;
    }

    /** The header lines of the message exactly as the SMTP server received it (up to the first empty line). */
    static List<String> rawHeaderLines(MailSink.Mail m) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        m.raw().writeTo(out);
        String raw = out.toString(java.nio.charset.StandardCharsets.US_ASCII);
        int end = raw.indexOf("\r\n\r\n");
        return List.of(raw.substring(0, end < 0 ? raw.length() : end).split("\r\n"));
    }
}
