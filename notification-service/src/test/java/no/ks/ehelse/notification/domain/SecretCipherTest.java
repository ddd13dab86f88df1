package no.ks.ehelse.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

/** AES-256-GCM at rest: a random nonce per value, the key named in the value, rotation, clear key errors. */
class SecretCipherTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_B =
            Base64.getEncoder().encodeToString("b".repeat(32).getBytes());
    private static final String SECRET = "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0IQ==";

    @Test
    void aSealedValueHoldsNoPlainSecretAndOpensAgain() {
        SecretCipher cipher = new SecretCipher(KEY_A, List.of(), "KEY");
        String sealed = cipher.seal(SECRET, "subscription-1");
        assertTrue(sealed.startsWith("v1:" + cipher.currentKeyId() + ":"), sealed);
        assertFalse(sealed.contains("whsec_") || sealed.contains(SECRET.substring(6, 20)), sealed);
        assertEquals(SECRET, cipher.open(sealed, "subscription-1"));
        assertNotEquals(sealed, cipher.seal(SECRET, "subscription-1"), "a fresh nonce every time");
    }

    @Test
    void aValueOpensOnlyForItsSubscriptionAndUnaltered() {
        SecretCipher cipher = new SecretCipher(KEY_A, List.of(), "KEY");
        String sealed = cipher.seal(SECRET, "subscription-1");
        assertThrows(SecretCipher.KeyProblem.class, () -> cipher.open(sealed, "subscription-2"));
        char last = sealed.charAt(sealed.length() - 3);
        String altered = sealed.substring(0, sealed.length() - 3)
                + (last == 'A' ? 'B' : 'A')
                + sealed.substring(sealed.length() - 2);
        assertThrows(SecretCipher.KeyProblem.class, () -> cipher.open(altered, "subscription-1"));
    }

    @Test
    void aRotatedKeyStillOpensOldValuesAndSealsWithTheNewOne() {
        String old = new SecretCipher(KEY_A, List.of(), "KEY").seal(SECRET, "s");
        SecretCipher rotated = new SecretCipher(KEY_B, List.of(KEY_A), "KEY");
        assertEquals(SECRET, rotated.open(old, "s"));
        assertEquals(SecretCipher.keyIdOf(rotated.seal(SECRET, "s")), rotated.currentKeyId());
        assertNotEquals(SecretCipher.keyIdOf(old), rotated.currentKeyId());
        SecretCipher.KeyProblem unknown = assertThrows(
                SecretCipher.KeyProblem.class, () -> new SecretCipher(KEY_B, List.of(), "KEY").open(old, "s"));
        assertTrue(unknown.getMessage().contains(SecretCipher.keyIdOf(old)), unknown.getMessage());
    }

    @Test
    void aMissingOrMalformedKeyIsRefusedNamingTheVariable() {
        for (String bad :
                new String[] {null, "", "not base64!", Base64.getEncoder().encodeToString(new byte[16])}) {
            SecretCipher.KeyProblem e =
                    assertThrows(SecretCipher.KeyProblem.class, () -> new SecretCipher(bad, List.of(), "EHELSE_X"));
            assertTrue(e.getMessage().startsWith("EHELSE_X "), e.getMessage());
        }
        assertThrows(SecretCipher.KeyProblem.class, () -> new SecretCipher(KEY_A, List.of("short"), "EHELSE_X"));
    }

    @Test
    void aPlainValueIsNotTakenForAnEncryptedOne() {
        assertEquals(null, SecretCipher.keyIdOf(SECRET));
        assertThrows(SecretCipher.KeyProblem.class, () -> new SecretCipher(KEY_A, List.of(), "KEY").open(SECRET, "s"));
    }
}
