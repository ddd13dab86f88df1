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
import java.util.concurrent.ConcurrentHashMap;
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

    /**
     * One name a municipality can be found by. {@code owner} numbers the municipality (keys of one municipality
     * share it); {@code letters}/{@code counts} are the distinct characters of the normalised form and how often
     * each occurs, for the bound in {@link #mayReach}.
     */
    private record Key(
            String normalised,
            Entry municipality,
            String name,
            String how,
            boolean alias,
            int owner,
            byte[] letters,
            short[] counts) {}

    /** What the fuzzy tier decided, without the input it was asked for (so it can be cached by normalised form). */
    private record Fuzzy(Status status, Method method, Hit match, List<Hit> candidates, List<Hit> suggestions) {
        Result of(String input) {
            return new Result(input, status, method, match, candidates, suggestions);
        }
    }

    private record CacheKey(String normalised, Scope scope) {}

    static final double FUZZY_THRESHOLD = 0.93;
    static final double SUGGESTION_THRESHOLD = 0.75;
    /** A fuzzy winner must beat the runner-up by this much, or the answer is ambiguous. */
    static final double FUZZY_MARGIN = 0.03;

    private static final Pattern QUALIFIER = Pattern.compile("\\s*\\([^)]*\\)\\s*$");
    private static final Pattern KOMMUNE = Pattern.compile("\\b(kommune|kommunen|kommun)\\b");
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    /**
     * A municipality none of whose keys can score this much is left out of the fuzzy comparison. Any score below
     * it rounds to at most 0.749, under {@link #SUGGESTION_THRESHOLD} and so under every threshold that decides
     * an answer: such a municipality could never be a match, candidate or suggestion.
     */
    static final double PRUNE_BELOW = 0.749;
    /** The normalised alphabet: {@link #normalise} leaves only a-z and 0-9. */
    private static final int ALPHABET = 36;
    /** Fuzzy outcomes kept per index; the cache is emptied when full (a new index starts empty too). */
    static final int CACHE_SIZE = 4096;

    private final Map<String, List<Entry>> exact = new HashMap<>();
    private final Map<String, List<Key>> byNormalised = new HashMap<>();
    private final List<Key> keys = new ArrayList<>();
    private final Map<String, Integer> owners = new HashMap<>();
    private final Map<CacheKey, Fuzzy> fuzzyCache = new ConcurrentHashMap<>();

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
        int owner = owners.computeIfAbsent(e.kommunenummer(), k -> owners.size());
        int[] histogram = histogram(normalised);
        int distinct = 0;
        for (int count : histogram) {
            distinct += count > 0 ? 1 : 0;
        }
        byte[] letters = new byte[distinct];
        short[] counts = new short[distinct];
        for (int slot = 0, i = 0; slot < histogram.length; slot++) {
            if (histogram[slot] > 0) {
                letters[i] = (byte) slot;
                counts[i++] = (short) Math.min(histogram[slot], Short.MAX_VALUE);
            }
        }
        Key key = new Key(normalised, e, name, how, alias, owner, letters, counts);
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
        return match(input, scope, true);
    }

    /** The same rules comparing every key with Jaro-Winkler: what {@link #match} must always agree with. */
    Result matchBruteForce(String input, Scope scope) {
        return match(input, scope, false);
    }

    private Result match(String input, Scope scope, boolean pruned) {
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
        if (normalised.isEmpty()) {
            return new Result(trimmed, Status.UNMATCHED, null, null, List.of(), List.of());
        }
        if (!pruned) {
            return fuzzy(normalised, keys, scope, null).of(trimmed);
        }
        CacheKey cacheKey = new CacheKey(normalised, scope);
        Fuzzy known = fuzzyCache.get(cacheKey);
        if (known == null) {
            known = fuzzy(normalised, candidates(normalised, scope), scope, new HashMap<>());
            if (fuzzyCache.size() >= CACHE_SIZE) {
                fuzzyCache.clear();
            }
            fuzzyCache.put(cacheKey, known);
        }
        return known.of(trimmed);
    }

    /**
     * Every key of every admitted municipality that has at least one key able to reach {@link #PRUNE_BELOW}, in
     * index order. Whole municipalities are kept or dropped, so the score and name of each kept one come from
     * the same keys in the same order as without pruning.
     */
    private List<Key> candidates(String normalised, Scope scope) {
        int[] query = histogram(normalised);
        boolean[] kept = new boolean[owners.size()];
        boolean any = false;
        for (Key key : keys) {
            if (!kept[key.owner()] && scope.admits(key.municipality()) && mayReach(normalised, query, key)) {
                kept[key.owner()] = true;
                any = true;
            }
        }
        if (!any) {
            return List.of();
        }
        List<Key> result = new ArrayList<>();
        for (Key key : keys) {
            if (kept[key.owner()]) {
                result.add(key);
            }
        }
        return result;
    }

    /**
     * Whether Jaro-Winkler of a query (with its character histogram) and a key can reach {@link #PRUNE_BELOW}.
     * Jaro is (m/|a| + m/|b| + (m - t/2)/m) / 3 with m matching characters and t transpositions, so at most
     * (m/|a| + m/|b| + 1) / 3; m is at most the characters the two have in common (counted with repetition),
     * itself at most the shorter length. Winkler adds 0.1 × p × (1 - jaro) when jaro ≥ 0.7, p being the common
     * prefix of at most 4 characters, which is cheap to know exactly. Both steps grow with jaro, so a bound on
     * jaro bounds the score. The cheapest checks come first.
     */
    private static boolean mayReach(String query, int[] histogram, Key key) {
        String other = key.normalised();
        int a = query.length();
        int b = other.length();
        int shorter = Math.min(a, b);
        if (upperBound(shorter, a, b, 4) < PRUNE_BELOW) {
            return false;
        }
        int prefix = 0;
        while (prefix < Math.min(4, shorter) && query.charAt(prefix) == other.charAt(prefix)) {
            prefix++;
        }
        if (upperBound(shorter, a, b, prefix) < PRUNE_BELOW) {
            return false;
        }
        int common = 0;
        byte[] letters = key.letters();
        short[] counts = key.counts();
        for (int i = 0; i < letters.length; i++) {
            common += Math.min(counts[i], histogram[letters[i]]);
        }
        return upperBound(common, a, b, prefix) >= PRUNE_BELOW;
    }

    private static double upperBound(int matches, int a, int b, int prefix) {
        if (matches == 0) {
            return 0;
        }
        double jaro = ((double) matches / a + (double) matches / b + 1) / 3;
        return jaro < 0.7 ? jaro : jaro + 0.1 * prefix * (1 - jaro);
    }

    /** Occurrences of each of a-z, 0-9, the only characters {@link #normalise} leaves. */
    private static int[] histogram(String normalised) {
        int[] histogram = new int[ALPHABET];
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            if (c >= 'a' && c <= 'z') {
                histogram[c - 'a']++;
            } else if (c >= '0' && c <= '9') {
                histogram[26 + c - '0']++;
            } else {
                throw new IllegalArgumentException("not a normalised name: " + normalised);
            }
        }
        return histogram;
    }

    /**
     * The best score per municipality, ranked. {@code scores}, when given, remembers the score per distinct key
     * text (a municipality's official name and the same name without qualifier are usually the same text).
     */
    private static Fuzzy fuzzy(String normalised, List<Key> keys, Scope scope, Map<String, Double> scores) {
        Map<String, Hit> best = new LinkedHashMap<>();
        for (Key key : keys) {
            if (!scope.admits(key.municipality())) {
                continue;
            }
            double score = scores == null
                    ? JARO_WINKLER.apply(normalised, key.normalised())
                    : scores.computeIfAbsent(key.normalised(), k -> JARO_WINKLER.apply(normalised, k));
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
            return new Fuzzy(Status.UNMATCHED, null, null, List.of(), suggestions);
        }
        List<Hit> close = ranked.stream()
                .filter(h -> h.score() > ranked.get(0).score() - FUZZY_MARGIN)
                .toList();
        Result decided = decide(null, Method.FUZZY, close);
        return new Fuzzy(decided.status(), decided.method(), decided.match(), decided.candidates(), List.of());
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
