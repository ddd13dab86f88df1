package no.ks.ehelse.enrollment.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Signed, expiring cancel links: the token is the registration id and an expiry (the meeting's end plus a day),
 * with an HMAC-SHA256 over both under {@code ehelse.meetings.link-key}. Whoever holds the link may cancel that one
 * registration and nothing else; no sign-in.
 */
@ApplicationScoped
public class CancelLinks {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    static final int MIN_KEY_LENGTH = 32;

    /** What a valid token names. */
    public record Claim(UUID registrationId, Instant expires) {}

    private final byte[] key;

    CancelLinks(MeetingsConfig config) {
        String configured = config.linkKey();
        if (configured == null || configured.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException(
                    "ehelse.meetings.link-key must be at least " + MIN_KEY_LENGTH + " characters");
        }
        this.key = configured.getBytes(StandardCharsets.UTF_8);
    }

    public String token(UUID registrationId, Instant expires) {
        ByteBuffer body = ByteBuffer.allocate(24);
        body.putLong(registrationId.getMostSignificantBits());
        body.putLong(registrationId.getLeastSignificantBits());
        body.putLong(expires.getEpochSecond());
        byte[] bytes = body.array();
        return ENCODE.encodeToString(bytes) + "." + ENCODE.encodeToString(mac(bytes));
    }

    /** The claim of a well-formed, correctly signed token (expired or not: the caller says which). */
    public Optional<Claim> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            byte[] body = DECODE.decode(token.substring(0, dot));
            byte[] signature = DECODE.decode(token.substring(dot + 1));
            if (body.length != 24 || !MessageDigest.isEqual(signature, mac(body))) {
                return Optional.empty();
            }
            ByteBuffer read = ByteBuffer.wrap(body);
            UUID id = new UUID(read.getLong(), read.getLong());
            return Optional.of(new Claim(id, Instant.ofEpochSecond(read.getLong())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
