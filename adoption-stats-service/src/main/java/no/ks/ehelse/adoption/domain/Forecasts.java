package no.ks.ehelse.adoption.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.answers.Answer;
import no.ks.ehelse.platform.answers.KeptAnswers;

/**
 * "When are we done?": per solution, the month the year's ambition, the enrolled municipalities and all
 * municipalities are projected to be reached, from the rate observed over the last complete months (docs/dashboards.md,
 * "Forecast method"): the least-squares trend of the month-end counts, with a range from the slowest and the fastest
 * month of the window.
 */
@ApplicationScoped
public class Forecasts {

    public enum Target {
        AMBITION,
        ENROLLED,
        ALL
    }

    /** A month-end count of municipalities at the level and the net change from the month before. */
    public record Observed(String month, long reached, long change) {}

    /** The observed pace: trend and range in municipalities per month, and whether there is enough to project. */
    public record Pace(
            List<Observed> observed,
            int monthsWithWentLives,
            boolean enoughData,
            Double perMonth,
            Double low,
            Double high) {}

    /**
     * When one target is projected to be reached: {@code goal} municipalities at {@code level}; {@code projectedMonth}
     * at the trend, {@code earliestMonth} at the fastest month's pace, {@code latestMonth} at the slowest (null when
     * that pace is zero: never at that pace). All null when reached already or when there is not enough data.
     */
    public record Projection(
            Target target,
            AdoptionLevel level,
            Long goal,
            long reachedNow,
            boolean reached,
            String projectedMonth,
            String earliestMonth,
            String latestMonth,
            String basis) {}

    public record Forecast(
            String solution,
            LocalDate asOf,
            OffsetDateTime knownAt,
            int windowMonths,
            int minMonthsWithWentLives,
            Pace active,
            List<Projection> projections)
            implements Answer {}

    private final Figures figures;
    private final Ambitions ambitions;
    private final ForecastConfig config;
    private final EntityManager em;
    private final KeptAnswers kept;

    Forecasts(Figures figures, Ambitions ambitions, ForecastConfig config, EntityManager em, KeptAnswers kept) {
        this.figures = figures;
        this.ambitions = ambitions;
        this.config = config;
        this.em = em;
        this.kept = kept;
    }

    public int windowMonths() {
        return config.windowMonths();
    }

    /** The forecast as the suite could have made it at {@code knownAt} (now by default), from today. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Forecast of(String solution, OffsetDateTime knownAt) {
        // Not by asKnownAt: the ambition and the enrolled municipalities are not versioned by arrival.
        return kept.answer(
                "forecast",
                solution,
                java.util.Arrays.asList(knownAt),
                f -> 1 + f.active().observed().size() + f.projections().size(),
                () -> compute(solution, knownAt));
    }

    private Forecast compute(String solution, OffsetDateTime knownAt) {
        Figures.requireSolution(solution);
        OffsetDateTime known = knownAt == null ? figures.now() : knownAt;
        // A forecast as known at a past moment is the one that could have been made then: from that day.
        LocalDate today = figures.today();
        if (knownAt != null) {
            LocalDate then =
                    knownAt.withOffsetSameInstant(java.time.ZoneOffset.UTC).toLocalDate();
            today = then.isBefore(today) ? then : today;
        }
        YearMonth current = YearMonth.from(today);
        int window = config.windowMonths();
        Figures.Snapshot now = figures.snapshot(solution, today, known);
        // The series with the caller's knownAt (null: now), so they are kept under the same keys as any other reader's.
        Pace active = pace(solution, AdoptionLevel.ACTIVE, current, knownAt);
        long activeNow = count(now, AdoptionLevel.ACTIVE, null);
        List<Projection> projections = new ArrayList<>();

        Optional<Ambition> ambition = ambitions.find(solution, today.getYear());
        if (ambition.isPresent()) {
            Ambition a = ambition.get();
            Pace pace = a.level == AdoptionLevel.ACTIVE ? active : pace(solution, a.level, current, knownAt);
            long reached = count(now, a.level, null);
            projections.add(project(
                    Target.AMBITION,
                    a.level,
                    a.goal(now.members().size()),
                    reached,
                    pace,
                    current,
                    "the national ambition for " + a.year));
        } else {
            projections.add(new Projection(
                    Target.AMBITION,
                    AdoptionLevel.ACTIVE,
                    null,
                    activeNow,
                    false,
                    null,
                    null,
                    null,
                    "no national ambition is set for " + today.getYear()));
        }
        List<String> enrolled = enrolled(solution);
        long enrolledActive = count(now, AdoptionLevel.ACTIVE, enrolled);
        projections.add(project(
                Target.ENROLLED,
                AdoptionLevel.ACTIVE,
                enrolled.size(),
                enrolledActive,
                active,
                current,
                "the municipalities enrolled in the solution's tracks (not withdrawn), at the national pace"));
        projections.add(project(
                Target.ALL,
                AdoptionLevel.ACTIVE,
                now.members().size(),
                activeNow,
                active,
                current,
                "every municipality valid today"));
        return new Forecast(solution, today, known, window, config.minMonthsWithWentLives(), active, projections);
    }

    /** The month-end counts of the window's months (and the month before, to measure the first month's change). */
    Pace pace(String solution, AdoptionLevel level, YearMonth current, OffsetDateTime known) {
        int window = config.windowMonths();
        Figures.Series series = figures.series(
                solution,
                current.minusMonths(window + 1L),
                current.minusMonths(1),
                AdoptionQueries.GroupBy.NATION,
                level,
                known);
        List<Long> counts =
                series.points().stream().map(Figures.SeriesPoint::reached).toList();
        List<String> months =
                series.points().stream().map(Figures.SeriesPoint::month).toList();
        return pace(months, counts, config.minMonthsWithWentLives());
    }

    /** Pure: the pace of month-end counts {@code c0..cN}, N months of changes. */
    static Pace pace(List<String> months, List<Long> counts, int minMonths) {
        List<Observed> observed = new ArrayList<>();
        int withWentLives = 0;
        long low = Long.MAX_VALUE;
        long high = Long.MIN_VALUE;
        for (int i = 1; i < counts.size(); i++) {
            long change = counts.get(i) - counts.get(i - 1);
            observed.add(new Observed(months.get(i), counts.get(i), change));
            if (change > 0) {
                withWentLives++;
            }
            low = Math.min(low, change);
            high = Math.max(high, change);
        }
        boolean enough = withWentLives >= minMonths && counts.size() > 1;
        if (!enough) {
            return new Pace(observed, withWentLives, false, null, null, null);
        }
        return new Pace(observed, withWentLives, true, round(slope(counts)), (double) Math.max(0, low), (double) high);
    }

    /** Least-squares slope of the counts against their month index. */
    static double slope(List<Long> counts) {
        int n = counts.size();
        double meanX = (n - 1) / 2.0;
        double meanY = counts.stream().mapToLong(Long::longValue).average().orElse(0);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (i - meanX) * (counts.get(i) - meanY);
            den += (i - meanX) * (i - meanX);
        }
        return den == 0 ? 0 : num / den;
    }

    static Projection project(
            Target target,
            AdoptionLevel level,
            long goal,
            long reachedNow,
            Pace pace,
            YearMonth current,
            String basis) {
        if (reachedNow >= goal) {
            return new Projection(target, level, goal, reachedNow, true, null, null, null, basis);
        }
        if (!pace.enoughData()) {
            return new Projection(target, level, goal, reachedNow, false, null, null, null, basis);
        }
        long remaining = goal - reachedNow;
        return new Projection(
                target,
                level,
                goal,
                reachedNow,
                false,
                month(current, remaining, pace.perMonth()),
                month(current, remaining, pace.high()),
                month(current, remaining, pace.low()),
                basis);
    }

    /** The month {@code remaining} more are reached at {@code perMonth} from the current one; null at no pace. */
    static String month(YearMonth current, long remaining, Double perMonth) {
        if (perMonth == null || perMonth <= 0) {
            return null;
        }
        long months = (long) Math.ceil(remaining / perMonth - 1e-9);
        return current.plusMonths(months).toString();
    }

    private static long count(Figures.Snapshot s, AdoptionLevel level, List<String> only) {
        return s.members().stream()
                .filter(m -> only == null || only.contains(m.kommunenummer()))
                .filter(m -> s.levelOf(m.kommunenummer()).reaches(level))
                .count();
    }

    @SuppressWarnings("unchecked")
    private List<String> enrolled(String solution) {
        return em.createNativeQuery("SELECT DISTINCT kommunenummer FROM enrollment "
                        + "WHERE solution = :s AND status <> 'WITHDRAWN' ORDER BY 1")
                .setParameter("s", solution)
                .getResultList();
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
