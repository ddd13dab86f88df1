package no.ks.ehelse.registry.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.api.ProblemException;

/** The catalogue of national solutions: every change is stored and announced in one transaction. */
@ApplicationScoped
public class SolutionCatalogue {

    /** What may be set on a solution; the code is given on publish and never changes. */
    public record Details(String name, PriorityArea area, String owner, String description, SolutionStage stage) {}

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
        apply(solution, details);
        solution.persist();
        events.published(solution);
        return solution;
    }

    @Transactional
    public Solution change(String code, Details details) {
        Solution solution = Solution.<Solution>findByIdOptional(code)
                .orElseThrow(() -> ProblemException.notFound("Solution", code));
        apply(solution, details);
        events.changed(solution);
        return solution;
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
