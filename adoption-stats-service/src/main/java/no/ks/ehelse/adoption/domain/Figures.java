package no.ks.ehelse.adoption.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.ks.ehelse.adoption.domain.AdoptionQueries.GroupBy;
import no.ks.ehelse.platform.answers.Answer;
import no.ks.ehelse.platform.answers.KeptAnswers;
import no.ks.ehelse.platform.api.ProblemException;

/**
 * Figures over time, reproducible: every figure is for a day (valid time, {@code asOf}) as the suite knew it at a
 * moment (transaction time, {@code knownAt}: only reports received by then count). A figure asked again later with
 * the same two answers the same, whatever corrections NHN sent since.
 */
@ApplicationScoped
public class Figures {

    /** The longest series answered in one request: ten years of months. */
    public static final int MAX_MONTHS = 120;

    /** The two times a figure is for, the municipalities counted and what was approximated for them. */
    public record Basis(LocalDate asOf, OffsetDateTime knownAt, long municipalities, List<String> approximations) {}

    /** The municipalities valid on the day and their levels as known at the moment. */
    public record Snapshot(Basis basis, List<Timeline.Member> members, Map<String, AdoptionLevel> levels) {

        public AdoptionLevel levelOf(String kommunenummer) {
            return levels.getOrDefault(kommunenummer, AdoptionLevel.NONE);
        }
    }

    public record SeriesPoint(
            String month,
            LocalDate asOf,
            String group,
            long municipalities,
            long reached,
            Map<AdoptionLevel, Long> byLevel,
            long inhabitantsReached,
            long inhabitants) {}

    public record Series(
            String solution,
            AdoptionLevel level,
            GroupBy groupBy,
            String from,
            String to,
            OffsetDateTime knownAt,
            List<String> approximations,
            List<SeriesPoint> points)
            implements Answer {}

    private final EntityManager em;
    private final Clock clock;
    private final KeptAnswers kept;

    Figures(EntityManager em, Clock clock, KeptAnswers kept) {
        this.em = em;
        this.clock = clock;
        this.kept = kept;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /**
     * Without {@code asOf} and {@code knownAt}: the current municipalities and the held status (the fast path the
     * dashboards use). With either: the municipalities valid on {@code asOf} (today by default) and the reports
     * effective by then that had arrived by {@code knownAt} (now by default).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Snapshot snapshot(String solution, LocalDate asOf, OffsetDateTime knownAt) {
        if (asOf == null && knownAt == null) {
            Map<String, AdoptionLevel> levels = new HashMap<>();
            for (AdoptionStatus s : AdoptionStatus.<AdoptionStatus>list("solution", solution)) {
                levels.put(s.kommunenummer, s.status);
            }
            List<Timeline.Member> members = timeline().on(null).members();
            return new Snapshot(new Basis(null, now(), members.size(), List.of()), members, levels);
        }
        LocalDate day = asOf == null ? today() : asOf;
        OffsetDateTime known = knownAt == null ? now() : knownAt;
        Timeline.MunicipalitySet set = timeline().on(day);
        Timeline.Sweep sweep = new Timeline.Sweep(rows(solution, day, known));
        sweep.advanceTo(day);
        Map<String, AdoptionLevel> levels = new HashMap<>();
        for (Timeline.Member m : set.members()) {
            levels.put(m.kommunenummer(), sweep.levelOf(m));
        }
        return new Snapshot(new Basis(day, known, set.members().size(), set.approximations()), set.members(), levels);
    }

    /**
     * Per month from {@code from} to {@code to}, each month as of its last day (today for the current month): the
     * municipalities valid then, per group, how many reached {@code level} and the inhabitants living there.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Series series(
            String solution, YearMonth from, YearMonth to, GroupBy by, AdoptionLevel level, OffsetDateTime knownAt) {
        return kept.asKnownAt(
                "series",
                solution,
                knownAt,
                java.util.Arrays.asList(from, to, by, level, knownAt),
                s -> s.points().size(),
                () -> computeSeries(solution, from, to, by, level, knownAt));
    }

    private Series computeSeries(
            String solution, YearMonth from, YearMonth to, GroupBy by, AdoptionLevel level, OffsetDateTime knownAt) {
        requireSolution(solution);
        YearMonth current = YearMonth.from(today());
        YearMonth last = to == null ? current : to;
        if (last.isAfter(current)) {
            throw ProblemException.invalidField("to", "must be the current month (" + current + ") or earlier");
        }
        if (from.isAfter(last)) {
            throw ProblemException.invalidField("from", "must be " + last + " or earlier (from ≤ to)");
        }
        if (from.plusMonths(MAX_MONTHS - 1).isBefore(last)) {
            throw ProblemException.invalidField("from", "a series spans at most " + MAX_MONTHS + " months");
        }
        OffsetDateTime known = knownAt == null ? now() : knownAt;
        Timeline timeline = timeline();
        Timeline.Sweep sweep = new Timeline.Sweep(rows(solution, dayOf(last), known));
        List<SeriesPoint> points = new ArrayList<>();
        java.util.Set<String> approximations = new java.util.TreeSet<>();
        for (YearMonth month = from; !month.isAfter(last); month = month.plusMonths(1)) {
            LocalDate day = dayOf(month);
            sweep.advanceTo(day);
            Timeline.MunicipalitySet set = timeline.on(day);
            approximations.addAll(set.approximations());
            Map<String, long[]> counts = new TreeMap<>();
            Map<String, Map<AdoptionLevel, Long>> byLevel = new HashMap<>();
            for (Timeline.Member m : set.members()) {
                String group = String.valueOf(by.key.apply(m));
                AdoptionLevel l = sweep.levelOf(m);
                long population = m.population() == null ? 0 : m.population();
                long[] c = counts.computeIfAbsent(group, g -> new long[4]);
                c[0]++;
                c[3] += population;
                if (l.reaches(level)) {
                    c[1]++;
                    c[2] += population;
                }
                byLevel.computeIfAbsent(group, g -> zeroes()).merge(l, 1L, Long::sum);
            }
            String label = month.toString();
            counts.forEach((group, c) ->
                    points.add(new SeriesPoint(label, day, group, c[0], c[1], byLevel.get(group), c[2], c[3])));
        }
        return new Series(
                solution, level, by, from.toString(), last.toString(), known, List.copyOf(approximations), points);
    }

    /** A month's figure is for its last day, the current month's for today. */
    LocalDate dayOf(YearMonth month) {
        LocalDate today = today();
        LocalDate end = month.atEndOfMonth();
        return end.isAfter(today) ? today : end;
    }

    /** Every municipality number the registry announced, current and former. */
    @SuppressWarnings("unchecked")
    Timeline timeline() {
        List<Object[]> rows = em.createNativeQuery("SELECT kommunenummer, name, county, network, health_region, "
                        + "population, valid_from, valid_to, successors FROM municipality")
                .getResultList();
        List<Timeline.Member> members = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            members.add(new Timeline.Member(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    r[5] == null ? null : ((Number) r[5]).intValue(),
                    toDate(r[6]),
                    toDate(r[7]),
                    toList(r[8])));
        }
        return new Timeline(members);
    }

    /** The status reports of a solution effective by {@code day} that had arrived by {@code knownAt}. */
    @SuppressWarnings("unchecked")
    List<Timeline.Row> rows(String solution, LocalDate day, OffsetDateTime knownAt) {
        List<Object[]> rows = em.createNativeQuery("SELECT kommunenummer, reported_kommunenummer, status, "
                        + "effective_date, id, received_at FROM status_report WHERE solution = :s "
                        + "AND effective_date <= :d AND received_at <= :k ORDER BY effective_date, id")
                .setParameter("s", solution)
                .setParameter("d", day)
                .setParameter("k", knownAt)
                .getResultList();
        List<Timeline.Row> result = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            result.add(new Timeline.Row(
                    (String) r[0],
                    (String) r[1],
                    AdoptionLevel.valueOf((String) r[2]),
                    toDate(r[3]),
                    ((Number) r[4]).longValue(),
                    toTime(r[5])));
        }
        return result;
    }

    private static LocalDate toDate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        return ((java.sql.Date) value).toLocalDate();
    }

    private static OffsetDateTime toTime(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    private static List<String> toList(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String[] a) {
            return List.of(a);
        }
        if (value instanceof Object[] a) {
            return java.util.Arrays.stream(a).map(String::valueOf).toList();
        }
        try {
            return List.of((String[]) ((java.sql.Array) value).getArray());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<AdoptionLevel, Long> zeroes() {
        Map<AdoptionLevel, Long> map = new EnumMap<>(AdoptionLevel.class);
        for (AdoptionLevel level : AdoptionLevel.values()) {
            map.put(level, 0L);
        }
        return map;
    }

    static void requireSolution(String code) {
        Solutions.require(code);
    }
}
