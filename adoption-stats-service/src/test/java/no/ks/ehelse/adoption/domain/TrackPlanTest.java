package no.ks.ehelse.adoption.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The plan against the calendar, by hand: Forankre og forberede 1–31 January, Gjennomføre from 1 February (its end
 * open, so the day before Avslutte og realisere starts: 31 March), Avslutte og realisere 1–30 April.
 */
class TrackPlanTest {

    private static final TrackPlan PLAN = new TrackPlan(List.of(
            new TrackProjection.PlannedPhase(
                    Phase.CLOSE_AND_REALISE, LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-30")),
            new TrackProjection.PlannedPhase(Phase.CARRY_OUT, LocalDate.parse("2026-02-01"), null),
            new TrackProjection.PlannedPhase(
                    Phase.ANCHOR_AND_PREPARE, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"))));

    private static final LocalDate ENROLLED = LocalDate.parse("2025-12-01");

    @Test
    void theStageOnADayFollowsThePhaseDatesAndAnOpenEndIsTheDayBeforeTheNextStart() {
        assertEquals(
                new TrackPlan.Today(TrackPlan.Stage.NOT_STARTED, null, LocalDate.parse("2026-03-31")),
                on("2025-12-31"));
        assertEquals(TrackPlan.Stage.ANCHOR_AND_PREPARE, on("2026-01-31").stage());
        assertEquals(
                new TrackPlan.Today(
                        TrackPlan.Stage.CARRY_OUT, LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-31")),
                on("2026-03-31"));
        assertEquals(TrackPlan.Stage.CLOSE_AND_REALISE, on("2026-04-30").stage());
        assertEquals(
                new TrackPlan.Today(
                        TrackPlan.Stage.FINISHED, LocalDate.parse("2026-05-01"), LocalDate.parse("2026-03-31")),
                on("2026-05-01"));
    }

    @Test
    void anEarlierPhaseThanThePlansIsBehindNamingThePhaseAndItsStart() {
        TrackPlan.Verdict v = judge(Phase.ANCHOR_AND_PREPARE, null, "2026-03-10");
        assertEquals(TrackPlan.Assessment.BEHIND, v.assessment());
        assertEquals(
                List.of(new TrackPlan.Reason(
                        TrackPlan.ReasonKind.PHASE_BEHIND, TrackPlan.Stage.CARRY_OUT, LocalDate.parse("2026-02-01"))),
                v.reasons());
        assertEquals(
                TrackPlan.Assessment.ON_PLAN,
                judge(Phase.CARRY_OUT, null, "2026-03-10").assessment());
        assertEquals(
                TrackPlan.Assessment.AHEAD,
                judge(Phase.CLOSE_AND_REALISE, null, "2026-03-10").assessment());
    }

    @Test
    void notLiveWhenGjennomforeHasEndedIsBehindWhateverThePhase() {
        TrackPlan.Verdict v = judge(Phase.CLOSE_AND_REALISE, null, "2026-04-01");
        assertEquals(
                List.of(new TrackPlan.Reason(
                        TrackPlan.ReasonKind.NOT_LIVE_BY_PLAN,
                        TrackPlan.Stage.CARRY_OUT,
                        LocalDate.parse("2026-03-31"))),
                v.reasons());
        assertEquals(
                List.of(TrackPlan.ReasonKind.PHASE_BEHIND, TrackPlan.ReasonKind.NOT_LIVE_BY_PLAN),
                judge(Phase.CARRY_OUT, null, "2026-06-01").reasons().stream()
                        .map(TrackPlan.Reason::kind)
                        .toList());
    }

    @Test
    void liveIsNeverBehindAndLiveBeforeEnrollingIsAlreadyLive() {
        assertEquals(
                TrackPlan.Assessment.LIVE,
                judge(Phase.ANCHOR_AND_PREPARE, "2026-03-01", "2026-06-01").assessment());
        assertEquals(
                TrackPlan.Assessment.ALREADY_LIVE,
                judge(Phase.ANCHOR_AND_PREPARE, "2020-01-01", "2026-06-01").assessment());
    }

    @Test
    void beforeThePlanStartsTheFirstPhaseIsOnPlanAndTheWaitingListIsNotJudged() {
        assertEquals(
                TrackPlan.Assessment.ON_PLAN,
                judge(Phase.ANCHOR_AND_PREPARE, null, "2025-12-15").assessment());
        assertEquals(
                TrackPlan.Assessment.WAITLISTED,
                PLAN.judge(
                                new TrackPlan.Position(Phase.ANCHOR_AND_PREPARE, true, ENROLLED, null),
                                LocalDate.parse("2026-06-01"))
                        .assessment());
    }

    @Test
    void aPlanWithoutPhasesNeverStartsAndJudgesNobodyBehind() {
        TrackPlan empty = new TrackPlan(List.of());
        assertEquals(
                new TrackPlan.Today(TrackPlan.Stage.NOT_STARTED, null, null), empty.on(LocalDate.parse("2026-06-01")));
        assertEquals(
                TrackPlan.Assessment.ON_PLAN,
                empty.judge(new TrackPlan.Position(null, false, ENROLLED, null), LocalDate.parse("2026-06-01"))
                        .assessment());
    }

    private static TrackPlan.Today on(String day) {
        return PLAN.on(LocalDate.parse(day));
    }

    private static TrackPlan.Verdict judge(Phase phase, String liveSince, String day) {
        return PLAN.judge(
                new TrackPlan.Position(phase, false, ENROLLED, liveSince == null ? null : LocalDate.parse(liveSince)),
                LocalDate.parse(day));
    }
}
