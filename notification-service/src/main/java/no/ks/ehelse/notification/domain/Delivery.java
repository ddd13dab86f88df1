package no.ks.ehelse.notification.domain;

/** A recipient's choice: each message at once, or one mail a day with everything since the last. */
public enum Delivery {
    IMMEDIATE, DAILY_DIGEST
}
