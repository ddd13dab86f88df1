package no.ks.ehelse.notification.domain;

/** How often an e-mail recipient hears: each notification at once, or one digest a day with everything since. */
public enum Cadence {
    IMMEDIATE,
    DAILY_DIGEST
}
