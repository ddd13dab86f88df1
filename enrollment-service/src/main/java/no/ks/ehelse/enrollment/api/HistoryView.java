package no.ks.ehelse.enrollment.api;

import java.time.OffsetDateTime;

import no.ks.ehelse.enrollment.domain.EnrollmentStatus;
import no.ks.ehelse.enrollment.domain.HistoryEntry;

public record HistoryView(
        OffsetDateTime at,
        String actor,
        String action,
        EnrollmentStatus fromStatus,
        EnrollmentStatus toStatus,
        String reason) {

    /** Without {@code actorsShown} the actor is the role they acted in, not their name (docs/security.md). */
    static HistoryView of(HistoryEntry h, boolean actorsShown) {
        String actor = actorsShown ? h.actor : h.actorRole == null ? "unknown" : h.actorRole;
        return new HistoryView(h.at, actor, h.action, h.fromStatus, h.toStatus, h.reason);
    }
}
