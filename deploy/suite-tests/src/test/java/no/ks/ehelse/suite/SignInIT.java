package no.ks.ehelse.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;

/**
 * Sign-in as people do it: a browser (Debian's Chromium) opens a signed-in page of a service running as a process,
 * is sent to the real OIDC server's login page, picks a persona, comes back signed in (code flow with PKCE), is
 * refused another municipality's data, and signs out. The API beside the pages keeps answering 401 problem+json
 * to a caller without a token, and accepts the server's bearer tokens.
 */
class SignInIT {

    private static final String SERVICE = "enrollment-service";
    private static Suite suite;
    private static String url;

    @BeforeAll
    static void start() {
        suite = PagesSuite.get();
        url = suite.url(SERVICE);
    }

    @Test
    void aMunicipalityContactSignsInSeesOnlyItsOwnMunicipalityAndSignsOut() {
        try (Browser browser = Browser.launch()) {
            browser.open(url + "/innlogget");
            browser.signInAs("kommune-4601", url);

            assertEquals(url + "/innlogget", browser.page.url());
            assertEquals(
                    "Du er logget inn som Kommunekontakt Bergen (kommunekontakt for kommune 4601).",
                    browser.page.locator("#innlogget-som").innerText());
            browser.check("innlogget");

            List<Cookie> cookies = browser.page.context().cookies(url);
            Cookie session = cookies.stream()
                    .filter(c -> c.name.equals("q_session_Default_" + SERVICE))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no session cookie of " + SERVICE + " among "
                            + cookies.stream().map(c -> c.name).toList()));
            assertTrue(session.httpOnly, "the session cookie is HttpOnly");
            assertEquals(SameSiteAttribute.LAX, session.sameSite);
            assertFalse(session.secure, "plain http here (production forces Secure)");

            // The session is the person's identity for the service's API too.
            assertEquals(
                    200,
                    browser.open(url + "/api/v1/municipalities/4601/enrollments")
                            .status());
            // Another municipality's page: the Norwegian 403 page, in the layout, with the same status.
            var page = browser.open(url + "/kommuner/4602");
            assertEquals(403, page.status());
            assertTrue(page.headers().get("content-type").startsWith("text/html"));
            assertEquals(
                    "Du har ikke tilgang til denne siden",
                    browser.page.locator("h1").innerText());
            browser.check("ingen-tilgang-innlogging");

            browser.open(url + "/innlogget");
            browser.page
                    .getByRole(
                            com.microsoft.playwright.options.AriaRole.BUTTON,
                            new com.microsoft.playwright.Page.GetByRoleOptions().setName("Logg ut"))
                    .click();
            // Through the OIDC server's end-session endpoint and back, with the state Quarkus checks.
            browser.page.waitForURL(u -> u.startsWith(url + "/logget-ut"));
            assertEquals("Du er logget ut", browser.page.locator("h1").innerText(), browser.page.url());
            assertEquals(
                    url + "/",
                    browser.page
                            .getByRole(
                                    com.microsoft.playwright.options.AriaRole.LINK,
                                    new com.microsoft.playwright.Page.GetByRoleOptions().setName("Til forsiden"))
                            .evaluate("a => a.href"),
                    "the start page, enrollment-service's own");
            browser.check("logget-ut");
            assertTrue(
                    browser.page.context().cookies(url).stream().noneMatch(c -> c.name.startsWith("q_session_")),
                    "signing out removes the session cookie");

            // Signed out, a signed-in page sends the browser to the login again.
            browser.open(url + "/innlogget");
            assertTrue(browser.page.url().startsWith(suite.oidc.issuer() + "/authorize"), browser.page.url());
        }
    }

    @Test
    void aBrowserWithoutSessionIsSentToTheLoginWithPkce() {
        given().redirects()
                .follow(false)
                .accept("text/html")
                .get(url + "/innlogget")
                .then()
                .statusCode(302)
                .header("Location", startsWith(suite.oidc.issuer() + "/authorize?"))
                .header("Location", containsString("code_challenge_method=S256"))
                .header(
                        "Location",
                        containsString("redirect_uri="
                                + java.net.URLEncoder.encode(
                                        url + "/logg-inn", java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void theApiNeverRedirects() {
        given().redirects()
                .follow(false)
                .accept("application/json")
                .get(url + "/api/v1/municipalities/4601/enrollments")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void theApiAcceptsTheServersBearerTokensForPeopleAndMachines() {
        suite.as(SERVICE, suite.municipality("4601"))
                .get("/api/v1/municipalities/4601/enrollments")
                .then()
                .statusCode(200);
        // A page asked for with a bearer token: the same scope, the Norwegian 403 page.
        suite.as(SERVICE, suite.municipality("4601"))
                .accept("text/html")
                .get("/kommuner/4602")
                .then()
                .statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("Du har ikke tilgang til denne siden"));
        suite.as(SERVICE, suite.oidc.machineToken("nhn"))
                .accept("text/html")
                .get("/innlogget")
                .then()
                .statusCode(200)
                .body(containsString("(Norsk helsenett)"));
        suite.as(SERVICE, suite.token("admin", Map.of()))
                .get("/api/v1/municipalities/4602/enrollments")
                .then()
                .statusCode(200);
    }
}
