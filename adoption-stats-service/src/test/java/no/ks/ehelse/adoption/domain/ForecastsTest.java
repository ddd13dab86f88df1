package no.ks.ehelse.adoption.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The forecast method on month-end counts whose answers are worked out by hand in the comments. */
class ForecastsTest {

    private static final List<String> MONTHS =
            List.of("2023-12", "2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06");

    @Test
    void aSteadyPaceProjectsExactlyWithANarrowRange() {
        // 2 a month for six months: slope 2, every change 2, so low = high = 2.
        Forecasts.Pace pace = Forecasts.pace(MONTHS, List.of(10L, 12L, 14L, 16L, 18L, 20L, 22L), 3);
        assertTrue(pace.enoughData());
        assertEquals(2.0, pace.perMonth());
        assertEquals(2.0, pace.low());
        assertEquals(2.0, pace.high());
        // 30 to go from July at 2 a month: 15 months → October 2025.
        Forecasts.Projection p = Forecasts.project(
                Forecasts.Target.ALL, AdoptionLevel.ACTIVE, 52, 22, pace, YearMonth.of(2024, 7), "test");
        assertEquals("2025-10", p.projectedMonth());
        assertEquals("2025-10", p.earliestMonth());
        assertEquals("2025-10", p.latestMonth());
    }

    @Test
    void anUnevenPaceGivesTheTrendAndARangeFromTheSlowestAndFastestMonth() {
        // Counts 0 1 2 3 4 4 4: slope Σ(x−3)y / Σ(x−3)² = 20/28 = 0.714; changes 1 1 1 1 0 0.
        Forecasts.Pace pace = Forecasts.pace(MONTHS, List.of(0L, 1L, 2L, 3L, 4L, 4L, 4L), 3);
        assertEquals(0.71, pace.perMonth());
        assertEquals(0.0, pace.low());
        assertEquals(1.0, pace.high());
        assertEquals(4, pace.monthsWithWentLives());
        Forecasts.Projection p = Forecasts.project(
                Forecasts.Target.ALL, AdoptionLevel.ACTIVE, 5, 4, pace, YearMonth.of(2024, 7), "test");
        assertEquals("2024-09", p.projectedMonth()); // ⌈1 / 0.71⌉ = 2
        assertEquals("2024-08", p.earliestMonth()); // ⌈1 / 1⌉ = 1
        assertNull(p.latestMonth()); // never at 0 a month
    }

    @Test
    void fewerMonthsWithWentLivesThanTheMinimumIsNotEnoughData() {
        Forecasts.Pace pace = Forecasts.pace(MONTHS, List.of(0L, 0L, 0L, 1L, 1L, 2L, 2L), 3);
        assertFalse(pace.enoughData());
        assertEquals(2, pace.monthsWithWentLives());
        Forecasts.Projection p = Forecasts.project(
                Forecasts.Target.ALL, AdoptionLevel.ACTIVE, 10, 2, pace, YearMonth.of(2024, 7), "test");
        assertFalse(p.reached());
        assertNull(p.projectedMonth());
    }

    @Test
    void aTargetReachedAlreadySaysSoWhateverThePace() {
        Forecasts.Pace pace = Forecasts.pace(MONTHS, List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L), 3);
        Forecasts.Projection p = Forecasts.project(
                Forecasts.Target.AMBITION, AdoptionLevel.TECHNICALLY_READY, 3, 3, pace, YearMonth.of(2024, 7), "t");
        assertTrue(p.reached());
        assertNull(p.projectedMonth());
    }

    @Test
    void aDiscontinuationCountsAsANetChangeAndTheSlowestMonthIsNeverBelowZero() {
        Forecasts.Pace pace = Forecasts.pace(MONTHS, List.of(0L, 2L, 1L, 3L, 5L, 5L, 7L), 3);
        assertEquals(-1, pace.observed().get(1).change());
        assertEquals(0.0, pace.low());
        assertEquals(2.0, pace.high());
    }
}
