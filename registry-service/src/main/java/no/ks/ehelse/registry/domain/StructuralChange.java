package no.ks.ehelse.registry.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

import no.ks.ehelse.platform.api.ProblemException;

/**
 * A change of the municipal structure. {@code predecessors} are the numbers that end the day before
 * {@code effectiveDate}; a successor that already exists keeps its number and absorbs them.
 */
public record StructuralChange(
        ChangeType type, LocalDate effectiveDate, List<String> predecessors, List<NewMunicipality> successors) {

    /** A number created by a merge, split or renumbering. The county is its first two digits. */
    public record NewMunicipality(
            String kommunenummer,
            String name,
            Integer population,
            LocalDate populationDate,
            String network,
            String healthRegion) {}

    /** The last day of the predecessors' numbers. */
    public LocalDate lastDay() {
        return effectiveDate.minusDays(1);
    }

    /** Refuses a change whose numbers of predecessors and successors do not fit its type, or repeat a number. */
    public void checkShape() {
        int from = predecessors.size();
        int to = successors.size();
        String problem =
                switch (type) {
                    case MERGED ->
                        from >= 2 && to == 1 ? null : "a merge has two or more predecessors and one successor";
                    case SPLIT ->
                        from == 1 && to >= 2 ? null : "a split has one predecessor and two or more successors";
                    case RENUMBERED ->
                        from == 1 && to == 1 ? null : "a renumbering has one predecessor and one successor";
                };
        if (problem != null) {
            throw ProblemException.invalidField("type", problem);
        }
        if (new HashSet<>(predecessors).size() != from) {
            throw ProblemException.invalidField("predecessors", "must not repeat a number");
        }
    }
}
