package no.ks.ehelse.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Tokens in mails' links: what they name is what they allow, nothing else verifies, and a key rotation keeps them. */
class LinkTokensTest {

    private static final String KEY = "dGVzdC1vbmx5LXdlYmhvb2stc2VjcmV0LWtleS0zMmI=";
    private static final String OTHER = "b3RoZXItdGVzdC1vbmx5LWtleS1mb3ItdG9rZW5zLTE=";

    @Test
    void aTokenNamesItsAddressAndKindAndAChangedOneDoesNotVerify() {
        LinkTokens tokens = new LinkTokens(KEY, List.of());
        String token = tokens.unsubscribe("Kari@Kommune.example", "WENT_LIVE");
        LinkTokens.Claim claim = tokens.verify(token).orElseThrow();
        assertEquals(LinkTokens.Purpose.UNSUBSCRIBE, claim.purpose());
        assertEquals("kari@kommune.example", claim.address());
        assertEquals(MessageKind.WENT_LIVE, claim.messageKind().orElseThrow());

        String forged = tokens.unsubscribe("ola@kommune.example", "WENT_LIVE");
        String spliced = forged.substring(0, forged.indexOf('.')) + token.substring(token.indexOf('.'));
        assertTrue(tokens.verify(spliced).isEmpty(), "another address with this token's MAC");
        assertTrue(tokens.verify(token + "x").isEmpty());
        assertTrue(tokens.verify("not-a-token").isEmpty());
        assertTrue(tokens.verify(null).isEmpty());
        assertTrue(new LinkTokens(OTHER, List.of()).verify(token).isEmpty(), "another key");
    }

    @Test
    void tokensUnderThePreviousKeyStillVerifyDuringARotation() {
        UUID subscription = UUID.randomUUID();
        String old = new LinkTokens(KEY, List.of()).confirm("a@kommune.example", subscription);
        LinkTokens.Claim claim = new LinkTokens(OTHER, List.of(KEY)).verify(old).orElseThrow();
        assertEquals(LinkTokens.Purpose.CONFIRM, claim.purpose());
        assertEquals(subscription, claim.subscription());
    }
}
