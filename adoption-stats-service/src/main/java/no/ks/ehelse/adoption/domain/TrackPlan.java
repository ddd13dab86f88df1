package no.ks.ehelse.adoption.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A track's plan against the calendar (pure): which stage the plan puts its municipalities in on a day, and how one
 * municipality stands against it. A phase without a start starts the day after the previous one ends, a phase
 * without an end ends the day before the next one starts. The municipality should be live (NHN ACTIVE) when
 * Gjennomføre (CARRY_OUT) ends: that is the phase in which it is taken into use.
 */
public final class TrackPlan {

    /** Where the plan puts the track's municipalities: before the first phase, in a phase, or after the last. */
    public enum Stage {
        NOT_STARTED,
        ANCHOR_AND_PREPARE,
        CARRY_OUT,
        CLOSE_AND_REALISE,
        FINISHED;

        static Stage of(Phase phase) {
            return phase == null ? NOT_STARTED : valueOf(phase.name());
        }
    }

    /** How a municipality stands against the plan. */
    public enum Assessment {
        /** NHN reports it live from before it enrolled. */
        ALREADY_LIVE,
        LIVE,
        AHEAD,
        ON_PLAN,
        BEHIND,
        /** Not yet given a place in the track. */
        WAITLISTED
    }

    /** Why a municipality is behind. */
    public enum ReasonKind {
        /** It is in an earlier phase than the plan says ({@code expected}, since {@code date}). */
        PHASE_BEHIND,
        /** Gjennomføre ended on {@code date} and NHN does not report it ACTIVE. */
        NOT_LIVE_BY_PLAN
    }

    public record Reason(ReasonKind kind, Stage expected, LocalDate date) {}

    /** The plan on a day: its stage, the day that stage began (null before the first phase), the live-by date. */
    public record Today(Stage stage, LocalDate since, LocalDate liveBy) {}

    /**
     * A municipality in the track: its enrollment's phase (null when the plan has none), whether it waits for a
     * place, the day it enrolled and the day it went live (null when not live).
     */
    public record Position(Phase phase, boolean waitlisted, LocalDate enrolledOn, LocalDate liveSince) {}

    public record Verdict(Assessment assessment, List<Reason> reasons) {}

    private record Span(Phase phase, LocalDate starts, LocalDate ends) {}

    private final List<Span> spans;

    public TrackPlan(List<TrackProjection.PlannedPhase> phases) {
        List<TrackProjection.PlannedPhase> ordered = phases.stream()
                .sorted(Comparator.comparing(TrackProjection.PlannedPhase::phase))
                .toList();
        List<Span> resolved = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            TrackProjection.PlannedPhase p = ordered.get(i);
            LocalDate starts = p.starts();
            if (starts == null && i > 0 && ordered.get(i - 1).ends() != null) {
                starts = ordered.get(i - 1).ends().plusDays(1);
            }
            LocalDate ends = p.ends();
            if (ends == null && i + 1 < ordered.size() && ordered.get(i + 1).starts() != null) {
                ends = ordered.get(i + 1).starts().minusDays(1);
            }
            resolved.add(new Span(p.phase(), starts, ends));
        }
        this.spans = List.copyOf(resolved);
    }

    /** The stage the plan puts the municipalities in on {@code day}. */
    public Today on(LocalDate day) {
        Stage stage = Stage.NOT_STARTED;
        LocalDate since = null;
        for (Span s : spans) {
            if (s.starts() != null && !day.isBefore(s.starts())) {
                stage = Stage.of(s.phase());
                since = s.starts();
            }
        }
        if (!spans.isEmpty()) {
            Span last = spans.get(spans.size() - 1);
            if (stage == Stage.of(last.phase()) && last.ends() != null && day.isAfter(last.ends())) {
                stage = Stage.FINISHED;
                since = last.ends().plusDays(1);
            }
        }
        return new Today(stage, since, liveBy());
    }

    /** The end of Gjennomføre, by when the municipalities should be live; null when the plan does not say. */
    public LocalDate liveBy() {
        return spans.stream()
                .filter(s -> s.phase() == Phase.CARRY_OUT)
                .map(Span::ends)
                .findFirst()
                .orElse(null);
    }

    /**
     * How a municipality stands on {@code day}. Live counts as done, whatever phase its enrollment still shows; one
     * not live is behind when Gjennomføre has ended, or when the plan has moved on to a later phase than its own.
     */
    public Verdict judge(Position p, LocalDate day) {
        if (p.waitlisted()) {
            return new Verdict(Assessment.WAITLISTED, List.of());
        }
        if (p.liveSince() != null) {
            boolean before = p.enrolledOn() != null && p.liveSince().isBefore(p.enrolledOn());
            return new Verdict(before ? Assessment.ALREADY_LIVE : Assessment.LIVE, List.of());
        }
        Today today = on(day);
        List<Reason> reasons = new ArrayList<>();
        Stage actual = Stage.of(p.phase());
        Stage expected = today.stage() == Stage.FINISHED ? Stage.CLOSE_AND_REALISE : today.stage();
        if (p.phase() != null && actual.compareTo(expected) < 0) {
            reasons.add(new Reason(ReasonKind.PHASE_BEHIND, expected, sinceOf(expected)));
        }
        if (today.liveBy() != null && day.isAfter(today.liveBy())) {
            reasons.add(new Reason(ReasonKind.NOT_LIVE_BY_PLAN, Stage.CARRY_OUT, today.liveBy()));
        }
        if (!reasons.isEmpty()) {
            return new Verdict(Assessment.BEHIND, List.copyOf(reasons));
        }
        // Enrolling puts a municipality in the first phase at once, before the plan starts: that is not ahead.
        boolean ahead = expected != Stage.NOT_STARTED && actual.compareTo(expected) > 0;
        return new Verdict(ahead ? Assessment.AHEAD : Assessment.ON_PLAN, List.of());
    }

    private LocalDate sinceOf(Stage stage) {
        return spans.stream()
                .filter(s -> Stage.of(s.phase()) == stage)
                .map(Span::starts)
                .findFirst()
                .orElse(null);
    }
}
