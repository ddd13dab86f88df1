package no.ks.ehelse.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import no.ks.ehelse.registry.domain.NameIndex.Method;
import no.ks.ehelse.registry.domain.NameIndex.Result;
import no.ks.ehelse.registry.domain.NameIndex.Scope;
import no.ks.ehelse.registry.domain.NameIndex.Status;

/**
 * The pruned and cached fuzzy tier gives exactly what comparing every key gives: every official and former name
 * of the real registry, misspelt in deterministic ways, plus random junk up to 200 characters, without and with a
 * county or network scope.
 */
class NameIndexPruningTest {

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzæøåáčđŋšŧž";
    private static final String JUNK = LETTERS + LETTERS.toUpperCase() + "0123456789     -.,()'/";

    @Test
    void prunedMatchingAgreesWithBruteForceOnMisspeltNamesAndJunk() throws IOException {
        List<NameIndex.Entry> current = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (String[] r : csv("kommuner-2024.csv")) {
            current.add(new NameIndex.Entry(r[0], r[1], r[2], r[6].toLowerCase().replace(' ', '-')));
            names.add(r[1]);
        }
        Map<String, NameIndex.Former> former = new LinkedHashMap<>();
        for (String[] r : csv("kommuner-endringer.csv")) {
            former.computeIfAbsent(r[0], n -> new NameIndex.Former(n, r[1], LocalDate.parse(r[3]), new ArrayList<>()))
                    .successors()
                    .add(r[4]);
            names.add(r[1]);
        }
        NameIndex index = new NameIndex(current, List.copyOf(former.values()));

        Random random = new Random(20261201);
        List<String> inputs = new ArrayList<>();
        for (String name : names) {
            inputs.add(name);
            inputs.add(dropLetter(name, random));
            inputs.add(swapLetters(name, random));
            inputs.add(replaceLetter(name, random));
            inputs.add(replaceLetter(replaceLetter(name, random), random));
            inputs.add(random.nextBoolean() ? name.toUpperCase() : name.toLowerCase());
            inputs.add(withoutDiacritics(dropLetter(name, random)));
            inputs.add(extraWord(name, random));
            inputs.add(extraWord(swapLetters(name, random), random));
        }
        for (int i = 0; i < 400; i++) {
            inputs.add(junk(random, 1 + random.nextInt(i < 200 ? 20 : 200)));
        }
        // Repeats exercise the cache, with the same and with a differently written input.
        inputs.addAll(inputs.subList(0, 500));
        inputs.addAll(inputs.subList(0, 500).stream()
                .map(n -> " " + n.toUpperCase() + " ")
                .toList());

        Map<Status, Integer> fuzzyOutcomes = new EnumMap<>(Status.class);
        int unmatchedWithSuggestions = 0;
        for (String input : inputs) {
            Result expected = index.matchBruteForce(input, Scope.NONE);
            assertEquals(expected, index.match(input, Scope.NONE), input);
            if (expected.method() == Method.FUZZY) {
                fuzzyOutcomes.merge(expected.status(), 1, Integer::sum);
            }
            if (!expected.suggestions().isEmpty()) {
                unmatchedWithSuggestions++;
            }
        }
        List<Scope> scopes = List.of(
                new Scope("34", null), new Scope("18", null), new Scope(null, "digi-vestland"), new Scope("46", "x"));
        for (int i = 0; i < inputs.size(); i += 7) {
            Scope scope = scopes.get(i % scopes.size());
            String input = inputs.get(i);
            assertEquals(index.matchBruteForce(input, scope), index.match(input, scope), input + " in " + scope);
        }

        // The comparison is only worth something if the generated names reach every outcome of the fuzzy tier.
        assertTrue(fuzzyOutcomes.getOrDefault(Status.MATCHED, 0) > 100, fuzzyOutcomes::toString);
        assertTrue(fuzzyOutcomes.getOrDefault(Status.AMBIGUOUS, 0) > 5, fuzzyOutcomes::toString);
        assertTrue(unmatchedWithSuggestions > 100, "unmatched with suggestions: " + unmatchedWithSuggestions);
    }

    private static String dropLetter(String name, Random random) {
        int i = random.nextInt(name.length());
        return name.substring(0, i) + name.substring(i + 1);
    }

    private static String swapLetters(String name, Random random) {
        if (name.length() < 2) {
            return name;
        }
        int i = random.nextInt(name.length() - 1);
        return name.substring(0, i) + name.charAt(i + 1) + name.charAt(i) + name.substring(i + 2);
    }

    private static String replaceLetter(String name, Random random) {
        int i = random.nextInt(name.length());
        return name.substring(0, i) + LETTERS.charAt(random.nextInt(LETTERS.length())) + name.substring(i + 1);
    }

    private static String withoutDiacritics(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace("ø", "o")
                .replace("Ø", "O")
                .replace("æ", "a");
    }

    private static String extraWord(String name, Random random) {
        String[] words = {"kommune", "by", "i Nordland", "(Agder)", "herad", "sentrum", "Nordre", "kommunen"};
        String word = words[random.nextInt(words.length)];
        return random.nextBoolean() ? word + " " + name : name + " " + word;
    }

    private static String junk(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(JUNK.charAt(random.nextInt(JUNK.length())));
        }
        return s.toString();
    }

    private static List<String[]> csv(String file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of("reference-data", file));
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }
}
