package no.ks.ehelse.notification.domain;

/** Builds the guard with explicit settings for unit tests (its constructor is package-private). */
public final class WebhookEndpointsAccess {

    private WebhookEndpointsAccess() {
    }

    public static WebhookEndpoints production() {
        return new WebhookEndpoints(true, false);
    }

    public static WebhookEndpoints forTests() {
        return new WebhookEndpoints(false, true);
    }
}
