package no.ks.ehelse.enrollment.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import no.ks.ehelse.enrollment.domain.Enrollment;
import no.ks.ehelse.enrollment.domain.EnrollmentStatus;
import no.ks.ehelse.enrollment.domain.Plan;

/** An enrollment in a list (waiting lists are listed in their order). */
public record EnrollmentSummary(
        UUID id,
        UUID trackId,
        String kommunenummer,
        EnrollmentStatus status,
        boolean late,
        Plan.Phase phase,
        LocalDate wentLiveOn,
        OffsetDateTime enrolledAt) {

    static EnrollmentSummary of(Enrollment e) {
        return new EnrollmentSummary(
                e.id, e.trackId, e.kommunenummer, e.status, e.lateReason != null, e.phase, e.wentLiveOn, e.queuedAt);
    }
}
