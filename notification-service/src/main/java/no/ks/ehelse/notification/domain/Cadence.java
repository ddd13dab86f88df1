package no.ks.ehelse.notification.domain;

/**
 * How often an e-mail recipient hears: each notification at once, one digest a day or a week with everything
 * since, or not at all ({@code OFF}; never for a confirmation or a message the recipient must act on).
 */
public enum Cadence {
    IMMEDIATE,
    DAILY_DIGEST,
    WEEKLY_DIGEST,
    OFF;

    public boolean digest() {
        return this == DAILY_DIGEST || this == WEEKLY_DIGEST;
    }
}
