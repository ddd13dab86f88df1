package no.ks.ehelse.adoption.api;

import java.time.OffsetDateTime;

import no.ks.ehelse.adoption.domain.Ambition;

/** An ambition against status: the target, how many municipalities have the solution ACTIVE now, the gap. */
public record AmbitionView(
        String solution,
        int year,
        int target,
        String note,
        OffsetDateTime updatedAt,
        long activeNow,
        long remaining,
        double achieved) {

    static AmbitionView of(Ambition a, long activeNow) {
        return new AmbitionView(
                a.solution,
                a.year,
                a.target,
                a.note,
                a.updatedAt,
                activeNow,
                Math.max(0, a.target - activeNow),
                a.target == 0 ? 1.0 : Math.round(1000.0 * activeNow / a.target) / 1000.0);
    }
}
