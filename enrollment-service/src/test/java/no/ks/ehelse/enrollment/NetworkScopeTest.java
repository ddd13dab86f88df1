package no.ks.ehelse.enrollment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.ks.ehelse.localstack.TestTokens;

/**
 * The network role (a Diginettverk's kontaktperson e-helse) through the API and the pages: it reads its own
 * municipalities' enrollments and history, is refused (403 problem, Norwegian 403 page) for another network's, and
 * enrolls one of its municipalities after the deadline with a reason, which the history keeps with the role.
 * Digi Vestland holds the 46xx municipalities of the test registry; Testvik (4301) is in Digi Rogaland.
 */
@QuarkusTest
class NetworkScopeTest {

    private static final LocalDate TODAY = LocalDate.parse("2024-05-01");
    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    private static String vestland() {
        return TestTokens.forRole("network", Map.of("network", "digi-vestland", "upn", "nett@example.test"));
    }

    /** A solution of these tests alone, so no other test's went-live can stand in the way. */
    private static final String SOLUTION = "nettverk-test";

    @BeforeEach
    void registryAndClock() {
        TestClock.set(TODAY);
        TestRegistry.load();
        TestSolutions.publishAndAwait(SOLUTION, "Nettverkstest", () -> given().auth()
                .oauth2(Tracks.admin())
                .get("/losninger/" + SOLUTION)
                .then()
                .statusCode(200));
    }

    @AfterEach
    void clockBack() {
        TestClock.set(TODAY);
    }

    @Test
    void aNetworkReadsItsOwnMunicipalitiesEnrollmentsAndIsRefusedAnotherNetworks() {
        String track = Tracks.open(SOLUTION, null, TODAY.plusDays(30), TODAY.plusDays(60));
        String bergen = Tracks.enroll(track, Tracks.municipality("4601"), "4601")
                .statusCode(201)
                .extract()
                .path("id");
        String testvik = Tracks.enroll(track, Tracks.municipality("4301"), "4301")
                .statusCode(201)
                .extract()
                .path("id");

        given().auth()
                .oauth2(vestland())
                .get("/api/v1/enrollments/" + bergen)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(vestland())
                .get("/api/v1/enrollments/" + bergen + "/history")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(vestland())
                .get("/api/v1/municipalities/4601/enrollments")
                .then()
                .statusCode(200);

        for (String path : List.of(
                "/api/v1/enrollments/" + testvik,
                "/api/v1/enrollments/" + testvik + "/history",
                "/api/v1/municipalities/4301/enrollments")) {
            var refusal = given().auth().oauth2(vestland()).get(path).then().statusCode(403);
            refusal.contentType("application/problem+json");
            String detail = refusal.extract().path("detail");
            assertTrue(detail.contains("digi-vestland") && detail.contains("4301"), path + ": " + detail);
        }

        List<String> listed = given().auth()
                .oauth2(vestland())
                .get("/api/v1/tracks/" + track + "/enrollments")
                .then()
                .statusCode(200)
                .extract()
                .path("items.kommunenummer");
        assertEquals(List.of("4601"), listed, "a track's enrollments hold only the network's own");
        List<String> all = given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/tracks/" + track + "/enrollments")
                .then()
                .statusCode(200)
                .extract()
                .path("items.kommunenummer");
        assertEquals(List.of("4601", "4301"), all, "a reader still sees every enrollment");
    }

    @Test
    void aNetworkSeesItsMunicipalitiesPagesAndGetsTheNorwegian403PageForAnotherNetworks() {
        String track = Tracks.open(SOLUTION, null, TODAY.plusDays(30), TODAY.plusDays(60));
        String sveio = Tracks.enroll(track, Tracks.municipality("4612"), "4612")
                .statusCode(201)
                .extract()
                .path("id");
        String testvik = Tracks.enroll(track, Tracks.municipality("4301"), "4301")
                .statusCode(201)
                .extract()
                .path("id");

        Document own = page(given().accept(HTML).auth().oauth2(vestland()).get("/kommuner/4612"), 200);
        assertEquals("Sveio kommune", own.selectFirst("h1").text());
        assertTrue(
                own.selectFirst("table").text().contains("Testløp " + SOLUTION),
                own.selectFirst("table").text());
        page(given().accept(HTML).auth().oauth2(vestland()).get("/pameldinger/" + sveio), 200);

        Document other = page(given().accept(HTML).auth().oauth2(vestland()).get("/kommuner/4301"), 403);
        assertEquals(
                "Du har ikke tilgang til denne siden", other.selectFirst("h1").text());
        assertTrue(
                other.selectFirst("main").text().contains("kontaktpersonen e-helse i kommunens Diginettverk"),
                "the 403 page names the network among those who may: "
                        + other.selectFirst("main").text());
        Document otherEnrollment =
                page(given().accept(HTML).auth().oauth2(vestland()).get("/pameldinger/" + testvik), 403);
        assertEquals(
                "Du har ikke tilgang til denne siden",
                otherEnrollment.selectFirst("h1").text());
    }

    @Test
    void aNetworkEnrollsItsMunicipalityLateWithAReasonThatTheHistoryKeepsWithTheRoleNetwork() {
        String track = Tracks.open(SOLUTION, null, TODAY.plusDays(10), TODAY.plusDays(60));
        TestClock.set(TODAY.plusDays(15)); // five days after the deadline

        var withoutReason = Tracks.enroll(track, vestland(), "4621").statusCode(409);
        assertEquals(
                "urn:no:ks:ehelse:problem:registration-closed",
                withoutReason.extract().path("type"));
        assertTrue(withoutReason.extract().path("detail").toString().contains("lateReason"));

        String reason = "Voss fikk vedtaket i kommunestyret etter fristen";
        var late = given().auth()
                .oauth2(vestland())
                .contentType(ContentType.JSON)
                .body("{\"kommunenummer\": \"4621\", \"lateReason\": \"" + reason + "\"}")
                .post("/api/v1/tracks/" + track + "/enrollments")
                .then()
                .statusCode(201);
        assertEquals(true, late.extract().path("late"));
        assertEquals(reason, late.extract().path("lateReason"));
        String id = late.extract().path("id");

        var history = given().auth()
                .oauth2(Tracks.admin())
                .get("/api/v1/enrollments/" + id + "/history")
                .then()
                .statusCode(200);
        assertEquals("ENROLLED_LATE", history.extract().path("items[0].action"));
        assertEquals(reason, history.extract().path("items[0].reason"));
        assertEquals("nett@example.test", history.extract().path("items[0].actor"), "admins see who");
        assertEquals(
                "network",
                given().auth()
                        .oauth2(vestland())
                        .get("/api/v1/enrollments/" + id + "/history")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items[0].actor"),
                "the network itself sees the role it acted in");

        var outside = given().auth()
                .oauth2(vestland())
                .contentType(ContentType.JSON)
                .body("{\"kommunenummer\": \"4301\", \"lateReason\": \"" + reason + "\"}")
                .post("/api/v1/tracks/" + track + "/enrollments")
                .then()
                .statusCode(403);
        assertTrue(outside.extract().path("detail").toString().contains("4301"));

        var municipalityLate = given().auth()
                .oauth2(Tracks.municipality("4622"))
                .contentType(ContentType.JSON)
                .body("{\"kommunenummer\": \"4622\", \"lateReason\": \"" + reason + "\"}")
                .post("/api/v1/tracks/" + track + "/enrollments")
                .then()
                .statusCode(409);
        assertTrue(
                municipalityLate.extract().path("detail").toString().contains("contact the track's lead"),
                "a municipality itself still cannot enroll late");
    }

    @Test
    void aNetworkReadsAnEnrollmentWithoutTheFormsThatWouldRefuseIt() {
        String track = Tracks.open(SOLUTION, null, TODAY.plusDays(30), TODAY.plusDays(60));
        String sveio = Tracks.enroll(track, Tracks.municipality("4612"), "4612")
                .statusCode(201)
                .extract()
                .path("id");

        Document asNetwork = page(given().accept(HTML).auth().oauth2(vestland()).get("/pameldinger/" + sveio), 200);
        assertEquals(null, asNetwork.selectFirst("form[action$=/forutsetninger]"), "no prerequisites form");
        assertEquals(null, asNetwork.selectFirst("a[href$=/avbud]"), "no withdrawal");
        assertTrue(
                asNetwork.getElementById("forutsetning-epj-api").text().startsWith("Ikke gjort: "),
                asNetwork.getElementById("forutsetning-epj-api").text());
        Document asMunicipality = page(
                given().accept(HTML).auth().oauth2(Tracks.municipality("4612")).get("/pameldinger/" + sveio), 200);
        assertTrue(asMunicipality.selectFirst("form[action$=/forutsetninger]") != null, "the municipality ticks");
        assertTrue(asMunicipality.selectFirst("a[href$=/avbud]") != null, "the municipality may withdraw");
    }

    @Test
    void aNetworkEnrollsLateOnThePageWithTheReasonBesideTheField() {
        String track = Tracks.open(SOLUTION, null, TODAY.plusDays(10), TODAY.plusDays(60));
        TestClock.set(TODAY.plusDays(15));
        String late = "/kommuner/4624/pameldinger/sen/" + track;

        Document overview = page(given().accept(HTML).auth().oauth2(vestland()).get("/kommuner/4624"), 200);
        assertTrue(
                overview.selectFirst("a[href=" + late + "]") != null,
                "the late sign-up offered: " + overview.select("main").text());
        assertEquals(
                null,
                page(
                                given().accept(HTML)
                                        .auth()
                                        .oauth2(Tracks.municipality("4624"))
                                        .get("/kommuner/4624"),
                                200)
                        .selectFirst("a[href=" + late + "]"),
                "not to the municipality itself, which the API would refuse");
        page(given().accept(HTML).auth().oauth2(Tracks.municipality("4624")).get(late), 404);

        var shown = given().accept(HTML).auth().oauth2(vestland()).get(late);
        Document form = page(shown, 200);
        assertEquals(
                "Meld Bjørnafjorden på Testløp " + SOLUTION + " etter fristen",
                form.selectFirst("h1").text());
        String csrf = form.selectFirst("input[name=csrf-token]").val();
        String cookie = shown.cookie("ehelse_csrf_enrollment-service");

        Document refused = page(
                given().accept(HTML)
                        .auth()
                        .oauth2(vestland())
                        .redirects()
                        .follow(false)
                        .cookie("ehelse_csrf_enrollment-service", cookie)
                        .contentType(ContentType.URLENC)
                        .formParam("csrf-token", csrf)
                        .formParam("lateReason", "  ")
                        .post(late),
                422);
        assertEquals(
                "Skriv hvorfor kommunen meldes på etter fristen.",
                refused.getElementById("lateReason-error").text());
        assertEquals("#lateReason", refused.selectFirst(".ds-error-summary a").attr("href"));
        assertEquals(
                0,
                given().auth()
                        .oauth2(Tracks.admin())
                        .get("/api/v1/tracks/" + track + "/enrollments")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<List<Object>>path("items")
                        .size(),
                "nothing enrolled without a reason");

        String reason = "Bjørnafjorden fikk budsjettet vedtatt etter fristen";
        var done = given().accept(HTML)
                .auth()
                .oauth2(vestland())
                .redirects()
                .follow(false)
                .cookie("ehelse_csrf_enrollment-service", cookie)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", csrf)
                .formParam("lateReason", reason)
                .post(late);
        assertEquals(303, done.statusCode(), done.asString());
        String id = done.header("Location").replaceFirst(".*/pameldinger/", "").replaceFirst("\\?.*", "");
        var enrollment = given().auth()
                .oauth2(Tracks.admin())
                .get("/api/v1/enrollments/" + id)
                .then()
                .statusCode(200);
        assertEquals(true, enrollment.extract().path("late"));
        assertEquals(reason, enrollment.extract().path("lateReason"));
        assertEquals("4624", enrollment.extract().path("kommunenummer"));
    }

    private static Document page(io.restassured.response.Response response, int status) {
        assertEquals(status, response.statusCode(), response.asString());
        return Jsoup.parse(response.asString());
    }
}
