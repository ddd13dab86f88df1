package no.ks.ehelse.enrollment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import no.ks.ehelse.enrollment.domain.SolutionProjection;
import no.ks.ehelse.localstack.EventContract;
import no.ks.ehelse.localstack.EventProbe;
import no.ks.ehelse.localstack.TestEvents;

/**
 * The enrollment pages through HTTP as a browser uses them (HTML, forms with the CSRF token, redirects), with a
 * bearer token standing in for the signed-in session: what each page shows, sign-up and its event, prerequisites,
 * withdrawal with its error summary, scope and refusals.
 */
@QuarkusTest
class EnrollmentPagesTest {

    private static final LocalDate TODAY = LocalDate.parse("2024-05-01");
    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";
    /** The service's own CSRF cookie (locally all services share localhost, and cookies ignore the port). */
    private static final String CSRF_COOKIE = "ehelse_csrf_enrollment-service";

    @BeforeEach
    void registryAndClock() {
        TestClock.set(TODAY);
        TestRegistry.load();
    }

    @Test
    void theStartPageListsSolutionsByPriorityAreaWithTheTracksOpenNow() {
        String track = Tracks.open("vkp", 10, TODAY.plusDays(30), TODAY.plusDays(60));
        Document page = page(given().accept(HTML).get("/"), 200);

        assertEquals("Innføringsklare løsninger", page.selectFirst("h1").text());
        Element area = page.select("section").stream()
                .filter(s -> s.selectFirst("h2").text().equals("Innbyggertjenester"))
                .findFirst()
                .orElseThrow();
        Element vkp = area.select("li.ds-card").stream()
                .filter(c -> c.selectFirst("h3").text().equals("VKP"))
                .findFirst()
                .orElseThrow();
        assertEquals("/losninger/vkp", vkp.selectFirst("h3 a").attr("href"));
        assertTrue(vkp.text().contains("Nasjonal utrulling"), vkp.text());
        assertTrue(vkp.text().contains("Testløp vkp, frist 31. mai 2024"), vkp.text());
        assertNotNull(track);
    }

    @Test
    void aSolutionPageShowsWhatItIsWhatTheMunicipalityMustDoThePlanAndTheLeads() {
        TestRegistry.send(
                "registry.solutions.v1",
                "meldingsloftet",
                TestEvents.event(
                        "urn:no:ks:ehelse:registry", "no.ks.ehelse.solution.published.v1", "meldingsloftet", """
                        {"code": "meldingsloftet", "name": "Meldingsløftet", "area": "DIGITAL_COLLABORATION",
                         "owner": "Norsk helsenett", "description": "Elektroniske meldinger mellom kommunen og fastlegene.",
                         "stage": "ROLLOUT"}"""));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> {
                    SolutionProjection s = SolutionProjection.findById("meldingsloftet");
                    return s != null && "Norsk helsenett".equals(s.owner);
                }));
        String track = Tracks.open("meldingsloftet", 5, TODAY.plusDays(20), TODAY.plusDays(40));

        Document page = page(given().accept(HTML).get("/losninger/meldingsloftet"), 200);
        assertEquals("Meldingsløftet", page.selectFirst("h1").text());
        assertTrue(page.selectFirst("main").text().contains("Digital samhandling · Nasjonal utrulling"));
        assertEquals(
                "Elektroniske meldinger mellom kommunen og fastlegene.",
                section(page, "om").selectFirst("p").text());
        assertNotNull(section(page, "hvem"));
        Element mustDo = section(page, "gjore");
        assertTrue(mustDo.text().contains("Tekniske forutsetninger API kjøpt fra EPJ-leverandør"), mustDo.text());
        assertTrue(mustDo.text().contains("Ressurser satt av (innen 10. juni 2024)"), mustDo.text());
        Element plan = section(page, "plan");
        assertTrue(plan.text().contains("Påmeldingsfrist 21. mai 2024"), plan.text());
        assertTrue(plan.text().contains("Oppstart 10. juni 2024"), plan.text());
        assertTrue(plan.text().contains("Forankre og forberede"), plan.text());
        assertTrue(plan.text().contains("20. juni 2024: Oppstartsmøte"), plan.text());
        assertTrue(plan.text().contains("0 av 5 tatt"), plan.text());
        Element signUp = section(page, "pamelding");
        assertEquals("/logg-inn", signUp.selectFirst("a.ds-button").attr("href"), "not signed in: to the login");
        Element leads = section(page, "ledere");
        assertEquals(
                "mailto:innforing@ks.example",
                leads.selectFirst("a[href^=mailto:]").attr("href"));
        assertTrue(leads.text().contains("Innføringsleder for Testløp meldingsloftet: Nasjonal innføringsleder"));
        assertNotNull(section(page, "moter"), "the place for information meetings");
        assertEquals(
                "/tall/losninger/meldingsloftet",
                section(page, "tall").selectFirst("a").attr("href"));

        Document signedIn = page(
                given().accept(HTML).auth().oauth2(Tracks.municipality("4612")).get("/losninger/meldingsloftet"), 200);
        assertEquals(
                "/kommuner/4612#lop-" + track,
                section(signedIn, "pamelding").selectFirst("a.ds-button").attr("href"));
        assertEquals("Logg ut", signedIn.selectFirst("header .eh-user a").text());
    }

    @Test
    void aSolutionPageNamesTheSolutionsItRequiresWithLinksToThem() {
        TestRegistry.send(
                "registry.solutions.v1",
                "sfm-krever",
                TestEvents.event("urn:no:ks:ehelse:registry", "no.ks.ehelse.solution.published.v1", "sfm-krever", """
                        {"code": "sfm-krever", "name": "Sentral forskrivningsmodul", "area": "MEDICINES",
                         "owner": "Direktoratet for e-helse", "description": null, "stage": "ROLLOUT",
                         "requires": ["kjernejournal", "pll-ukjent"]}"""));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> {
                    SolutionProjection s = SolutionProjection.findById("sfm-krever");
                    return s != null && s.requires.size() == 2;
                }));

        Document page = page(given().accept(HTML).get("/losninger/sfm-krever"), 200);
        Element requires = page.getElementById("krever");
        assertNotNull(requires, "the dependencies are named on the page");
        assertTrue(requires.text().startsWith("Krever: KJERNEJOURNAL, pll-ukjent."), requires.text());
        assertEquals(
                List.of("/losninger/kjernejournal", "/losninger/pll-ukjent"),
                requires.select("a").stream().map(a -> a.attr("href")).toList());

        Document kjernejournal = page(given().accept(HTML).get("/losninger/kjernejournal"), 200);
        assertNull(kjernejournal.getElementById("krever"), "a solution that builds on none names none");
    }

    @Test
    void signingUpWithOneClickRedirectsToAConfirmationOfExactlyWhatWasSignedUpForAndAnnouncesIt() {
        String track = Tracks.open("digihelse", 10, TODAY.plusDays(30), TODAY.plusDays(60));
        String token = Tracks.municipality("4613");
        Response municipalityPage = given().accept(HTML).auth().oauth2(token).get("/kommuner/4613");
        Document before = page(municipalityPage, 200);
        assertEquals("Bømlo kommune", before.selectFirst("h1").text());
        Element form = before.getElementById("lop-" + track).selectFirst("form");
        assertEquals("/kommuner/4613/pameldinger", form.attr("action"));

        try (EventProbe probe = EventProbe.open(TestSolutions.bootstrap(), "enrollment.enrollments.v1")) {
            Response answer = submit(token, form, municipalityPage, List.of());
            assertEquals(303, answer.statusCode(), answer.asString());
            String location = answer.header("Location");
            assertTrue(location.matches(".*/pameldinger/[0-9a-f-]{36}\\?melding=pameldt"), location);

            var event = probe.await(
                    r -> "4613".equals(r.key()) && "no.ks.ehelse.enrollment.enrolled.v1".equals(r.type()),
                    Duration.ofSeconds(30));
            EventContract.assertValid(event.value());
            assertEquals(
                    track,
                    event.value().path("data").path("trackId").asText(),
                    event.value().toString());

            Document confirmation =
                    page(given().accept(HTML).auth().oauth2(token).get(location), 200);
            assertEquals(
                    "Påmelding til Testløp digihelse",
                    confirmation.selectFirst("h1").text());
            assertTrue(confirmation.selectFirst(".ds-alert").text().contains("Påmeldingen er registrert"));
            assertEquals(
                    "Bekreftet", confirmation.getElementById("pamelding-status").text());
            assertEquals("31. mai 2024", confirmation.getElementById("frist").text());
            assertTrue(confirmation.getElementById("milepaeler").text().contains("30. juni 2024: Oppstartsmøte"));
            assertEquals(
                    2, confirmation.select("input[type=checkbox][name=done]").size());
            assertTrue(confirmation.text().contains("Innføringsleder: Nasjonal innføringsleder"));
        }
        Document after = page(given().accept(HTML).auth().oauth2(token).get("/kommuner/4613"), 200);
        assertNull(after.getElementById("lop-" + track), "a track joined is no longer offered");
        assertTrue(after.selectFirst("table").text().contains("Testløp digihelse"));
    }

    @Test
    void inAFullTrackTheConfirmationShowsThePlaceOnTheWaitingList() {
        String track = Tracks.open("vkp", 1, TODAY.plusDays(30), TODAY.plusDays(60));
        Tracks.enroll(track, Tracks.municipality("4614"), "4614").statusCode(201);
        String token = Tracks.municipality("4615");
        Response municipalityPage = given().accept(HTML).auth().oauth2(token).get("/kommuner/4615");
        Element card = page(municipalityPage, 200).getElementById("lop-" + track);
        assertTrue(card.text().contains("Alle plassene er tatt"), card.text());

        Response answer = submit(token, card.selectFirst("form"), municipalityPage, List.of());
        assertEquals(303, answer.statusCode(), answer.asString());
        Document confirmation = page(given().accept(HTML).auth().oauth2(token).get(answer.header("Location")), 200);
        assertEquals(
                "På venteliste, plass 1",
                confirmation.getElementById("pamelding-status").text());
        Document overview = page(given().accept(HTML).auth().oauth2(token).get("/kommuner/4615"), 200);
        assertTrue(overview.selectFirst("table").text().contains("På venteliste, plass 1"));
    }

    @Test
    void prerequisitesAreTickedOnTheConfirmationPage() {
        String track = Tracks.open("digihelsestasjon", null, TODAY.plusDays(30), TODAY.plusDays(60));
        String token = Tracks.municipality("4616");
        String id =
                Tracks.enroll(track, token, "4616").statusCode(201).extract().path("id");

        Response shown = given().accept(HTML).auth().oauth2(token).get("/pameldinger/" + id);
        Element form = page(shown, 200).selectFirst("form[action$=/forutsetninger]");
        Response saved = submit(token, form, shown, List.of("done", "epj-api"));
        assertEquals(303, saved.statusCode(), saved.asString());

        Document after = page(given().accept(HTML).auth().oauth2(token).get(saved.header("Location")), 200);
        assertTrue(after.getElementById("forutsetning-epj-api").hasAttr("checked"));
        assertFalse(after.getElementById("forutsetning-ressurser").hasAttr("checked"));
        given().auth()
                .oauth2(token)
                .get("/api/v1/enrollments/" + id)
                .then()
                .statusCode(200)
                .body("prerequisitesDone", org.hamcrest.Matchers.contains("epj-api"));
    }

    @Test
    void withdrawingWithoutAReasonShowsTheErrorSummaryLinkingToTheFieldThenWithdrawsWithOne() {
        String track = Tracks.open("kjernejournal", null, TODAY.plusDays(30), TODAY.plusDays(60));
        String token = Tracks.municipality("4617");
        String id =
                Tracks.enroll(track, token, "4617").statusCode(201).extract().path("id");

        Response confirm = given().accept(HTML).auth().oauth2(token).get("/pameldinger/" + id + "/avbud");
        Element form = page(confirm, 200).selectFirst("main form");
        Response refused = submit(token, form, confirm, List.of("reason", "  "));
        Document errors = page(refused, 422);
        Element summary = errors.selectFirst(".ds-error-summary");
        assertNotNull(summary, "error summary");
        Element link = summary.selectFirst("a");
        assertEquals("#reason", link.attr("href"));
        assertEquals("Skriv hvorfor dere melder avbud.", link.text());
        Element field = errors.getElementById("reason");
        assertEquals("textarea", field.tagName());
        assertEquals("true", field.attr("aria-invalid"));
        assertTrue(field.attr("aria-describedby").contains("reason-error"));
        assertEquals(
                "Skriv hvorfor dere melder avbud.",
                errors.getElementById("reason-error").text());
        assertTrue(errors.title().startsWith("Feil: "), errors.title());
        given().auth()
                .oauth2(token)
                .get("/api/v1/enrollments/" + id)
                .then()
                .body("status", org.hamcrest.Matchers.equalTo("CONFIRMED"));

        Response done =
                submit(token, errors.selectFirst("main form"), refused, List.of("reason", "Ikke kapasitet i høst"));
        assertEquals(303, done.statusCode(), done.asString());
        assertTrue(done.header("Location").endsWith("/kommuner/4617?melding=avbud"), done.header("Location"));
        given().auth()
                .oauth2(token)
                .get("/api/v1/enrollments/" + id)
                .then()
                .body("status", org.hamcrest.Matchers.equalTo("WITHDRAWN"));
        Document overview = page(given().accept(HTML).auth().oauth2(token).get(done.header("Location")), 200);
        assertTrue(overview.selectFirst(".ds-alert").text().contains("Avbudet er registrert"));
        assertTrue(overview.selectFirst("table").text().contains("Trukket"));
    }

    @Test
    void anotherMunicipalitysPagesAreA403Page() {
        String track = Tracks.open("vkp", null, TODAY.plusDays(30), TODAY.plusDays(60));
        String id = Tracks.enroll(track, Tracks.municipality("4618"), "4618")
                .statusCode(201)
                .extract()
                .path("id");
        String other = Tracks.municipality("4619");
        for (String path : new String[] {"/kommuner/4618", "/pameldinger/" + id, "/pameldinger/" + id + "/avbud"}) {
            Document page = page(given().accept(HTML).auth().oauth2(other).get(path), 403);
            assertEquals(
                    "Du har ikke tilgang til denne siden",
                    page.selectFirst("h1").text(),
                    path);
        }
        page(given().accept(HTML).auth().oauth2(Tracks.admin()).get("/kommuner/4618"), 200);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        String track = Tracks.open("vkp", null, TODAY.plusDays(30), TODAY.plusDays(60));
        String token = Tracks.municipality("4620");
        Response refused = given().accept(HTML)
                .auth()
                .oauth2(token)
                .redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .formParam("track", track)
                .post("/kommuner/4620/pameldinger");
        assertEquals(400, refused.statusCode(), refused.asString());
        Document overview = page(given().accept(HTML).auth().oauth2(token).get("/kommuner/4620"), 200);
        assertNotNull(overview.getElementById("lop-" + track), "still offered: nothing was enrolled");
    }

    @Test
    void aTrackThatClosedInBetweenSaysSoOnThePage() {
        String track = Tracks.open("digihelse", null, TODAY.plusDays(30), TODAY.plusDays(60));
        String token = Tracks.municipality("4621");
        Response shown = given().accept(HTML).auth().oauth2(token).get("/kommuner/4621");
        Element form = page(shown, 200).getElementById("lop-" + track).selectFirst("form");
        given().auth()
                .oauth2(Tracks.admin())
                .contentType(ContentType.JSON)
                .body("{\"status\": \"REGISTRATION_CLOSED\"}")
                .post("/api/v1/tracks/" + track + "/status")
                .then()
                .statusCode(200);

        Document page = page(submit(token, form, shown, List.of()), 409);
        assertEquals(
                "Testløp digihelse tar ikke imot påmeldinger nå.",
                page.getElementById("avvist").text());
        assertNull(page.getElementById("lop-" + track), "no longer offered");
    }

    @Test
    void aSignUpForATrackThatDoesNotExistIsAFieldLevelRefusalNotA500() {
        String token = Tracks.municipality("4622");
        Response shown = given().accept(HTML).auth().oauth2(token).get("/kommuner/4622");
        Response answer = given().accept(HTML)
                .auth()
                .oauth2(token)
                .redirects()
                .follow(false)
                .cookie(CSRF_COOKIE, shown.cookie(CSRF_COOKIE))
                .contentType(ContentType.URLENC)
                .formParam(
                        "csrf-token",
                        page(shown, 200).selectFirst("input[name=csrf-token]").val())
                .formParam("track", "not-a-track")
                .post("/kommuner/4622/pameldinger");
        Document page = page(answer, 422);
        assertTrue(page.getElementById("avvist").text().contains("finnes ikke"));
    }

    /** Posts the form as a browser would: its hidden fields (the CSRF token among them), the cookie, and extras. */
    private static Response submit(String token, Element form, Response shown, List<String> extraNameValues) {
        var request = given().accept(HTML)
                .auth()
                .oauth2(token)
                .redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .cookie(CSRF_COOKIE, shown.cookie(CSRF_COOKIE));
        for (Element hidden : form.select("input[type=hidden]")) {
            request.formParam(hidden.attr("name"), hidden.val());
        }
        for (int i = 0; i < extraNameValues.size(); i += 2) {
            request.formParam(extraNameValues.get(i), extraNameValues.get(i + 1));
        }
        return request.post(form.attr("action"));
    }

    private static Document page(Response response, int status) {
        assertEquals(status, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("text/html"), response.contentType());
        return Jsoup.parse(response.asString());
    }

    private static Element section(Document page, String headingId) {
        Element heading = page.getElementById(headingId);
        assertNotNull(heading, headingId);
        return heading.parent();
    }
}
