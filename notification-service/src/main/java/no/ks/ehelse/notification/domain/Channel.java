package no.ks.ehelse.notification.domain;

/** How a notification reaches its recipient. Subscriptions choose EMAIL or WEBHOOK; the FEED is always written. */
public enum Channel {
    EMAIL,
    WEBHOOK,
    FEED
}
