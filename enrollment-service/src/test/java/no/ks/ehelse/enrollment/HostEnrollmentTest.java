package no.ks.ehelse.enrollment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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
import io.restassured.response.ValidatableResponse;
import no.ks.ehelse.enrollment.domain.HostArrangementProjection;
import no.ks.ehelse.localstack.EventContract;
import no.ks.ehelse.localstack.EventProbe;
import no.ks.ehelse.localstack.TestEvents;

/**
 * Host municipalities (vertskommune) through the real interfaces: the registry's arrangements arrive on
 * registry.host-arrangements.v1, a host enrolls its partners through the API and its page, each partner
 * enrollment takes a place of its own and is announced with the link to the host's, each partner's page says who
 * made it, and an ended arrangement keeps what was made but takes no new ones.
 */
@QuarkusTest
class HostEnrollmentTest {

    private static final LocalDate TODAY = LocalDate.parse("2024-05-01");
    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";
    private static final String CSRF_COOKIE = "ehelse_csrf_enrollment-service";
    /** A solution of these tests alone, so no other test's went-live can stand in the way. */
    private static final String SOLUTION = "verts-test";

    @BeforeEach
    void registryAndClock() {
        TestClock.set(TODAY);
        TestRegistry.load();
        TestSolutions.publishAndAwait(SOLUTION, "Vertskommunetest", () -> given().get("/losninger/" + SOLUTION)
                .then()
                .statusCode(200));
    }

    @Test
    void aHostEnrollsTwoPartnersEachTakingAPlaceAndAnnouncedWithTheLinkToTheHost() {
        arrangement("registered", "Sunnhordland test", "4614", List.of("4615", "4616"), null);
        String track = Tracks.open(SOLUTION, 3, TODAY.plusDays(30), TODAY.plusDays(60));
        String host = Tracks.enroll(track, Tracks.municipality("4614"), "4614")
                .statusCode(201)
                .extract()
                .path("id");

        String fitjar;
        String tysnes;
        try (EventProbe probe = EventProbe.open(TestSolutions.bootstrap(), "enrollment.enrollments.v1")) {
            var first = enrollPartner(host, "4614", "4615").statusCode(201);
            assertEquals("CONFIRMED", first.extract().path("status"));
            assertEquals(host, first.extract().path("hostEnrollmentId"));
            fitjar = first.extract().path("id");
            tysnes = enrollPartner(host, "4614", "4616")
                    .statusCode(201)
                    .extract()
                    .path("id");

            var event = probe.await(
                    r -> "4615".equals(r.key()) && "no.ks.ehelse.enrollment.enrolled.v1".equals(r.type()),
                    Duration.ofSeconds(30));
            EventContract.assertValid(event.value());
            assertEquals(
                    host,
                    event.value().path("data").path("host").path("enrollmentId").asText());
            assertEquals(
                    "4614",
                    event.value()
                            .path("data")
                            .path("host")
                            .path("kommunenummer")
                            .asText());
        }

        var progress = given().auth()
                .oauth2(Tracks.admin())
                .get("/api/v1/tracks/" + track + "/progress")
                .then()
                .statusCode(200);
        assertEquals(3, (int) progress.extract().path("byStatus.CONFIRMED"), "host and two partners: three places");
        assertEquals(
                "WAITLISTED",
                Tracks.enroll(track, Tracks.municipality("4617"), "4617")
                        .statusCode(201)
                        .extract()
                        .path("status"),
                "the partners took places: the fourth municipality waits");

        var notAPartner = enrollPartner(host, "4614", "4618").statusCode(409);
        assertEquals(
                "urn:no:ks:ehelse:problem:no-host-arrangement",
                notAPartner.extract().path("type"));
        assertEquals(List.of("4615", "4616"), notAPartner.extract().path("partners"));
        enrollPartner(host, "4618", "4615").statusCode(403);

        // The host acts for its partner while the arrangement holds: here, ticking a prerequisite done.
        given().auth()
                .oauth2(Tracks.municipality("4614"))
                .contentType(ContentType.JSON)
                .body("{\"done\": [\"epj-api\"]}")
                .put("/api/v1/enrollments/" + tysnes + "/prerequisites")
                .then()
                .statusCode(200);
        var history = given().auth()
                .oauth2(Tracks.admin())
                .get("/api/v1/enrollments/" + fitjar + "/history")
                .then()
                .statusCode(200);
        assertEquals("ENROLLED_BY_HOST", history.extract().path("items[0].action"));
        assertEquals("by host municipality 4614", history.extract().path("items[0].reason"));

        for (String[] partner : new String[][] {{"4615", fitjar, "Fitjar"}, {"4616", tysnes, "Tysnes"}}) {
            Document own = page(
                    given().accept(HTML)
                            .auth()
                            .oauth2(Tracks.municipality(partner[0]))
                            .get("/kommuner/" + partner[0]),
                    200);
            String table = own.selectFirst("table").text();
            assertTrue(table.contains("Testløp " + SOLUTION), table);
            assertTrue(table.contains("Meldt på av vertskommunen Stord (4614)"), partner[2] + ": " + table);
            Document enrollment = page(
                    given().accept(HTML)
                            .auth()
                            .oauth2(Tracks.municipality(partner[0]))
                            .get("/pameldinger/" + partner[1]),
                    200);
            assertEquals(
                    "Meldt på av vertskommunen Stord (4614).",
                    enrollment.getElementById("meldt-pa-av").text());
        }
        Document hostsOwn = page(
                given().accept(HTML).auth().oauth2(Tracks.municipality("4614")).get("/pameldinger/" + host), 200);
        assertNull(hostsOwn.getElementById("meldt-pa-av"), "the host enrolled itself");
    }

    @Test
    void theHostsPageOffersSignUpForItsPartnersAndThePartnersPageShowsWhoMadeIt() {
        arrangement("registered", "Hardanger test", "4620", List.of("4623", "4618"), null);
        String track = Tracks.open(SOLUTION, null, TODAY.plusDays(30), TODAY.plusDays(60));
        String token = Tracks.municipality("4620");
        Tracks.enroll(track, token, "4620").statusCode(201);

        Response shown = given().accept(HTML).auth().oauth2(token).get("/kommuner/4620");
        Document page = page(shown, 200);
        Element partners = page.getElementById("partnere-" + track);
        assertNotNull(partners, "the host's page offers its partners for the track it is in");
        List<String> buttons =
                partners.select("button").stream().map(Element::text).toList();
        assertEquals(
                List.of(
                        "Meld Samnanger (4623) på Testløp " + SOLUTION,
                        "Meld Ullensvang (4618) på Testløp " + SOLUTION),
                buttons);
        Element samnanger = partners.select("form").stream()
                .filter(f -> f.selectFirst("input[name=partner]").val().equals("4623"))
                .findFirst()
                .orElseThrow();

        Response answer = submit(token, samnanger, shown);
        assertEquals(303, answer.statusCode(), answer.asString());
        String location = answer.header("Location");
        assertTrue(location.matches(".*/pameldinger/[0-9a-f-]{36}\\?melding=pameldt"), location);

        Document partnersPage = page(
                given().accept(HTML).auth().oauth2(Tracks.municipality("4623")).get("/kommuner/4623"), 200);
        assertTrue(
                partnersPage.selectFirst("table").text().contains("Meldt på av vertskommunen Ulvik (4620)"),
                partnersPage.selectFirst("table").text());
        Document after = page(given().accept(HTML).auth().oauth2(token).get("/kommuner/4620"), 200);
        List<String> left = after.getElementById("partnere-" + track).select("input[name=partner]").stream()
                .map(Element::val)
                .toList();
        assertEquals(List.of("4618"), left, "an enrolled partner is no longer offered");
    }

    @Test
    void anEndedArrangementKeepsTheEnrollmentsMadeUnderItButTakesNoNewOnes() {
        String id = arrangement("registered", "Kvam test", "4622", List.of("4624", "4611"), null);
        String track = Tracks.open(SOLUTION, null, TODAY.plusDays(30), TODAY.plusDays(60));
        String host = Tracks.enroll(track, Tracks.municipality("4622"), "4622")
                .statusCode(201)
                .extract()
                .path("id");
        String bjornafjorden =
                enrollPartner(host, "4622", "4624").statusCode(201).extract().path("id");

        arrangement(id, "ended", "Kvam test", "4622", List.of("4624", "4611"), TODAY.minusDays(1));

        var refused = enrollPartner(host, "4622", "4611").statusCode(409);
        assertEquals(
                "urn:no:ks:ehelse:problem:no-host-arrangement",
                refused.extract().path("type"));
        var kept = given().auth()
                .oauth2(Tracks.admin())
                .get("/api/v1/enrollments/" + bjornafjorden)
                .then()
                .statusCode(200);
        assertEquals("CONFIRMED", kept.extract().path("status"));
        assertEquals(host, kept.extract().path("hostEnrollmentId"), "the link stays as history");
        given().auth()
                .oauth2(Tracks.municipality("4622"))
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"Avtalen er slutt\"}")
                .post("/api/v1/enrollments/" + bjornafjorden + "/withdrawal")
                .then()
                .statusCode(403);
        Document hostPage = page(
                given().accept(HTML).auth().oauth2(Tracks.municipality("4622")).get("/kommuner/4622"), 200);
        assertNull(hostPage.getElementById("partnere-" + track), "no sign-up for partners any more");
    }

    @Test
    void aHostArrangementRecordThatIsNotOneGoesToTheDeadLetterTopicWithAReason() {
        try (EventProbe dlq = EventProbe.open(TestSolutions.bootstrap(), "registry.host-arrangements.v1.dlq")) {
            String id = UUID.randomUUID().toString();
            String bad = arrangementEvent(id, "registered", "Feil", "4614", List.of("4615"), null)
                    .replace("\"partners\": [\"4615\"]", "\"partners\": [\"46\"]");
            TestRegistry.send("registry.host-arrangements.v1", id, bad);
            String good = arrangement("registered", "Etter feilen", "4612", List.of("4613"), null);

            var dead = dlq.await(r -> id.equals(r.key()), Duration.ofSeconds(30));
            assertTrue(dead.headers().get("dead-letter-reason").contains("partners[0]"), dead::toString);
            assertEquals("registry.host-arrangements.v1", dead.headers().get("dead-letter-topic"));
            assertNotNull(good);
        }
    }

    private static ValidatableResponse enrollPartner(String hostEnrollment, String as, String partner) {
        return given().auth()
                .oauth2(Tracks.municipality(as))
                .contentType(ContentType.JSON)
                .body("{\"kommunenummer\": \"" + partner + "\"}")
                .post("/api/v1/enrollments/" + hostEnrollment + "/partners")
                .then();
    }

    private static String arrangement(String kind, String name, String host, List<String> partners, LocalDate validTo) {
        return arrangement(UUID.randomUUID().toString(), kind, name, host, partners, validTo);
    }

    /** Publishes the arrangement as the registry does and waits until the service has it as sent. */
    private static String arrangement(
            String id, String kind, String name, String host, List<String> partners, LocalDate validTo) {
        TestRegistry.send(
                "registry.host-arrangements.v1", id, arrangementEvent(id, kind, name, host, partners, validTo));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> {
                    HostArrangementProjection a = HostArrangementProjection.findById(UUID.fromString(id));
                    return a != null && java.util.Objects.equals(a.validTo, validTo);
                }));
        return id;
    }

    private static String arrangementEvent(
            String id, String kind, String name, String host, List<String> partners, LocalDate validTo) {
        String data = """
                {"id": "%s", "name": "%s", "host": "%s", "partners": [%s], "allSolutions": false,
                 "solutions": ["%s"], "validFrom": "2024-01-01", "validTo": %s, "endReason": %s}""".formatted(
                id,
                name,
                host,
                String.join(", ", partners.stream().map(p -> "\"" + p + "\"").toList()),
                SOLUTION,
                validTo == null ? "null" : "\"" + validTo + "\"",
                validTo == null ? "null" : "\"Samarbeidet er avviklet\"");
        return TestEvents.event("urn:no:ks:ehelse:registry", "no.ks.ehelse.host-arrangement." + kind + ".v1", id, data);
    }

    /** Posts the form as a browser would: its hidden fields (the CSRF token among them) and the cookie. */
    private static Response submit(String token, Element form, Response shown) {
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
        return request.post(form.attr("action"));
    }

    private static Document page(Response response, int status) {
        assertEquals(status, response.statusCode(), response.asString());
        return Jsoup.parse(response.asString());
    }
}
