package no.ks.ehelse.notification.domain;

/**
 * An e-mail subscription to an address other than the subscriber's own waits for that address to confirm (double
 * opt-in) and is told nothing until then; webhook and feed subscriptions are active at once.
 */
public enum SubscriptionStatus {
    PENDING_CONFIRMATION,
    ACTIVE
}
