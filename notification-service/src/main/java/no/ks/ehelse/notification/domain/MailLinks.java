package no.ks.ehelse.notification.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * The links every mail carries that work without signing in: RFC 8058 one-click unsubscribe in the
 * {@code List-Unsubscribe} and {@code List-Unsubscribe-Post} headers, and the double opt-in confirmation. What an
 * unsubscribe turns off: for a message to a person, its kind for that address (for a kind that cannot be turned
 * off, and for a digest, every kind that can); for a subscription's message, the subscription. Absolute, on
 * {@code ehelse.notifications.links.pages} (https in production). Templates: {@code {inject:mailLinks.preferences}}.
 */
@ApplicationScoped
@Named("mailLinks")
public class MailLinks {

    public static final String UNSUBSCRIBE_PATH = "/varsler/avmelding";
    public static final String CONFIRM_PATH = "/varsler/abonnement/bekreft";
    public static final String PREFERENCES_PATH = "/varsler/innstillinger";

    private final LinkTokens tokens;
    private final String base;

    MailLinks(LinkTokens tokens, NotificationConfig config) {
        this.tokens = tokens;
        String pages = config.links().pages().strip();
        this.base = pages.endsWith("/") ? pages.substring(0, pages.length() - 1) : pages;
    }

    /** The unsubscribe link of one message's mail. */
    public String unsubscribe(Notification n) {
        String token = n.subscriptionId != null
                ? tokens.unsubscribe(n.recipient, n.subscriptionId)
                : tokens.unsubscribe(n.recipient, n.kind.fixed() ? LinkTokens.ALL_KINDS : n.kind.name());
        return link(UNSUBSCRIBE_PATH, token);
    }

    /** The unsubscribe link of a digest: it is about several kinds, so it turns off every kind that can be. */
    public String unsubscribeDigest(String address) {
        return link(UNSUBSCRIBE_PATH, tokens.unsubscribe(address, LinkTokens.ALL_KINDS));
    }

    public String confirm(Notification n) {
        return link(CONFIRM_PATH, tokens.confirm(n.recipient, n.subscriptionId));
    }

    public String preferences() {
        return base + PREFERENCES_PATH;
    }

    /** RFC 8058: an https link (in production; the base URL is configured) and the one-click POST marker. */
    public static Map<String, String> headers(String unsubscribeUrl) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribeUrl + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return headers;
    }

    private String link(String path, String token) {
        return base + path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
