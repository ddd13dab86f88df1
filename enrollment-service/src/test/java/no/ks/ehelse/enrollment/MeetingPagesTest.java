package no.ks.ehelse.enrollment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import no.ks.ehelse.localstack.EventProbe;
import no.ks.ehelse.localstack.TestTokens;

/**
 * The information meeting pages over HTTP as a browser uses them: the solution page lists the meeting, the public
 * registration form (no sign-in) with its errors beside the fields, the confirmation, "already registered", the
 * waiting list, cancelling by the link with its confirming step, a bad link, and the lead's pages.
 */
@QuarkusTest
class MeetingPagesTest {

    private static final LocalDate TODAY = LocalDate.parse("2024-05-01");
    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";
    private static final String CSRF_COOKIE = "ehelse_csrf_enrollment-service";

    @BeforeEach
    void registryAndClock() {
        TestClock.set(TODAY);
        TestRegistry.load();
    }

    @AfterEach
    void clockBack() {
        TestClock.set(TODAY);
    }

    @Test
    void aPersonRegistersWithoutSigningInSeesTheConfirmationAndASecondTimeIsToldItExists() {
        String meeting = TestMeetings.schedule("digihelse", 1, LocalDateTime.parse("2024-05-22T13:00"));
        Document solution = page(given().accept(HTML).get("/losninger/digihelse"), 200);
        Element card = solution.getElementById("mote-" + meeting);
        assertNotNull(card, "the solution page lists the meeting");
        assertTrue(card.text().contains("onsdag 22. mai 2024 kl. 13.00–14.30"), card.text());
        assertEquals("/informasjonsmoter/" + meeting, card.selectFirst("h3 a").attr("href"));

        Response shown = given().accept(HTML).get("/informasjonsmoter/" + meeting);
        Document page = page(shown, 200);
        assertEquals("Informasjonsmøte om digihelse", page.selectFirst("h1").text());
        Element form = page.selectFirst("main form");
        assertEquals("/informasjonsmoter/" + meeting + "/pamelding", form.attr("action"));
        assertEquals("kommuner", page.getElementById("municipality").attr("list"));
        assertTrue(
                page.select("#kommuner option").stream().anyMatch(o -> o.val().equals("Bergen (4601)")));

        Document errors = page(
                submit(form, shown, List.of("name", " ", "email", "feil", "municipality", "Atlantis", "role", "")),
                422);
        assertEquals("Feil: Informasjonsmøte om digihelse – KS e-helse", errors.title());
        assertEquals(4, errors.select(".ds-error-summary li").size());
        assertEquals("Skriv navnet ditt.", errors.getElementById("name-error").text());
        assertTrue(errors.getElementById("email-error").text().startsWith("Skriv en gyldig e-postadresse"));
        assertTrue(errors.getElementById("municipality-error").text().contains("«Atlantis»"));
        assertEquals("Atlantis", errors.getElementById("municipality").val(), "what was typed stays");
        assertEquals("true", errors.getElementById("role").attr("aria-invalid"));

        String client = TestMeetings.client();
        try (EventProbe probe = EventProbe.open(TestSolutions.bootstrap(), "enrollment.meetings.v1")) {
            Response answer = submit(
                    form,
                    shown,
                    client,
                    List.of(
                            "name",
                            "Lise Testesen",
                            "email",
                            "Lise.Pages@example.test",
                            "municipality",
                            "bergen",
                            "role",
                            "Fastlege"));
            assertEquals(303, answer.statusCode(), answer.asString());
            String location = answer.header("Location");
            assertTrue(
                    location.matches(".*/informasjonsmoter/" + meeting + "/pamelding/[0-9a-f-]{36}\\?melding=pameldt"),
                    location);
            Document confirmation = page(given().accept(HTML).get(location), 200);
            assertEquals("Du er påmeldt", confirmation.selectFirst("h1").text());
            assertEquals(
                    "Bekreftet", confirmation.getElementById("pamelding-status").text());
            assertFalse(confirmation.text().contains("Lise"), "no personal data on the confirmation page");
            assertFalse(confirmation.text().contains("lise.pages@example.test"));
            var made = probe.await(r -> r.type().endsWith("registration-made.v1"), Duration.ofSeconds(30));
            assertEquals(
                    "lise.pages@example.test",
                    made.value().path("data").path("email").asText());
            assertEquals("4601", made.value().path("data").path("kommunenummer").asText());

            Response again = submit(
                    form,
                    shown,
                    client,
                    List.of(
                            "name",
                            "Lise Testesen",
                            "email",
                            "lise.pages@example.test",
                            "municipality",
                            "4601",
                            "role",
                            "Fastlege"));
            assertEquals(303, again.statusCode());
            assertTrue(again.header("Location").endsWith("?melding=finnes"));
            Document exists = page(given().accept(HTML).get(again.header("Location")), 200);
            assertTrue(exists.getElementById("melding").text().startsWith("Du er allerede påmeldt"));
            probe.await(r -> r.type().endsWith("registration-link-requested.v1"), Duration.ofSeconds(30));
        }

        Response full = given().accept(HTML).get("/informasjonsmoter/" + meeting);
        Document fullPage = page(full, 200);
        assertTrue(fullPage.getElementById("fullt").text().startsWith("Møtet er fullt"));
        assertEquals(
                "Sett meg på venteliste",
                fullPage.selectFirst("main form button").text());
        Response waiting = submit(
                fullPage.selectFirst("main form"),
                full,
                client,
                List.of(
                        "name",
                        "Vent Testesen",
                        "email",
                        "vent.pages@example.test",
                        "municipality",
                        "Kinn",
                        "role",
                        "Helsesykepleier"));
        Document waitPage = page(given().accept(HTML).get(waiting.header("Location")), 200);
        assertEquals("Du står på venteliste", waitPage.selectFirst("h1").text());
        assertEquals(
                "På venteliste, plass 1 på ventelisten",
                waitPage.getElementById("pamelding-status").text());
    }

    @Test
    void theLinkInTheMailCancelsAfterAConfirmingStepAndABadLinkGetsAPageInNorwegian() {
        String meeting = TestMeetings.schedule("vkp", null, LocalDateTime.parse("2024-05-23T10:00"));
        String cancelUrl;
        try (EventProbe probe = EventProbe.open(TestSolutions.bootstrap(), "enrollment.meetings.v1")) {
            TestMeetings.register(
                            meeting, "Avmeld Testesen", "avmeld.pages@example.test", "4612", TestMeetings.client())
                    .statusCode(201);
            cancelUrl = probe.await(r -> r.type().endsWith("registration-made.v1"), Duration.ofSeconds(30))
                    .value()
                    .path("data")
                    .path("cancelUrl")
                    .asText();
        }
        String path = cancelUrl.substring("http://localhost:8082".length());
        Response shown = given().accept(HTML).get(path);
        Document confirm = page(shown, 200);
        assertEquals(
                "Meld deg av Informasjonsmøte om vkp", confirm.selectFirst("h1").text());
        Response done = submit(confirm.selectFirst("main form"), shown, List.of());
        assertEquals(303, done.statusCode(), done.asString());
        Document after = page(given().accept(HTML).get(done.header("Location")), 200);
        assertEquals("Du er avmeldt", after.selectFirst("h1").text());

        Document bad = page(given().accept(HTML).get("/informasjonsmoter/avmelding?token=tull.tull"), 400);
        assertTrue(bad.getElementById("feil").text().startsWith("Lenken til avmelding er ikke gyldig"));
        TestClock.set(LocalDate.parse("2024-05-26"));
        Document expired = page(given().accept(HTML).get(path), 410);
        assertTrue(expired.getElementById("feil").text().startsWith("Lenken til avmelding er utløpt"));
    }

    @Test
    void theLeadSchedulesOnAFormSeesTheAttendeeListWithCountsAndCancels() {
        String lead = TestTokens.forRole("lead", Map.of("solutions", List.of("kjernejournal")));
        Response shown =
                given().accept(HTML).auth().oauth2(lead).get("/informasjonsmoter/ledelse/ny?losning=kjernejournal");
        Document form = page(shown, 200);
        Response invalid = submit(
                lead,
                form.selectFirst("main form"),
                shown,
                List.of(
                        "title",
                        "Kjernejournal for sykehjem",
                        "date",
                        "2024-05-28",
                        "startTime",
                        "10:00",
                        "endTime",
                        "09:00",
                        "organizerEmail",
                        "kj@ks.example.test"));
        Document errors = page(invalid, 422);
        assertEquals(
                "Møtet må slutte etter at det starter.",
                errors.getElementById("endTime-error").text());
        Response created = submit(
                lead,
                form.selectFirst("main form"),
                shown,
                List.of(
                        "title",
                        "Kjernejournal for sykehjem",
                        "date",
                        "2024-05-28",
                        "startTime",
                        "10:00",
                        "endTime",
                        "11:00",
                        "place",
                        "KS-huset, Oslo",
                        "capacity",
                        "30",
                        "organizerName",
                        "Innføringsleder KJ",
                        "organizerEmail",
                        "kj@ks.example.test"));
        assertEquals(303, created.statusCode(), created.asString());
        String attendeesPath =
                created.header("Location").replaceAll("^https?://[^/]+", "").replace("?melding=opprettet", "");
        String meeting = attendeesPath.substring(attendeesPath.lastIndexOf('/') + 1);

        String client = TestMeetings.client();
        TestMeetings.register(meeting, "En Testesen", "en.lead@example.test", "4601", client)
                .statusCode(201);
        TestMeetings.register(meeting, "To Testesen", "to.lead@example.test", "4601", client)
                .statusCode(201);
        TestMeetings.register(meeting, "Tre Testesen", "tre.lead@example.test", "4602", client)
                .statusCode(201);

        Document attendees = page(given().accept(HTML).auth().oauth2(lead).get(attendeesPath), 200);
        assertTrue(
                attendees.getElementById("antall").text().startsWith("3 personer fra 2 kommuner"),
                attendees.getElementById("antall").text());
        assertEquals(3, attendees.select("#deltakere tbody tr").size());
        Response csv = given().auth().oauth2(lead).get(attendeesPath + "/pameldte.csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.asString().contains("Tre Testesen;tre.lead@example.test;4602;Kinn;"));

        page(
                given().accept(HTML)
                        .auth()
                        .oauth2(TestTokens.forRole("lead", Map.of("solutions", List.of("vkp"))))
                        .get(attendeesPath),
                403);

        Response cancelShown = given().accept(HTML).auth().oauth2(lead).get(attendeesPath + "/avlys");
        Document cancel = page(cancelShown, 200);
        Response cancelled =
                submit(lead, cancel.selectFirst("main form"), cancelShown, List.of("reason", "Flyttes til høsten"));
        assertEquals(303, cancelled.statusCode());
        Document overview = page(given().accept(HTML).auth().oauth2(lead).get(cancelled.header("Location")), 200);
        assertTrue(overview.selectFirst("table").text().contains("Avlyst"));
        Document publicPage = page(given().accept(HTML).get("/informasjonsmoter/" + meeting), 200);
        assertTrue(publicPage.getElementById("stengt").text().startsWith("Møtet er avlyst"));
    }

    @Test
    void theLeadPagesNeedASignIn() {
        Response anonymous =
                given().accept(HTML).redirects().follow(false).get("/informasjonsmoter/ledelse/losninger/vkp");
        assertTrue(anonymous.statusCode() == 302 || anonymous.statusCode() == 401, "status " + anonymous.statusCode());
    }

    private static Response submit(Element form, Response shown, List<String> extra) {
        return submit(null, form, shown, TestMeetings.client(), extra);
    }

    private static Response submit(Element form, Response shown, String client, List<String> extra) {
        return submit(null, form, shown, client, extra);
    }

    private static Response submit(String token, Element form, Response shown, List<String> extra) {
        return submit(token, form, shown, TestMeetings.client(), extra);
    }

    /** Posts the form as a browser would: its hidden fields (the CSRF token among them), the cookie, and extras. */
    private static Response submit(String token, Element form, Response shown, String client, List<String> extra) {
        var request = given().accept(HTML)
                .redirects()
                .follow(false)
                .header("X-Forwarded-For", client)
                .contentType(ContentType.URLENC)
                .cookie(CSRF_COOKIE, shown.cookie(CSRF_COOKIE));
        if (token != null) {
            request.auth().oauth2(token);
        }
        for (Element hidden : form.select("input[type=hidden]")) {
            request.formParam(hidden.attr("name"), hidden.val());
        }
        for (int i = 0; i < extra.size(); i += 2) {
            request.formParam(extra.get(i), extra.get(i + 1));
        }
        return request.post(form.attr("action"));
    }

    private static Document page(Response response, int status) {
        assertEquals(status, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("text/html"), response.contentType());
        return Jsoup.parse(response.asString());
    }
}
