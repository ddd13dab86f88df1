package no.ks.ehelse.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import no.ks.ehelse.localstack.TestTokens;

/**
 * Tokens signed with the right key but otherwise wrong are refused with 401 (platform security.TokenRules and
 * quarkus-oidc's token age): the rules are the platform's, so one service's tests cover them for all four.
 */
@QuarkusTest
class TokenRulesTest {

    private static final String KEY = TestTokens.KEY_ID;

    @Test
    void aFreshTokenNamingTheKeyIsAccepted() {
        long now = now();
        assertStatus(TestTokens.forged("reader", KEY, now, now + 3600), 200);
    }

    @Test
    void aTokenWithoutIatIsRefused() {
        assertStatus(TestTokens.forged("reader", KEY, null, now() + 3600), 401);
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        long later = now() + Duration.ofMinutes(10).toSeconds();
        assertStatus(TestTokens.forged("reader", KEY, later, later + 3600), 401);
    }

    @Test
    void aTokenIssuedWithinTheClockSkewIsAccepted() {
        long soon = now() + 20;
        assertStatus(TestTokens.forged("reader", KEY, soon, soon + 3600), 200);
    }

    @Test
    void aTokenValidForTenYearsIsRefused() {
        long now = now();
        assertStatus(
                TestTokens.forged(
                        "reader", KEY, now, now + Duration.ofDays(3650).toSeconds()),
                401);
    }

    @Test
    void aTokenOlderThanTheMaximumAgeIsRefusedThoughNotExpired() {
        long issued = now() - Duration.ofHours(13).toSeconds();
        assertStatus(
                TestTokens.forged(
                        "reader", KEY, issued, issued + Duration.ofHours(12).toSeconds()),
                401);
    }

    @Test
    void aTokenNamingAnotherKeyOrNoneIsRefused() {
        long now = now();
        assertStatus(TestTokens.forged("reader", "someone-elses-key", now, now + 3600), 401);
        assertStatus(TestTokens.forged("reader", null, now, now + 3600), 401);
    }

    private static void assertStatus(String token, int status) {
        var response =
                given().auth().oauth2(token).get("/api/v1/counties").then().statusCode(status);
        if (status == 401) {
            response.contentType("application/problem+json").body("status", equalTo(401));
        }
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
