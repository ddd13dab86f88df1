package no.ks.ehelse.enrollment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The platform's layout, styles and error pages as this service serves them: a person's request for a page that
 * does not exist gets a Norwegian page in the layout, an API client keeps problem+json, and Designsystemet's CSS
 * and the font come from the platform jar.
 */
@QuarkusTest
class PageLayoutTest {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void anUnknownSolutionPageIsANorwegian404PageInTheLayout() {
        Response response = given().accept(BROWSER_ACCEPT).get("/losninger/finnes-ikke");
        assertEquals(404, response.statusCode());
        assertTrue(response.contentType().startsWith("text/html"), response.contentType());
        Document page = Jsoup.parse(response.asString());

        assertEquals("nb", page.selectFirst("html").attr("lang"));
        Element skip = page.selectFirst("a.ds-skip-link");
        assertNotNull(skip, "skip link");
        assertEquals("#hovedinnhold", skip.attr("href"));
        assertNotNull(page.getElementById("hovedinnhold"), "the skip link's target");
        assertEquals("main", page.getElementById("hovedinnhold").tagName());
        assertEquals("Vi finner ikke siden", page.selectFirst("main h1").text());
        assertTrue(page.title().startsWith("Vi finner ikke siden"), page.title());
        assertNotNull(page.selectFirst("header nav[aria-label=Hovedmeny]"));
        assertEquals("Logg inn", page.selectFirst("header .eh-user a").text());
        assertNotNull(page.selectFirst("footer"));
        assertEquals(
                3, page.select("link[rel=stylesheet][href^=/static/ehelse/]").size(), "theme, components, layout");
    }

    @Test
    void anApiClientStillGetsProblemJsonForTheSameError() {
        // A page asked for as JSON is not there in that form: a problem, not a page.
        given().accept("application/json")
                .get("/losninger/finnes-ikke")
                .then()
                .statusCode(406)
                .contentType("application/problem+json");
        // Under /api/ a browser's Accept does not turn the answer into a page.
        given().accept(BROWSER_ACCEPT)
                .auth()
                .oauth2(Tracks.admin())
                .get("/api/v1/tracks/00000000-0000-0000-0000-000000000000")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anApiCallLabelledAsAFormIsNotJudgedByThePagesCsrfCheck() {
        TestClock.set(LocalDate.parse("2024-05-01"));
        TestRegistry.load();
        String track = Tracks.open("vkp", null, LocalDate.parse("2024-05-31"), null);
        String id = Tracks.enroll(track, Tracks.admin(), "4623")
                .statusCode(201)
                .extract()
                .path("id");
        // A bodiless POST labelled as a form (curl -d ''): the domain's answer, not the CSRF filter's bare 400.
        given().auth()
                .oauth2(Tracks.admin())
                .contentType("application/x-www-form-urlencoded")
                .post("/api/v1/enrollments/" + id + "/completion")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void designsystemetAndTheFontAreServedFromThePlatformJar() {
        for (String css : new String[] {
            "/static/ehelse/ds/designsystemet.css", "/static/ehelse/ds/index.css", "/static/ehelse/ehelse.css"
        }) {
            Response response = given().get(css);
            assertEquals(200, response.statusCode(), css);
            assertTrue(response.contentType().startsWith("text/css"), css + ": " + response.contentType());
            assertFalse(response.asString().isBlank(), css);
        }
        assertTrue(given().get("/static/ehelse/ds/index.css").asString().contains(".ds-error-summary"));
        assertEquals(
                200,
                given().get("/static/ehelse/fonts/inter-latin-400-normal.woff2").statusCode());
    }
}
