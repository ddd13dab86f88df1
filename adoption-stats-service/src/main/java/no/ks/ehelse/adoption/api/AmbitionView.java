package no.ks.ehelse.adoption.api;

import java.time.OffsetDateTime;

import no.ks.ehelse.adoption.domain.AdoptionLevel;
import no.ks.ehelse.adoption.domain.Ambition;
import no.ks.ehelse.adoption.domain.Ambitions;

/**
 * An ambition against status: {@code target} municipalities (for a share, of those in scope now) at {@code level}
 * in its scope, how many reached that level now ({@code reachedNow}; {@code activeNow} counts only ACTIVE), the gap.
 */
public record AmbitionView(
        String solution,
        int year,
        Ambition.Scope scope,
        String scopeCode,
        AdoptionLevel level,
        long target,
        Double share,
        Integer outOf,
        String note,
        OffsetDateTime updatedAt,
        long municipalitiesInScope,
        long reachedNow,
        long activeNow,
        long remaining,
        double achieved) {

    static AmbitionView of(Ambition a, Ambitions.Status s) {
        long goal = s.goal();
        return new AmbitionView(
                a.solution,
                a.year,
                a.scope,
                a.scopeCode,
                a.level,
                goal,
                a.share,
                a.outOf,
                a.note,
                a.updatedAt,
                s.inScope(),
                s.reachedNow(),
                s.activeNow(),
                Math.max(0, goal - s.reachedNow()),
                goal == 0 ? 1.0 : Math.round(1000.0 * s.reachedNow() / goal) / 1000.0);
    }
}
