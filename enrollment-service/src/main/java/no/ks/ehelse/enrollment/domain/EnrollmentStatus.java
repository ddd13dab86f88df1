package no.ks.ehelse.enrollment.domain;

/**
 * CONFIRMED or WAITLISTED on enrollment; WAITLISTED → CONFIRMED when a place frees; CONFIRMED → LIVE when the
 * municipality went live; LIVE → COMPLETED; CONFIRMED or WAITLISTED → WITHDRAWN. See docs/enrollment.md.
 */
public enum EnrollmentStatus {
    CONFIRMED,
    WAITLISTED,
    LIVE,
    COMPLETED,
    WITHDRAWN;

    /** Holds one of the track's places. */
    public boolean occupiesPlace() {
        return this == CONFIRMED || this == LIVE || this == COMPLETED;
    }
}
