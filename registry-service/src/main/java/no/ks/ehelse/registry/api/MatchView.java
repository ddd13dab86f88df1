package no.ks.ehelse.registry.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import no.ks.ehelse.registry.domain.NameIndex;

/**
 * The answer for one name: MATCHED with the method (EXACT, NORMALISED, ALIAS, FUZZY) and score, AMBIGUOUS with
 * its candidates, or UNMATCHED with the closest suggestions.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record MatchView(
        String input,
        NameIndex.Status status,
        NameIndex.Method method,
        Double score,
        Candidate municipality,
        String matchedName,
        String how,
        List<Candidate> candidates,
        List<Candidate> suggestions) {

    public record Candidate(
            String kommunenummer,
            String name,
            String county,
            String network,
            String matchedName,
            String how,
            double score) {

        static Candidate of(NameIndex.Hit hit) {
            return new Candidate(
                    hit.municipality().kommunenummer(),
                    hit.municipality().name(),
                    hit.municipality().county(),
                    hit.municipality().network(),
                    hit.matchedName(),
                    hit.how(),
                    hit.score());
        }
    }

    static MatchView of(NameIndex.Result r) {
        NameIndex.Hit hit = r.match();
        return new MatchView(
                r.input(),
                r.status(),
                r.method(),
                hit == null ? null : hit.score(),
                hit == null ? null : Candidate.of(hit),
                hit == null ? null : hit.matchedName(),
                hit == null ? null : hit.how(),
                r.candidates().stream().map(Candidate::of).toList(),
                r.suggestions().stream().map(Candidate::of).toList());
    }
}
