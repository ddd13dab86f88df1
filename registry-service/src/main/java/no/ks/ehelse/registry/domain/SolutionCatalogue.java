package no.ks.ehelse.registry.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.api.Problem;
import no.ks.ehelse.platform.api.ProblemException;

/** The catalogue of national solutions: every change is stored and announced in one transaction. */
@ApplicationScoped
public class SolutionCatalogue {

    /**
     * What may be set on a solution; the code is given on publish and never changes. {@code requires} null: none on
     * publish, unchanged on a change (so a client that does not know the field does not drop the dependencies).
     */
    public record Details(
            String name,
            PriorityArea area,
            String owner,
            String description,
            SolutionStage stage,
            List<String> requires) {}

    private final SolutionEvents events;
    private final Clock clock;

    SolutionCatalogue(SolutionEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PanacheQuery<Solution> list(PriorityArea area) {
        return area == null ? Solution.findAll(Sort.by("code")) : Solution.find("area", Sort.by("code"), area);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Solution> find(String code) {
        return Solution.findByIdOptional(code);
    }

    @Transactional
    public Solution publish(String code, Details details) {
        if (Solution.findById(code) != null) {
            throw ProblemException.conflict("solution-exists", "A solution with code '" + code + "' already exists");
        }
        Solution solution = new Solution();
        solution.code = code;
        solution.createdAt = OffsetDateTime.now(clock);
        if (details.requires() != null) {
            solution.requires.addAll(checkedRequirements(code, details.requires()));
        }
        apply(solution, details);
        solution.persist();
        events.published(solution);
        return solution;
    }

    @Transactional
    public Solution change(String code, Details details) {
        Solution solution = Solution.<Solution>findByIdOptional(code)
                .orElseThrow(() -> ProblemException.notFound("Solution", code));
        if (details.requires() != null) {
            List<String> requires = checkedRequirements(code, details.requires());
            solution.requires.clear();
            solution.requires.addAll(requires);
        }
        apply(solution, details);
        events.changed(solution);
        return solution;
    }

    /**
     * The solutions {@code code} is to require, each known, none twice, not itself, and none that already requires
     * {@code code} (directly or further down), since a cycle would make every solution in it wait for the others.
     */
    private List<String> checkedRequirements(String code, List<String> requires) {
        Map<String, Set<String>> graph = new HashMap<>();
        for (Solution s : Solution.<Solution>listAll()) {
            graph.put(s.code, new HashSet<>(s.requires));
        }
        List<Problem.Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requires.size(); i++) {
            String required = requires.get(i);
            String field = "requires[" + i + "]";
            if (required.equals(code)) {
                violations.add(new Problem.Violation(field, "a solution cannot require itself"));
            } else if (!graph.containsKey(required)) {
                violations.add(new Problem.Violation(field, "'" + required + "' is not a solution in the catalogue"));
            } else if (!seen.add(required)) {
                violations.add(new Problem.Violation(field, "'" + required + "' is listed twice"));
            } else if (reaches(graph, required, code, new HashSet<>())) {
                violations.add(new Problem.Violation(
                        field, "'" + required + "' requires '" + code + "' already: that would be a cycle"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(
                    400,
                    "validation",
                    "Invalid request",
                    violations.get(0).field() + ": " + violations.get(0).message(),
                    violations);
        }
        return requires;
    }

    private static boolean reaches(Map<String, Set<String>> graph, String from, String target, Set<String> visited) {
        if (from.equals(target)) {
            return true;
        }
        if (!visited.add(from)) {
            return false;
        }
        for (String next : graph.getOrDefault(from, Set.of())) {
            if (reaches(graph, next, target, visited)) {
                return true;
            }
        }
        return false;
    }

    private void apply(Solution solution, Details details) {
        solution.name = details.name();
        solution.area = details.area();
        solution.owner = details.owner();
        solution.description = details.description();
        solution.stage = details.stage();
        solution.updatedAt = OffsetDateTime.now(clock);
    }
}
