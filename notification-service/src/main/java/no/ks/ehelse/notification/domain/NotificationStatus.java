package no.ks.ehelse.notification.domain;

/**
 * PENDING (waiting for its first try or its digest), SENT, RETRYING (a try failed; another is scheduled), FAILED
 * (given up, or cannot be sent at all: no address, a template error, an endpoint gone), SKIPPED (the reason to
 * send no longer held at send time, e.g. the municipality enrolled after a reminder was planned).
 */
public enum NotificationStatus {
    PENDING,
    SENT,
    RETRYING,
    FAILED,
    SKIPPED
}
