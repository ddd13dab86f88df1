package no.ks.ehelse.notification.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The signed link in a confirmation: {@code /bekreft/<enrollment id>?t=<HMAC-SHA256 of the id>}. Whoever has the
 * mail can confirm, nobody else can guess the link for another enrollment, and no session or sign-in is needed. The
 * key is derived from the service's secret key (a separate purpose, so a link's MAC never equals anything else
 * signed with that key).
 */
@ApplicationScoped
public class AcknowledgementLinks {

    private static final String PURPOSE = "ehelse-acknowledgement-link-v1";

    private final byte[] key;
    private final String base;

    AcknowledgementLinks(NotificationConfig config) {
        String b = config.links().pages().strip();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        byte[] master = Base64.getDecoder()
                .decode(config.webhooks()
                        .secretKey()
                        .orElseThrow(() ->
                                new IllegalStateException("ehelse.notifications.webhooks.secret-key is not set")));
        this.key = hmac(master, PURPOSE.getBytes(StandardCharsets.US_ASCII));
    }

    public String token(UUID enrollmentId) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(hmac(key, enrollmentId.toString().getBytes(StandardCharsets.US_ASCII)));
    }

    /** Constant-time: the comparison tells an attacker nothing about how much of a guess was right. */
    public boolean valid(UUID enrollmentId, String token) {
        if (token == null || token.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(
                token(enrollmentId).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
    }

    public String link(UUID enrollmentId) {
        return base + "/bekreft/" + enrollmentId + "?t=" + token(enrollmentId);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
