package no.ks.ehelse.enrollment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The sign-in and sign-out paths are configuration, as on the production host, where each service signs in under
 * its own page prefix. Here they sit under {@code /kommuner/}, next to {@code /kommuner/{kommunenummer}}, the way
 * registry-service's {@code /kontakter/logg-inn} sits next to {@code /kontakter/{kommunenummer}}.
 */
@QuarkusTest
@TestProfile(SignInPathTest.UnderAPrefix.class)
class SignInPathTest {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    public static class UnderAPrefix implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.oidc.authentication.redirect-path", "/kommuner/logg-inn",
                    "quarkus.oidc.logout.path", "/kommuner/logg-ut",
                    "ehelse.pages.signed-in-path", "/innlogget");
        }
    }

    @Test
    void theConfiguredRedirectPathNeedsASessionAndThenLeadsToTheSignedInPage() {
        // Module tests verify bearer tokens only, so "no session" is a 401 here; with the IdP it is the login.
        given().accept(HTML)
                .redirects()
                .follow(false)
                .get("/kommuner/logg-inn")
                .then()
                .statusCode(401);
        given().accept(HTML)
                .auth()
                .oauth2(Tracks.municipality("4601"))
                .redirects()
                .follow(false)
                .get("/kommuner/logg-inn")
                .then()
                .statusCode(303)
                .header("Location", "/innlogget");
    }

    @Test
    void theLayoutLinksToTheConfiguredSignInAndSignOutPaths() {
        Document start = Jsoup.parse(
                given().accept(HTML).get("/").then().statusCode(200).extract().asString());
        assertEquals(
                "/kommuner/logg-inn", start.selectFirst("header .eh-user a").attr("href"));

        Document signedIn = Jsoup.parse(given().accept(HTML)
                .auth()
                .oauth2(Tracks.municipality("4601"))
                .get("/innlogget")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertEquals("/kommuner/logg-ut", signedIn.selectFirst("form").attr("action"));
    }

    @Test
    void theOldFixedPathIsNoLongerTheRedirectPath() {
        // Not a sign-in path any more: /logg-inn is neither routed nor protected, so it is a plain 404 page.
        given().accept(HTML).get("/logg-inn").then().statusCode(404);
    }
}
