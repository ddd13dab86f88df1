package no.ks.ehelse.notification.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts webhook secrets at rest with AES-256-GCM: {@code v1:<key id>:<base64(nonce ‖ ciphertext ‖ tag)>}, a
 * random 96-bit nonce per value, the subscription id as associated data (a value copied to another row does not
 * open). The key id is the first 8 hex digits of the key's SHA-256, so a stored value names the key it needs
 * without configuring ids, and rotation is "new current key, old one among the previous keys".
 */
public final class SecretCipher {

    /** Raised for a key that is not 32 bytes of base64, or a value no configured key opens. */
    public static final class KeyProblem extends IllegalStateException {
        KeyProblem(String message) {
            super(message);
        }
    }

    private static final Pattern SEALED = Pattern.compile("v1:([0-9a-f]{8}):([A-Za-z0-9+/=]+)");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    /**
     * @param current the key new values are encrypted with (base64 of 32 bytes)
     * @param previous keys older values may still be encrypted with
     * @param name what the operator sets, for the error message (e.g. the environment variable)
     */
    public SecretCipher(String current, List<String> previous, String name) {
        if (current == null || current.isBlank()) {
            throw new KeyProblem(name + " is not set: webhook secrets are stored encrypted with it "
                    + "(32 random bytes, base64, e.g. openssl rand -base64 32)");
        }
        this.currentId = add(current, name);
        for (String p : previous) {
            add(p, name + "_PREVIOUS");
        }
    }

    private String add(String base64, String name) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new KeyProblem(name + " is not base64: it must be 32 random bytes, base64");
        }
        if (raw.length != 32) {
            throw new KeyProblem(name + " is " + raw.length + " bytes: AES-256 needs 32 random bytes, base64");
        }
        String id = keyId(raw);
        keys.putIfAbsent(id, new SecretKeySpec(raw, "AES"));
        return id;
    }

    static String keyId(byte[] raw) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(raw))
                    .substring(0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public String currentKeyId() {
        return currentId;
    }

    /** The id of the key a stored value is encrypted with, or null for a value that is not encrypted. */
    public static String keyIdOf(String stored) {
        Matcher m = SEALED.matcher(stored);
        return m.matches() ? m.group(1) : null;
    }

    public boolean knows(String keyId) {
        return keys.containsKey(keyId);
    }

    public String seal(String plain, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return "v1:" + currentId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plain value; never part of an error message. */
    public String open(String stored, String context) {
        Matcher m = SEALED.matcher(stored);
        if (!m.matches()) {
            throw new KeyProblem("the stored webhook secret is not encrypted (expected v1:<key id>:...)");
        }
        SecretKeySpec key = keys.get(m.group(1));
        if (key == null) {
            throw new KeyProblem("the webhook secret is encrypted with key " + m.group(1)
                    + ", which is not configured (current key " + currentId + ")");
        }
        byte[] in = Base64.getDecoder().decode(m.group(2));
        if (in.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new KeyProblem("the stored webhook secret is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new KeyProblem("the webhook secret does not open with key " + m.group(1)
                    + ": altered, or stored for another subscription");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
