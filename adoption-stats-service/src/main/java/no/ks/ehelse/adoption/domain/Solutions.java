package no.ks.ehelse.adoption.domain;

import java.util.List;

import io.quarkus.panache.common.Sort;
import no.ks.ehelse.platform.api.ProblemException;

/** The solution a path names, from the registry's catalogue. */
public final class Solutions {

    private Solutions() {}

    /**
     * The solution, or a 404 that lists the known codes ({@code allowed}): a misspelt code in an address is found at
     * once, and a solution the registry has not announced yet reads as unknown rather than as one nobody uses.
     */
    public static SolutionProjection require(String code) {
        SolutionProjection known = code == null ? null : SolutionProjection.findById(code);
        if (known != null) {
            return known;
        }
        List<String> allowed = SolutionProjection.<SolutionProjection>listAll(Sort.by("code")).stream()
                .map(s -> s.code)
                .toList();
        throw new ProblemException(
                        404,
                        "not-found",
                        "Not found",
                        "Solution " + code + " does not exist; known solution codes: "
                                + (allowed.isEmpty() ? "none yet" : String.join(", ", allowed)))
                .with("allowed", allowed);
    }
}
