package no.ks.ehelse.adoption;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import no.ks.ehelse.localstack.Pages;
import no.ks.ehelse.localstack.TestTokens;

/** With {@code ehelse.dashboards.public=false} the dashboards need a signed-in person of any role. */
@QuarkusTest
@TestProfile(PrivateDashboardsTest.NotPublic.class)
class PrivateDashboardsTest {

    public static class NotPublic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ehelse.dashboards.public", "false");
        }
    }

    @BeforeEach
    void registry() {
        TestRegistry.load();
    }

    @Test
    void aBrowserWithoutASessionGetsTheSignInPageAndAnyRoleReadsTheDashboard() {
        // Module tests verify bearer tokens only, so "no session" is the 401 page here; with the IdP it offers sign-in.
        Pages.Shown anonymous = Pages.get(null, "/tall/vkp");
        assertEquals(401, anonymous.status());
        assertEquals("Du må logge inn", anonymous.html().selectFirst("main h1").text());
        assertEquals(
                401,
                Pages.get(null, "/tall/vkp/tabeller/ikke-tatt-i-bruk?format=xlsx")
                        .status());
        assertEquals(401, Pages.get(null, "/tall/vkp/kommuner/4601").status());
        String track = "/tall/spor/0b6f7a52-3d0e-4c55-8f4a-5a1e2c3d4b6f";
        assertEquals(401, Pages.get(null, track).status());
        assertEquals(
                401, Pages.get(null, track + "/tabeller/kommuner?format=xlsx").status());
        // Signed in, the role is let through: this track is unknown, so the answer is the 404 page.
        assertEquals(404, Pages.get(TestTokens.forRole("reader"), track).status());

        for (String role : new String[] {"reader", "lead", "nhn"}) {
            Pages.Shown page = Pages.get(TestTokens.forRole(role), "/tall/vkp");
            assertEquals(200, page.status(), role);
        }
        Pages.Shown municipality =
                Pages.get(TestTokens.forRole("municipality", Map.of("kommunenummer", "4601")), "/tall/vkp");
        assertEquals(200, municipality.status());
    }
}
