package no.ks.ehelse.notification.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The signed tokens in links a mail carries, which work without a session: one-click unsubscribe (RFC 8058) and
 * the confirmation of an e-mail subscription (double opt-in). A token names what it allows (its purpose, the
 * address, the message kind or the subscription) and is an HMAC-SHA256 over exactly that, so nobody can make one
 * for another address. The MAC key is derived from the webhook secret key ({@code EHELSE_WEBHOOK_SECRET_KEY}) with
 * its own label, so there is no second secret to provision; tokens made under a previous key
 * ({@code EHELSE_WEBHOOK_SECRET_KEY_PREVIOUS}) still verify during a key rotation.
 */
@ApplicationScoped
public class LinkTokens {

    public enum Purpose {
        UNSUBSCRIBE,
        CONFIRM
    }

    /** All kinds that may be turned off, for a mail that is about several (a digest) or cannot itself be. */
    public static final String ALL_KINDS = "*";

    /** What a valid token allows. {@code kind} is a {@link MessageKind} name or {@link #ALL_KINDS}; or a subscription. */
    public record Claim(Purpose purpose, String address, String kind, UUID subscription) {

        public Optional<MessageKind> messageKind() {
            try {
                return kind == null || kind.isEmpty() || kind.equals(ALL_KINDS)
                        ? Optional.empty()
                        : Optional.of(MessageKind.valueOf(kind));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    private static final byte[] LABEL = "ehelse notification link tokens v1".getBytes(StandardCharsets.UTF_8);
    private static final int MAC_BYTES = 16;

    private final List<byte[]> keys;

    @Inject
    LinkTokens(NotificationConfig config) {
        this(
                config.webhooks().secretKey().orElse(null),
                config.webhooks().previousSecretKeys().orElse(List.of()));
    }

    public LinkTokens(String currentKey, List<String> previousKeys) {
        List<byte[]> derived = new ArrayList<>();
        if (currentKey != null && !currentKey.isBlank()) {
            derived.add(derive(currentKey));
        }
        for (String previous : previousKeys) {
            if (previous != null && !previous.isBlank()) {
                derived.add(derive(previous));
            }
        }
        this.keys = List.copyOf(derived);
    }

    public String unsubscribe(String address, String kind) {
        return sign(new Claim(Purpose.UNSUBSCRIBE, address, kind, null));
    }

    public String unsubscribe(String address, UUID subscription) {
        return sign(new Claim(Purpose.UNSUBSCRIBE, address, "", subscription));
    }

    public String confirm(String address, UUID subscription) {
        return sign(new Claim(Purpose.CONFIRM, address, "", subscription));
    }

    public String sign(Claim claim) {
        if (keys.isEmpty()) {
            throw new IllegalStateException("no key for link tokens: " + WebhookSecrets.KEY_VARIABLE + " is not set");
        }
        String payload = String.join(
                "\n",
                claim.purpose().name(),
                claim.address().strip().toLowerCase(java.util.Locale.ROOT),
                claim.kind() == null ? "" : claim.kind(),
                claim.subscription() == null ? "" : claim.subscription().toString());
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(bytes) + "." + b64.encodeToString(mac(keys.get(0), bytes));
    }

    /** The claim of a token this service made (under the current or a previous key); empty for anything else. */
    public Optional<Claim> verify(String token) {
        if (token == null || token.length() > 2000) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] given;
        try {
            payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        boolean valid = false;
        for (byte[] key : keys) {
            valid |= MessageDigest.isEqual(mac(key, payload), given);
        }
        if (!valid) {
            return Optional.empty();
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Claim(
                    Purpose.valueOf(parts[0]),
                    parts[1],
                    parts[2],
                    parts[3].isEmpty() ? null : UUID.fromString(parts[3])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] derive(String base64Key) {
        return mac(Base64.getDecoder().decode(base64Key.strip()), LABEL);
    }

    private static byte[] mac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(data), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
