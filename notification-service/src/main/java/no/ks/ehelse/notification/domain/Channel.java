package no.ks.ehelse.notification.domain;

/** How a subscriber is reached. */
public enum Channel {
    EMAIL, WEBHOOK
}
