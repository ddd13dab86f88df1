package no.ks.ehelse.enrollment.domain;

import java.time.LocalDate;

import no.ks.ehelse.platform.api.ProblemException;

/**
 * Whether a track takes an enrollment today: an OPEN track between {@code registrationOpens} and
 * {@code registrationDeadline} does; after the deadline only the track's lead, an admin or the municipality's
 * network may, with a reason
 * (a late enrollment); otherwise the refusal says why (closed on, opens on, or the track's status).
 */
public final class RegistrationWindow {

    /** How an enrollment the window admits came in. */
    public enum Admission {
        ON_TIME,
        LATE
    }

    private RegistrationWindow() {}

    /** An OPEN track on a day from {@code registrationOpens} (if set) to {@code registrationDeadline}, inclusive. */
    public static boolean isOpen(Track track, LocalDate today) {
        return track.status == TrackStatus.OPEN
                && (track.registrationOpens == null || !today.isBefore(track.registrationOpens))
                && !today.isAfter(track.registrationDeadline);
    }

    /**
     * Whether a track closed only by its deadline (OPEN, REGISTRATION_CLOSED or RUNNING, and the deadline passed)
     * still takes a late enrollment from its lead, an admin or the municipality's network, given a reason.
     */
    public static boolean takesLate(Track track, LocalDate today) {
        return (track.status == TrackStatus.OPEN
                        || track.status == TrackStatus.REGISTRATION_CLOSED
                        || track.status == TrackStatus.RUNNING)
                && today.isAfter(track.registrationDeadline);
    }

    /**
     * ON_TIME or LATE, or the refusal as a 409 problem: {@code registration-closed} (with the deadline),
     * {@code registration-not-open} (with the opening day) or {@code track-not-open}.
     */
    public static Admission admit(Track track, LocalDate today, boolean manager, String lateReason) {
        if (isOpen(track, today)) {
            return Admission.ON_TIME;
        }
        if (takesLate(track, today)) {
            if (manager && lateReason != null && !lateReason.isBlank()) {
                return Admission.LATE;
            }
            throw ProblemException.conflict(
                            "registration-closed",
                            "Registration for " + track.name + " closed on "
                                    + track.registrationDeadline
                                    + (manager
                                            ? "; give a lateReason to register the municipality late"
                                            : "; contact the track's lead"))
                    .with("registrationDeadline", track.registrationDeadline);
        }
        if (track.status == TrackStatus.OPEN) {
            throw ProblemException.conflict(
                            "registration-not-open",
                            "Registration for " + track.name + " opens on " + track.registrationOpens)
                    .with("registrationOpens", track.registrationOpens);
        }
        throw ProblemException.conflict(
                "track-not-open", track.name + " does not take enrollments (status " + track.status + ")");
    }
}
