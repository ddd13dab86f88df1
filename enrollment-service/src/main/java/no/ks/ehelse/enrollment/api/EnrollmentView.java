package no.ks.ehelse.enrollment.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import no.ks.ehelse.enrollment.domain.EnrollmentStatus;
import no.ks.ehelse.enrollment.domain.Enrollments;
import no.ks.ehelse.enrollment.domain.Plan;

/**
 * An enrollment, and as the answer to enrolling, the confirmation: the status (with the place in the waiting
 * list), and everything the municipality committed to: the track, its dates, meetings, prerequisites and leads.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnrollmentView(
        UUID id,
        String kommunenummer,
        UUID hostEnrollmentId,
        EnrollmentStatus status,
        Integer waitlistPosition,
        boolean late,
        String lateReason,
        Plan.Phase phase,
        List<String> prerequisitesDone,
        LocalDate wentLiveOn,
        OffsetDateTime enrolledAt,
        TrackView track,
        Plan.Member lead,
        Plan.Member deputy,
        String summary) {

    static EnrollmentView of(Enrollments.Placed p) {
        var e = p.enrollment();
        var t = p.track();
        return new EnrollmentView(
                e.id,
                e.kommunenummer,
                e.hostEnrollmentId,
                e.status,
                p.position(),
                e.lateReason != null,
                e.lateReason,
                e.phase,
                e.prerequisitesDone,
                e.wentLiveOn,
                e.queuedAt,
                TrackView.of(t),
                t.member(Plan.GroupRole.LEAD).orElse(null),
                t.member(Plan.GroupRole.DEPUTY).orElse(null),
                summary(p));
    }

    /** One sentence in Norwegian for the people of the municipality. */
    private static String summary(Enrollments.Placed p) {
        var t = p.track();
        String kickOff = t.kickOff == null ? "" : " Oppstart " + t.kickOff + ".";
        return switch (p.enrollment().status) {
            case CONFIRMED -> "Påmeldingen til " + t.name + " er bekreftet." + kickOff;
            case WAITLISTED ->
                "Innføringsløpet " + t.name + " er fullt. Kommunen står som nummer " + p.position()
                        + " på ventelisten og får beskjed når en plass blir ledig.";
            case LIVE -> "Kommunen har tatt i bruk løsningen (" + p.enrollment().wentLiveOn + ").";
            case COMPLETED -> "Innføringsløpet er fullført.";
            case WITHDRAWN -> "Påmeldingen er trukket.";
        };
    }
}
