package no.ks.ehelse.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import no.ks.ehelse.registry.domain.NameIndex.Method;
import no.ks.ehelse.registry.domain.NameIndex.Result;
import no.ks.ehelse.registry.domain.NameIndex.Scope;
import no.ks.ehelse.registry.domain.NameIndex.Status;

/**
 * The matching rules against the real 2024 list and its history (the CSVs the migration is generated from), and
 * each rule on its own against a small invented registry.
 */
class NameIndexTest {

    private static NameIndex index;
    private static List<NameIndex.Entry> current;
    private static List<NameIndex.Former> former;

    @BeforeAll
    static void load() throws IOException {
        current = new ArrayList<>();
        for (String[] r : csv("kommuner-2024.csv")) {
            current.add(new NameIndex.Entry(r[0], r[1], r[2], network(r[6])));
        }
        Map<String, NameIndex.Former> byNumber = new LinkedHashMap<>();
        for (String[] r : csv("kommuner-endringer.csv")) {
            NameIndex.Former f = byNumber.computeIfAbsent(
                    r[0], n -> new NameIndex.Former(n, r[1], LocalDate.parse(r[3]), new ArrayList<>()));
            f.successors().add(r[4]);
        }
        former = List.copyOf(byNumber.values());
        index = new NameIndex(current, former);
    }

    @ParameterizedTest(name = "{0} [{1},{2}] → {3} {4} {5}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                // input                          | county | network     | status    | method     | kommunenummer(s)
                "Nord-Fron                        | -      | -           | MATCHED   | EXACT      | 3436",
                "Nord Fron                        | -      | -           | MATCHED   | NORMALISED | 3436",
                "nordfron                         | -      | -           | MATCHED   | NORMALISED | 3436",
                "Sør Varanger                     | -      | -           | MATCHED   | NORMALISED | 5605",
                "Sor-Varanger kommune             | -      | -           | MATCHED   | NORMALISED | 5605",
                "Gáivuotna - Kåfjord - Kaivuono   | -      | -           | MATCHED   | EXACT      | 5540",
                "Gaivuotna-Kafjord-Kaivuono       | -      | -           | MATCHED   | NORMALISED | 5540",
                "Kåfjord                          | -      | -           | MATCHED   | ALIAS      | 5540",
                "Kaivuono                         | -      | -           | MATCHED   | ALIAS      | 5540",
                "Tråante                          | -      | -           | MATCHED   | ALIAS      | 5001",
                "TRONDHEIM                        | -      | -           | MATCHED   | ALIAS      | 5001",
                "Hamarøy                          | -      | -           | MATCHED   | ALIAS      | 1875",
                "Drammen kommune                  | -      | -           | MATCHED   | NORMALISED | 3301",
                "Bærum                            | -      | -           | MATCHED   | EXACT      | 3201",
                "Baerum                           | -      | -           | MATCHED   | NORMALISED | 3201",
                "Våler                            | -      | -           | AMBIGUOUS | NORMALISED | 3114 3419",
                "Våler                            | 34     | -           | MATCHED   | NORMALISED | 3419",
                "Våler kommune                    | -      | digi-viken  | MATCHED   | NORMALISED | 3114",
                "Våler (Innlandet)                | -      | -           | MATCHED   | EXACT      | 3419",
                "Herøy                            | -      | -           | AMBIGUOUS | NORMALISED | 1515 1818",
                "Herøy                            | 18     | -           | MATCHED   | NORMALISED | 1818",
                "Hornindal                        | -      | -           | MATCHED   | ALIAS      | 1577",
                "Klæbu                            | -      | -           | MATCHED   | ALIAS      | 5001",
                "Snillfjord                       | -      | -           | AMBIGUOUS | ALIAS      | 5055 5056 5059",
                "Kristiansandbyen                 | -      | -           | AMBIGUOUS | FUZZY      | 4204 1505",
                "Stjørdalshalsen                  | -      | -           | UNMATCHED | -          | -",
                "Kristiansan                      | -      | -           | MATCHED   | FUZZY      | 4204",
                "Aurskog Holand                   | -      | -           | MATCHED   | NORMALISED | 3226",
                "Aurskog-Hølandd                  | -      | -           | MATCHED   | FUZZY      | 3226",
                "Qwxzyv                           | -      | -           | UNMATCHED | -          | -",
            })
    void hardCases(String input, String county, String network, Status status, Method method, String expected) {
        Result result = index.match(input, new Scope(county, network));
        assertEquals(status, result.status(), () -> "status of " + input + ": " + result);
        assertEquals(method, result.method(), () -> "method of " + input + ": " + result);
        Set<String> numbers = result.status() == Status.MATCHED
                ? Set.of(result.match().municipality().kommunenummer())
                : result.candidates().stream()
                        .map(h -> h.municipality().kommunenummer())
                        .collect(Collectors.toSet());
        Set<String> wanted = expected == null ? Set.of() : Set.of(expected.split(" "));
        assertEquals(wanted, numbers, () -> input + ": " + result);
        if (method == Method.FUZZY) {
            List<NameIndex.Hit> scored = result.match() != null ? List.of(result.match()) : result.candidates();
            scored.forEach(hit -> assertTrue(hit.score() >= 0.9 && hit.score() < 1.0, () -> "score " + result));
        }
    }

    @Test
    void everyOfficialNameMatchesItselfExactly() {
        for (NameIndex.Entry e : current) {
            Result r = index.match(e.name(), Scope.NONE);
            assertEquals(Status.MATCHED, r.status(), e.name());
            assertEquals(Method.EXACT, r.method(), e.name());
            assertEquals(e.kommunenummer(), r.match().municipality().kommunenummer(), e.name());
        }
    }

    @Test
    void everySamiAndKvenParallelNameFindsItsMunicipality() {
        int parts = 0;
        for (NameIndex.Entry e : current) {
            String base = e.name().replaceAll("\\s*\\(.*\\)$", "");
            String[] names = base.split("\\s+-\\s+");
            if (names.length < 2) {
                continue;
            }
            for (String part : names) {
                parts++;
                Result r = index.match(part, Scope.NONE);
                assertEquals(Status.MATCHED, r.status(), () -> part + " → " + r);
                assertEquals(e.kommunenummer(), r.match().municipality().kommunenummer(), part);
            }
        }
        assertEquals(56, parts, "parallel-name parts in the 2024 list");
    }

    @Test
    void everyAmbiguousNameIsReportedWithAllCandidatesAndNarrowedByCounty() {
        Map<String, List<NameIndex.Entry>> byBase = new HashMap<>();
        for (NameIndex.Entry e : current) {
            byBase.computeIfAbsent(NameIndex.normalise(e.name()), k -> new ArrayList<>())
                    .add(e);
        }
        int ambiguous = 0;
        for (List<NameIndex.Entry> same : byBase.values()) {
            if (same.size() < 2) {
                continue;
            }
            ambiguous++;
            String plain = same.get(0).name().replaceAll("\\s*\\(.*\\)$", "");
            Result r = index.match(plain, Scope.NONE);
            assertEquals(Status.AMBIGUOUS, r.status(), plain);
            assertEquals(
                    same.stream().map(NameIndex.Entry::kommunenummer).collect(Collectors.toSet()),
                    r.candidates().stream()
                            .map(h -> h.municipality().kommunenummer())
                            .collect(Collectors.toSet()));
            for (NameIndex.Entry e : same) {
                Result narrowed = index.match(plain, new Scope(e.county(), null));
                assertEquals(
                        e.kommunenummer(),
                        narrowed.match().municipality().kommunenummer(),
                        plain + " in " + e.county());
            }
        }
        assertEquals(2, ambiguous, "Våler and Herøy are the two names shared by two 2024 municipalities");
    }

    @Test
    void everyFormerNameLeadsToWhatItBecameOrSaysItIsAmbiguous() {
        for (NameIndex.Former f : former) {
            Result r = index.match(f.name(), Scope.NONE);
            Set<String> found = r.status() == Status.MATCHED
                    ? Set.of(r.match().municipality().kommunenummer())
                    : r.candidates().stream()
                            .map(h -> h.municipality().kommunenummer())
                            .collect(Collectors.toSet());
            assertTrue(r.status() != Status.UNMATCHED, () -> f.name() + " unmatched");
            // A former name that is also a current name (e.g. Bø) matches the current one first: that is the exact
            // rule.
            if (r.method() == Method.ALIAS) {
                assertTrue(
                        found.containsAll(f.successors()) || f.successors().containsAll(found),
                        () -> f.name() + " → " + found + ", expected " + f.successors());
            }
        }
    }

    @Test
    void aNameThatMatchesNothingComesWithSuggestions() {
        // Tromsdalen is a part of Tromsø, not a municipality: close, but not close enough to guess.
        Result r = index.match("Tromsdalen", Scope.NONE);
        assertEquals(Status.UNMATCHED, r.status(), r::toString);
        assertTrue(
                r.suggestions().stream()
                        .anyMatch(h -> h.municipality().kommunenummer().equals("5501")),
                () -> "Tromsø should be suggested: " + r.suggestions());
    }

    // Each rule on its own, on a small invented registry.

    private static final NameIndex INVENTED = new NameIndex(
            List.of(
                    new NameIndex.Entry("9001", "Lia (Nord)", "90", "digi-a"),
                    new NameIndex.Entry("9101", "Lia (Sør)", "91", "digi-b"),
                    new NameIndex.Entry("9002", "Bakke", "90", "digi-a"),
                    new NameIndex.Entry("9003", "Dalen", "90", "digi-a"),
                    new NameIndex.Entry("9004", "Ája - Elvedal", "90", "digi-a")),
            List.of(
                    new NameIndex.Former("8001", "Gamleby", LocalDate.parse("2019-12-31"), List.of("9002")),
                    new NameIndex.Former("8002", "Delby", LocalDate.parse("2019-12-31"), List.of("9002", "9003")),
                    new NameIndex.Former("8003", "Dalen", LocalDate.parse("2019-12-31"), List.of("9002")),
                    new NameIndex.Former("8004", "Borte", LocalDate.parse("2019-12-31"), List.of("7777"))));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Nord-Fron                       | nordfron",
                "'  Sør-Varanger kommune  '      | sorvaranger",
                "Tromsø kommunen                 | tromso",
                "Våler (Innlandet)               | valer",
                "Bærum                           | baerum",
                "Æøå                             | aeoa",
                "Kárášjohka - Karasjok           | karasjohkakarasjok",
                "Porsanger - Porsáŋgu - Porsanki | porsangerporsanguporsanki",
                "Đŧ                              | dt",
                "'kommune'                       | ''",
            })
    void normalisingFoldsCaseLettersHyphensTheKommuneWordAndTheCountyQualifier(String name, String normalised) {
        assertEquals(normalised, NameIndex.normalise(name));
    }

    @Test
    void theOfficialNameAsWrittenMatchesExactlyEvenWhenItIsAlsoAFormerName() {
        Result r = INVENTED.match("Dalen", Scope.NONE);
        assertEquals(Status.MATCHED, r.status());
        assertEquals(Method.EXACT, r.method());
        assertEquals("9003", r.match().municipality().kommunenummer());
    }

    @Test
    void aNameWrittenDifferentlyMatchesNormalised() {
        Result r = INVENTED.match("BAKKE kommune", Scope.NONE);
        assertEquals(Status.MATCHED, r.status());
        assertEquals(Method.NORMALISED, r.method());
        assertEquals("9002", r.match().municipality().kommunenummer());
    }

    @Test
    void aParallelNameIsAnAliasOfItsMunicipality() {
        for (String name : List.of("Elvedal", "Aja")) {
            Result r = INVENTED.match(name, Scope.NONE);
            assertEquals(Method.ALIAS, r.method(), name);
            assertEquals("9004", r.match().municipality().kommunenummer(), name);
            assertEquals(
                    "parallel name (Sámi/Kven/Norwegian) of Ája - Elvedal",
                    r.match().how(),
                    name);
        }
    }

    @Test
    void aFormerNameLeadsToWhatItBecameAndSaysWhenItEnded() {
        Result r = INVENTED.match("gamleby", Scope.NONE);
        assertEquals(Status.MATCHED, r.status());
        assertEquals(Method.ALIAS, r.method());
        assertEquals("9002", r.match().municipality().kommunenummer());
        assertEquals("former name: 8001 Gamleby until 2019-12-31", r.match().how());
    }

    @Test
    void aFormerNameThatWasSplitIsAmbiguousBetweenItsParts() {
        Result r = INVENTED.match("Delby", Scope.NONE);
        assertEquals(Status.AMBIGUOUS, r.status());
        assertEquals(Method.ALIAS, r.method());
        assertNull(r.match());
        assertEquals(Set.of("9002", "9003"), numbers(r));
    }

    @Test
    void aFormerNumberWhoseSuccessorIsNotCurrentGivesNoAlias() {
        Result r = INVENTED.match("Borte", Scope.NONE);
        assertEquals(Status.UNMATCHED, r.status());
    }

    @Test
    void aSharedNameIsAmbiguousUntilTheCountyOrNetworkNarrowsIt() {
        Result both = INVENTED.match("Lia", Scope.NONE);
        assertEquals(Status.AMBIGUOUS, both.status());
        assertEquals(Method.NORMALISED, both.method());
        assertEquals(Set.of("9001", "9101"), numbers(both));
        assertEquals(
                "9001",
                INVENTED.match("Lia", new Scope("90", null))
                        .match()
                        .municipality()
                        .kommunenummer());
        assertEquals(
                "9101",
                INVENTED.match("Lia", new Scope(null, "digi-b"))
                        .match()
                        .municipality()
                        .kommunenummer());
        assertEquals(
                Status.UNMATCHED,
                INVENTED.match("Lia", new Scope("90", "digi-b")).status());
    }

    @Test
    void nothingToMatchIsUnmatchedWithoutSuggestions() {
        for (String name : new String[] {null, "", "  ", "kommune"}) {
            Result r = INVENTED.match(name, Scope.NONE);
            assertEquals(Status.UNMATCHED, r.status(), String.valueOf(name));
            assertNull(r.method());
            assertEquals(List.of(), r.suggestions());
        }
    }

    private static Set<String> numbers(Result r) {
        return r.candidates().stream()
                .map(h -> h.municipality().kommunenummer())
                .collect(Collectors.toSet());
    }

    private static List<String[]> csv(String file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of("reference-data", file));
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }

    private static String network(String name) {
        return name.toLowerCase()
                .replace("ø", "o")
                .replace("å", "a")
                .replace("æ", "ae")
                .replace(' ', '-');
    }
}
