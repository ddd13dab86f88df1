package no.ks.ehelse.enrollment.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import no.ks.ehelse.enrollment.domain.Plan;
import no.ks.ehelse.enrollment.domain.Track;
import no.ks.ehelse.enrollment.domain.TrackStatus;

public record TrackView(
        UUID id,
        String solution,
        String name,
        String cohort,
        String vendor,
        String description,
        Integer capacity,
        LocalDate registrationOpens,
        LocalDate registrationDeadline,
        LocalDate kickOff,
        LocalDate closing,
        TrackStatus status,
        List<Plan.PhasePlan> phases,
        List<Plan.Milestone> milestones,
        List<Plan.Prerequisite> prerequisites,
        List<Plan.Member> workingGroup) {

    static TrackView of(Track t) {
        return new TrackView(
                t.id,
                t.solution,
                t.name,
                t.cohort,
                t.vendor,
                t.description,
                t.capacity,
                t.registrationOpens,
                t.registrationDeadline,
                t.kickOff,
                t.closing,
                t.status,
                t.plan.phases(),
                t.plan.milestones(),
                t.plan.prerequisites(),
                t.plan.workingGroup());
    }
}
