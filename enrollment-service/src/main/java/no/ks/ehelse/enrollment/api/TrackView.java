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

    /** Members' own addresses left out: the view for everyone but admins and leads (docs/security.md). */
    static TrackView of(Track t) {
        return of(t, false);
    }

    /**
     * The lead's and the deputy's addresses are the track's addresses for municipalities and are always shown; an
     * ordinary member's address is personal and shown only with {@code memberAddresses} (admins and leads).
     */
    static TrackView of(Track t, boolean memberAddresses) {
        List<Plan.Member> group = t.plan.workingGroup() == null
                ? null
                : t.plan.workingGroup().stream()
                        .map(m -> memberAddresses || m.role() != Plan.GroupRole.MEMBER
                                ? m
                                : new Plan.Member(m.role(), m.name(), null))
                        .toList();
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
                group);
    }
}
