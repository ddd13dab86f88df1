package no.ks.ehelse.adoption.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.api.ProblemException;

/** Ambitions per solution, year and scope, set by KS admins and announced when they change; status against each. */
@ApplicationScoped
public class Ambitions {

    /** What an ambition asks and where it stands now: municipalities in its scope, how many reached its level. */
    public record Status(long inScope, long goal, long reachedNow, long activeNow) {}

    /** What an admin sets: exactly one of {@code target} and {@code share}. */
    public record Setting(Integer target, Double share, Integer outOf, AdoptionLevel level, String note) {}

    private final AmbitionEvents events;
    private final Clock clock;
    private final Figures figures;
    private final EntityManager em;

    Ambitions(AmbitionEvents events, Clock clock, Figures figures, EntityManager em) {
        this.events = events;
        this.clock = clock;
        this.figures = figures;
        this.em = em;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PanacheQuery<Ambition> list(Integer year, String solution) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (year != null) {
            query.append(" AND year = :year");
            params.put("year", year);
        }
        if (solution != null) {
            requireKnownSolution(solution);
            query.append(" AND solution = :solution");
            params.put("solution", solution);
        }
        return Ambition.find(
                query.toString(), Sort.by("year").and("solution").and("scope").and("scopeCode"), params);
    }

    /**
     * A misspelt solution filter must not read as "no ambitions": the known codes are the catalogue's and those
     * ambitions were set for (setting one does not wait for the catalogue).
     */
    private static void requireKnownSolution(String solution) {
        if (SolutionProjection.findById(solution) != null || Ambition.count("solution", solution) > 0) {
            return;
        }
        TreeSet<String> known = new TreeSet<>();
        SolutionProjection.<SolutionProjection>listAll().forEach(s -> known.add(s.code));
        Ambition.<Ambition>listAll().forEach(a -> known.add(a.solution));
        throw ProblemException.invalidField(
                        "solution",
                        known.isEmpty()
                                ? "is not a known solution code (no solutions are known yet)"
                                : "must be a known solution code: " + String.join(", ", known))
                .with("allowed", List.copyOf(known));
    }

    /** The national ambition of a solution in a year. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Ambition> find(String solution, int year) {
        return find(solution, year, Ambition.Scope.NATIONAL, Ambition.NATION);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Ambition> find(String solution, int year, Ambition.Scope scope, String code) {
        return Ambition.findByIdOptional(new Ambition.Key(solution, year, scope, code));
    }

    /** How many current municipalities have the solution ACTIVE now, nationally. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long activeNow(String solution) {
        return AdoptionStatus.count(
                "solution = ?1 AND status = ?2 AND kommunenummer IN "
                        + "(SELECT m.kommunenummer FROM MunicipalityProjection m WHERE m.validTo IS NULL)",
                solution,
                AdoptionLevel.ACTIVE);
    }

    /** The ambition against today's status: the current municipalities of its scope at its level or beyond. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Status status(Ambition a) {
        Figures.Snapshot snapshot = figures.snapshot(a.solution, null, null);
        long inScope = 0;
        long reached = 0;
        long active = 0;
        for (Timeline.Member m : snapshot.members()) {
            if (!inScope(a, m)) {
                continue;
            }
            inScope++;
            AdoptionLevel level = snapshot.levelOf(m.kommunenummer());
            if (level.reaches(a.level)) {
                reached++;
            }
            if (level == AdoptionLevel.ACTIVE) {
                active++;
            }
        }
        return new Status(inScope, a.goal(inScope), reached, active);
    }

    static boolean inScope(Ambition a, Timeline.Member m) {
        return switch (a.scope) {
            case NATIONAL -> true;
            case HEALTH_REGION -> a.scopeCode.equals(m.healthRegion());
            case NETWORK -> a.scopeCode.equals(m.network());
        };
    }

    @Transactional
    public Ambition set(String solution, int year, int target, String note, String by) {
        return set(
                solution,
                year,
                Ambition.Scope.NATIONAL,
                Ambition.NATION,
                new Setting(target, null, null, AdoptionLevel.ACTIVE, note),
                by);
    }

    @Transactional
    public Ambition set(String solution, int year, Ambition.Scope scope, String code, Setting setting, String by) {
        if ((setting.target() == null) == (setting.share() == null)) {
            throw ProblemException.invalidField("target", "give either target (a number) or share (0-1), not both");
        }
        if (scope != Ambition.Scope.NATIONAL) {
            requireKnownScope(scope, code);
        }
        Ambition ambition = Ambition.<Ambition>findByIdOptional(new Ambition.Key(solution, year, scope, code))
                .orElseGet(() -> {
                    Ambition created = new Ambition();
                    created.solution = solution;
                    created.year = year;
                    created.scope = scope;
                    created.scopeCode = code;
                    return created;
                });
        ambition.target = setting.target();
        ambition.share = setting.share();
        ambition.outOf = setting.outOf();
        ambition.level = setting.level() == null ? AdoptionLevel.ACTIVE : setting.level();
        ambition.note = setting.note();
        ambition.updatedAt = OffsetDateTime.now(clock);
        ambition.updatedBy = by;
        ambition.persist();
        events.set(ambition, status(ambition).goal());
        return ambition;
    }

    /** A region or network code nobody lives in is a typo; the codes the registry's municipalities carry are listed. */
    @SuppressWarnings("unchecked")
    private void requireKnownScope(Ambition.Scope scope, String code) {
        String column = scope == Ambition.Scope.NETWORK ? "network" : "health_region";
        List<String> known = em.createNativeQuery("SELECT DISTINCT " + column + " FROM municipality WHERE " + column
                        + " IS NOT NULL AND valid_to IS NULL ORDER BY 1")
                .getResultList();
        if (!known.contains(code)) {
            String field = scope == Ambition.Scope.NETWORK ? "network" : "healthRegion";
            throw ProblemException.invalidField(field, "must be one of: " + String.join(", ", known))
                    .with("allowed", known);
        }
    }
}
