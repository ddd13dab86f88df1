package no.ks.ehelse.registry;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import no.ks.ehelse.localstack.TestTokens;

/**
 * Sign-in as on the production host, where this service signs in under its page prefix (deploy/k8s sets these
 * paths): {@code /kontakter/logg-inn} is the redirect path, not a kommunenummer for {@code /kontakter/{kommunenummer}},
 * and the contacts page links to the prefixed sign-out.
 */
@QuarkusTest
@TestProfile(SignInPathTest.OnThePagesHost.class)
class SignInPathTest {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";
    private final String molde = TestTokens.forRole("municipality", Map.of("kommunenummer", "1506"));

    public static class OnThePagesHost implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.oidc.authentication.redirect-path", "/kontakter/logg-inn",
                    "quarkus.oidc.logout.path", "/kontakter/logg-ut",
                    "ehelse.pages.signed-in-path", "/innlogget");
        }
    }

    @Test
    void thePrefixedRedirectPathIsTheSignInNotAMunicipalitysContacts() {
        // Module tests verify bearer tokens only, so "no session" is a 401 here; with the IdP it is the login.
        given().accept(HTML)
                .redirects()
                .follow(false)
                .get("/kontakter/logg-inn")
                .then()
                .statusCode(401);
        given().accept(HTML)
                .auth()
                .oauth2(molde)
                .redirects()
                .follow(false)
                .get("/kontakter/logg-inn")
                .then()
                .statusCode(303)
                .header("Location", "/innlogget");
    }

    @Test
    void theContactsPageLinksToThePrefixedSignOut() {
        Document page = Jsoup.parse(given().accept(HTML)
                .auth()
                .oauth2(molde)
                .get("/kontakter/1506")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertEquals("/kontakter/logg-ut", page.selectFirst("header .eh-user a").attr("href"));
    }
}
