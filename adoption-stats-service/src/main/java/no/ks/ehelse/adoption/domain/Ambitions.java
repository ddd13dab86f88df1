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
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.api.ProblemException;

/** National ambitions per solution and year, set by KS admins and announced when they change. */
@ApplicationScoped
public class Ambitions {

    private final AmbitionEvents events;
    private final Clock clock;

    Ambitions(AmbitionEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
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
        return Ambition.find(query.toString(), Sort.by("year").and("solution"), params);
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

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Ambition> find(String solution, int year) {
        return Ambition.findByIdOptional(new Ambition.Key(solution, year));
    }

    /** How many current municipalities have the solution ACTIVE now: the status an ambition is measured against. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long activeNow(String solution) {
        return AdoptionStatus.count(
                "solution = ?1 AND status = ?2 AND kommunenummer IN "
                        + "(SELECT m.kommunenummer FROM MunicipalityProjection m WHERE m.validTo IS NULL)",
                solution,
                AdoptionLevel.ACTIVE);
    }

    @Transactional
    public Ambition set(String solution, int year, int target, String note, String by) {
        Ambition ambition = Ambition.<Ambition>findByIdOptional(new Ambition.Key(solution, year))
                .orElseGet(() -> {
                    Ambition created = new Ambition();
                    created.solution = solution;
                    created.year = year;
                    return created;
                });
        ambition.target = target;
        ambition.note = note;
        ambition.updatedAt = OffsetDateTime.now(clock);
        ambition.updatedBy = by;
        ambition.persist();
        events.set(ambition);
        return ambition;
    }
}
