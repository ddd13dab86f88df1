package no.ks.ehelse.enrollment.domain;

/** The life of a track: prepared, open for registration, closed for registration, running, and its ends. */
public enum TrackStatus {
    DRAFT,
    OPEN,
    REGISTRATION_CLOSED,
    RUNNING,
    COMPLETED,
    CANCELLED
}
