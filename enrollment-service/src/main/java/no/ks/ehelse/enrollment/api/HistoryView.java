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

    static HistoryView of(HistoryEntry h) {
        return new HistoryView(h.at, h.actor, h.action, h.fromStatus, h.toStatus, h.reason);
    }
}
