package no.ks.ehelse.adoption.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.answers.Answer;
import no.ks.ehelse.platform.answers.KeptAnswers;
import no.ks.ehelse.platform.api.ProblemException;

/**
 * The questions the seeds' dashboards ask. They read the current-state tables (one row per municipality and
 * solution, or per municipality, metric and month), never the stream of reports, so they cost the same however
 * many events were ingested; only "as of a date" reads the status history, which grows with status changes.
 */
@ApplicationScoped
public class AdoptionQueries {

    public enum GroupBy {
        NATION(m -> "NO"),
        HEALTH_REGION(m -> m.healthRegion()),
        COUNTY(m -> m.county()),
        NETWORK(m -> m.network());

        final Function<Timeline.Member, String> key;

        GroupBy(Function<Timeline.Member, String> key) {
            this.key = key;
        }
    }

    public record CoverageGroup(
            String group,
            long municipalities,
            Map<AdoptionLevel, Long> byLevel,
            long inhabitantsActive,
            long inhabitants,
            double shareOfInhabitantsActive) {}

    /**
     * {@code asOf} null: the latest status NHN reported; {@code knownAt}: the moment the figure is as known at;
     * {@code municipalities}: how many were valid on the day; {@code approximations}: what had to be estimated.
     */
    public record Coverage(
            String solution,
            GroupBy groupBy,
            LocalDate asOf,
            java.time.OffsetDateTime knownAt,
            long municipalities,
            List<String> approximations,
            List<CoverageGroup> groups)
            implements Answer {}

    public record Municipality(String kommunenummer, String name, String network, AdoptionLevel level) {}

    public record NonAdopterGroup(String network, long count, List<Municipality> municipalities) {}

    public record NonAdopters(
            String solution,
            long count,
            long of,
            LocalDate asOf,
            java.time.OffsetDateTime knownAt,
            List<String> approximations,
            List<NonAdopterGroup> byNetwork)
            implements Answer {}

    public record UsageRow(String group, String name, double value, long inhabitants, Double per1000) {}

    public record Usage(
            String solution,
            String metric,
            String period,
            double total,
            long inhabitants,
            Double per1000,
            List<UsageRow> municipalities)
            implements Answer {}

    public record HistoryRow(
            AdoptionLevel status, LocalDate effectiveDate, String reportedAs, java.time.OffsetDateTime receivedAt) {}

    private final EntityManager em;
    private final Figures figures;
    private final KeptAnswers kept;

    AdoptionQueries(EntityManager em, Figures figures, KeptAnswers kept) {
        this.em = em;
        this.figures = figures;
        this.kept = kept;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Coverage coverage(String solution, GroupBy by, LocalDate asOf) {
        return coverage(solution, by, asOf, null);
    }

    /** Coverage on a day as known at a moment ({@link Figures#snapshot}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Coverage coverage(String solution, GroupBy by, LocalDate asOf, java.time.OffsetDateTime knownAt) {
        return kept.asKnownAt(
                "coverage",
                solution,
                knownAt,
                Arrays.asList(by, asOf, knownAt),
                c -> c.groups().size(),
                () -> computeCoverage(solution, by, asOf, knownAt));
    }

    private Coverage computeCoverage(String solution, GroupBy by, LocalDate asOf, java.time.OffsetDateTime knownAt) {
        requireSolution(solution);
        Figures.Snapshot snapshot = figures.snapshot(solution, asOf, knownAt);
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Map<AdoptionLevel, Long>> byLevel = new HashMap<>();
        for (Timeline.Member m : snapshot.members()) {
            String group = String.valueOf(by.key.apply(m));
            AdoptionLevel level = snapshot.levelOf(m.kommunenummer());
            long population = m.population() == null ? 0 : m.population();
            long[] c = counts.computeIfAbsent(group, g -> new long[3]);
            c[0]++;
            c[2] += population;
            if (level == AdoptionLevel.ACTIVE) {
                c[1] += population;
            }
            byLevel.computeIfAbsent(group, g -> zeroes()).merge(level, 1L, Long::sum);
        }
        List<CoverageGroup> groups = new ArrayList<>();
        counts.forEach((group, c) -> groups.add(new CoverageGroup(
                group,
                c[0],
                byLevel.get(group),
                c[1],
                c[2],
                c[2] == 0 ? 0 : Math.round(10000.0 * c[1] / c[2]) / 10000.0)));
        Figures.Basis basis = snapshot.basis();
        return new Coverage(
                solution, by, basis.asOf(), basis.knownAt(), basis.municipalities(), basis.approximations(), groups);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public NonAdopters nonAdopters(String solution) {
        return nonAdopters(solution, null, null, null);
    }

    /** The non-adopters of one Diginettverk ({@code network} a code, null for all), out of that network's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public NonAdopters nonAdopters(String solution, String network) {
        return nonAdopters(solution, network, null, null);
    }

    /**
     * The non-adopters on a day as known at a moment ({@link Figures#snapshot}), of one Diginettverk
     * ({@code network} a code, null for all).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public NonAdopters nonAdopters(String solution, String network, LocalDate asOf, java.time.OffsetDateTime knownAt) {
        return kept.asKnownAt(
                "non-adopters",
                solution,
                knownAt,
                Arrays.asList(network, asOf, knownAt),
                n -> 1 + (int) n.count(),
                () -> computeNonAdopters(solution, network, asOf, knownAt));
    }

    private NonAdopters computeNonAdopters(
            String solution, String network, LocalDate asOf, java.time.OffsetDateTime knownAt) {
        requireSolution(solution);
        Figures.Snapshot snapshot = figures.snapshot(solution, asOf, knownAt);
        Map<String, List<Municipality>> byNetwork = new TreeMap<>();
        List<Timeline.Member> all = snapshot.members().stream()
                .filter(m -> network == null || network.equals(m.network()))
                .toList();
        for (Timeline.Member m : all) {
            AdoptionLevel level = snapshot.levelOf(m.kommunenummer());
            if (level != AdoptionLevel.ACTIVE) {
                byNetwork
                        .computeIfAbsent(String.valueOf(m.network()), n -> new ArrayList<>())
                        .add(new Municipality(m.kommunenummer(), m.name(), m.network(), level));
            }
        }
        List<NonAdopterGroup> groups = new ArrayList<>();
        byNetwork.forEach((code, list) -> groups.add(new NonAdopterGroup(code, list.size(), list)));
        Figures.Basis basis = snapshot.basis();
        return new NonAdopters(
                solution,
                groups.stream().mapToLong(NonAdopterGroup::count).sum(),
                all.size(),
                basis.asOf(),
                basis.knownAt(),
                basis.approximations(),
                groups);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Usage usage(String solution, String metric, String period) {
        return kept.answer(
                "usage",
                solution,
                List.of(metric, period),
                u -> 1 + u.municipalities().size(),
                () -> computeUsage(solution, metric, period));
    }

    private Usage computeUsage(String solution, String metric, String period) {
        requireSolution(solution);
        requireMetric(solution, metric);
        Map<String, Double> values = new HashMap<>();
        for (UsageFigure f : UsageFigure.<UsageFigure>list(
                "solution = ?1 AND metric = ?2 AND period = ?3", solution, metric, period)) {
            values.put(f.kommunenummer, f.value);
        }
        List<UsageRow> rows = new ArrayList<>();
        double total = 0;
        long inhabitants = 0;
        for (Current m : current()) {
            Double value = values.get(m.kommunenummer());
            if (value == null) {
                continue;
            }
            long population = m.population() == null ? 0 : m.population();
            total += value;
            inhabitants += population;
            rows.add(new UsageRow(m.kommunenummer(), m.name(), value, population, per1000(value, population)));
        }
        return new Usage(solution, metric, period, total, inhabitants, per1000(total, inhabitants), rows);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HistoryRow> history(String solution, String kommunenummer) {
        requireSolution(solution);
        return StatusReport.<StatusReport>list(
                        "solution = ?1 AND kommunenummer = ?2",
                        Sort.by("effectiveDate").and("id"),
                        solution,
                        kommunenummer)
                .stream()
                .map(r -> new HistoryRow(r.status, r.effectiveDate, r.reportedKommunenummer, r.receivedAt))
                .toList();
    }

    /** A current municipality, as the queries need it. */
    record Current(
            String kommunenummer,
            String name,
            String county,
            String network,
            String healthRegion,
            Integer population) {}

    /** Plain rows, not entities: every query reads all 357, and managed entities cost a snapshot each. */
    @SuppressWarnings("unchecked")
    private List<Current> current() {
        List<Object[]> rows = em.createNativeQuery("SELECT kommunenummer, name, county, network, health_region, "
                        + "population FROM municipality WHERE valid_to IS NULL ORDER BY kommunenummer")
                .getResultList();
        return rows.stream()
                .map(r -> new Current(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        r[5] == null ? null : ((Number) r[5]).intValue()))
                .toList();
    }

    private static Map<AdoptionLevel, Long> zeroes() {
        Map<AdoptionLevel, Long> map = new EnumMap<>(AdoptionLevel.class);
        for (AdoptionLevel level : AdoptionLevel.values()) {
            map.put(level, 0L);
        }
        return map;
    }

    private static Double per1000(double value, long inhabitants) {
        return inhabitants == 0 ? null : Math.round(value * 1000_000.0 / inhabitants) / 1000.0;
    }

    /**
     * NHN names its metrics; a name it has never reported for the solution is a misspelling, and answering it with
     * zeros would read as "nobody used it". The known names are listed so the caller can correct it.
     */
    private void requireMetric(String solution, String metric) {
        boolean reported = !em.createQuery(
                        "SELECT 1 FROM UsageFigure f WHERE f.solution = :s AND f.metric = :m", Integer.class)
                .setParameter("s", solution)
                .setParameter("m", metric)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
        if (reported) {
            return;
        }
        List<String> known = em.createQuery(
                        "SELECT DISTINCT f.metric FROM UsageFigure f WHERE f.solution = :s ORDER BY f.metric",
                        String.class)
                .setParameter("s", solution)
                .getResultList();
        throw ProblemException.invalidField(
                        "metric",
                        known.isEmpty()
                                ? "is not a metric NHN has reported for " + solution + " (none reported yet)"
                                : "must be a metric NHN has reported for " + solution + ": " + String.join(", ", known))
                .with("allowed", known);
    }

    private static void requireSolution(String code) {
        Solutions.require(code);
    }
}
