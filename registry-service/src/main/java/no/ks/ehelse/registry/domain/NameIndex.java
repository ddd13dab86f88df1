package no.ks.ehelse.registry.domain;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Tolerant matching of municipality names as they appear in messy source lists. Tiers, first hit wins:
 * EXACT (the official name as written), NORMALISED (case, diacritics, hyphen/space, a "kommune" suffix, a
 * county qualifier), ALIAS (a Sámi/Kven parallel name, a former name) and FUZZY (Jaro-Winkler on the
 * normalised form, with its score). Several municipalities in the deciding tier make the answer AMBIGUOUS
 * unless the county or network narrows them to one; nothing is ever guessed silently.
 */
public final class NameIndex {

    public enum Method {
        EXACT,
        NORMALISED,
        ALIAS,
        FUZZY
    }

    public enum Status {
        MATCHED,
        AMBIGUOUS,
        UNMATCHED
    }

    /** A current municipality as the index knows it. */
    public record Entry(String kommunenummer, String name, String county, String network) {}

    /** A former number and the current municipalities it became. */
    public record Former(String kommunenummer, String name, LocalDate validTo, List<String> successors) {}

    /** How one candidate matched: which name and why. */
    public record Hit(Entry municipality, String matchedName, String how, double score) {}

    public record Result(
            String input, Status status, Method method, Hit match, List<Hit> candidates, List<Hit> suggestions) {}

    /** Optional narrowing: a fylkesnummer and/or a network code. */
    public record Scope(String county, String network) {
        public static final Scope NONE = new Scope(null, null);

        boolean admits(Entry e) {
            return (county == null || county.equals(e.county())) && (network == null || network.equals(e.network()));
        }
    }

    private record Key(String normalised, Entry municipality, String name, String how, boolean alias) {}

    static final double FUZZY_THRESHOLD = 0.93;
    static final double SUGGESTION_THRESHOLD = 0.75;
    /** A fuzzy winner must beat the runner-up by this much, or the answer is ambiguous. */
    static final double FUZZY_MARGIN = 0.03;

    private static final Pattern QUALIFIER = Pattern.compile("\\s*\\([^)]*\\)\\s*$");
    private static final Pattern KOMMUNE = Pattern.compile("\\b(kommune|kommunen|kommun)\\b");
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private final Map<String, List<Entry>> exact = new HashMap<>();
    private final Map<String, List<Key>> byNormalised = new HashMap<>();
    private final List<Key> keys = new ArrayList<>();

    public NameIndex(List<Entry> current, List<Former> former) {
        Map<String, Entry> byNumber = new HashMap<>();
        for (Entry e : current) {
            byNumber.put(e.kommunenummer(), e);
            exact.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(e);
            add(normalise(e.name()), e, e.name(), "official name", false);
            String base = QUALIFIER.matcher(e.name()).replaceAll("");
            add(normalise(base), e, e.name(), "official name without county qualifier", false);
            String[] parallel = base.split("\\s+-\\s+");
            if (parallel.length > 1) {
                for (String part : parallel) {
                    add(normalise(part), e, part, "parallel name (Sámi/Kven/Norwegian) of " + e.name(), true);
                }
            }
        }
        for (Former f : former) {
            for (String successor : f.successors()) {
                Entry e = byNumber.get(successor);
                if (e != null) {
                    add(
                            normalise(f.name()),
                            e,
                            f.name(),
                            "former name: " + f.kommunenummer() + " " + f.name()
                                    + (f.validTo() == null ? "" : " until " + f.validTo()),
                            true);
                }
            }
        }
    }

    private void add(String normalised, Entry e, String name, String how, boolean alias) {
        if (normalised.isEmpty()) {
            return;
        }
        Key key = new Key(normalised, e, name, how, alias);
        keys.add(key);
        byNormalised.computeIfAbsent(normalised, k -> new ArrayList<>()).add(key);
    }

    /**
     * Lower case; Norwegian letters folded (æ→ae, ø→o, å→a) and other diacritics dropped (Sámi á, č, đ, ŋ, š,
     * ŧ, ž); a "kommune" word and county qualifier removed; hyphens, spaces and punctuation ignored.
     */
    public static String normalise(String name) {
        String s = name.toLowerCase(Locale.ROOT).strip();
        s = QUALIFIER.matcher(s).replaceAll("");
        s = s.replace("æ", "ae")
                .replace("ø", "o")
                .replace("å", "a")
                .replace("đ", "d")
                .replace("ŋ", "n")
                .replace("ŧ", "t")
                .replace("ß", "ss");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = KOMMUNE.matcher(s).replaceAll(" ");
        return s.replaceAll("[^a-z0-9]", "");
    }

    public Result match(String input, Scope scope) {
        String trimmed = input == null ? "" : input.strip();
        List<Entry> exactHits = exact.getOrDefault(trimmed, List.of()).stream()
                .filter(scope::admits)
                .toList();
        if (!exactHits.isEmpty()) {
            return decide(
                    trimmed,
                    Method.EXACT,
                    exactHits.stream()
                            .map(e -> new Hit(e, e.name(), "official name", 1.0))
                            .toList());
        }
        String normalised = normalise(trimmed);
        List<Key> same = byNormalised.getOrDefault(normalised, List.of());
        for (boolean aliasTier : new boolean[] {false, true}) {
            List<Hit> hits = distinct(same.stream()
                    .filter(k -> k.alias() == aliasTier)
                    .filter(k -> scope.admits(k.municipality()))
                    .map(k -> new Hit(k.municipality(), k.name(), k.how(), 1.0))
                    .toList());
            if (!hits.isEmpty()) {
                return decide(trimmed, aliasTier ? Method.ALIAS : Method.NORMALISED, hits);
            }
        }
        return fuzzy(trimmed, normalised, scope);
    }

    private Result fuzzy(String input, String normalised, Scope scope) {
        if (normalised.isEmpty()) {
            return new Result(input, Status.UNMATCHED, null, null, List.of(), List.of());
        }
        Map<String, Hit> best = new LinkedHashMap<>();
        for (Key key : keys) {
            if (!scope.admits(key.municipality())) {
                continue;
            }
            double score = JARO_WINKLER.apply(normalised, key.normalised());
            Hit current = best.get(key.municipality().kommunenummer());
            if (current == null || score > current.score()) {
                best.put(
                        key.municipality().kommunenummer(),
                        new Hit(key.municipality(), key.name(), key.how(), Math.round(score * 1000) / 1000.0));
            }
        }
        List<Hit> ranked = best.values().stream()
                .sorted(Comparator.comparingDouble(Hit::score).reversed())
                .toList();
        if (ranked.isEmpty() || ranked.get(0).score() < FUZZY_THRESHOLD) {
            List<Hit> suggestions = ranked.stream()
                    .filter(h -> h.score() >= SUGGESTION_THRESHOLD)
                    .limit(3)
                    .toList();
            return new Result(input, Status.UNMATCHED, null, null, List.of(), suggestions);
        }
        List<Hit> close = ranked.stream()
                .filter(h -> h.score() > ranked.get(0).score() - FUZZY_MARGIN)
                .toList();
        return decide(input, Method.FUZZY, close);
    }

    private static Result decide(String input, Method method, List<Hit> hits) {
        if (hits.size() == 1) {
            return new Result(input, Status.MATCHED, method, hits.get(0), List.of(), List.of());
        }
        return new Result(input, Status.AMBIGUOUS, method, null, hits, List.of());
    }

    /** One hit per municipality (a name can reach the same municipality by several keys). */
    private static List<Hit> distinct(List<Hit> hits) {
        Set<String> seen = new LinkedHashSet<>();
        List<Hit> result = new ArrayList<>();
        for (Hit hit : hits) {
            if (seen.add(hit.municipality().kommunenummer())) {
                result.add(hit);
            }
        }
        return result;
    }

    public int size() {
        return keys.size();
    }
}
