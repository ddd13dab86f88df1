package no.ks.ehelse.enrollment.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import no.ks.ehelse.enrollment.domain.Enrollment;
import no.ks.ehelse.enrollment.domain.EnrollmentStatus;
import no.ks.ehelse.enrollment.domain.Plan;

/** An enrollment in a list (waiting lists are listed in their order). */
public record EnrollmentSummary(
        UUID id,
        UUID trackId,
        String kommunenummer,
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID hostEnrollmentId,
        EnrollmentStatus status,
        boolean late,
        Plan.Phase phase,
        LocalDate wentLiveOn,
        OffsetDateTime enrolledAt) {

    static EnrollmentSummary of(Enrollment e) {
        return new EnrollmentSummary(
                e.id,
                e.trackId,
                e.kommunenummer,
                e.hostEnrollmentId,
                e.status,
                e.lateReason != null,
                e.phase,
                e.wentLiveOn,
                e.queuedAt);
    }
}
