package no.ks.ehelse.registry.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.registry.domain.StructuralChange.NewMunicipality;

/** The shape of a merge, split or renumbering: how many numbers end and how many follow. */
class StructuralChangeTest {

    private static final LocalDate EFFECTIVE = LocalDate.parse("2031-01-01");

    @Test
    void aMergeHasTwoOrMorePredecessorsAndOneSuccessor() {
        assertDoesNotThrow(
                () -> change(ChangeType.MERGED, List.of("1811", "1812"), "1899").checkShape());
        assertDoesNotThrow(() -> change(ChangeType.MERGED, List.of("1811", "1812", "1813"), "1899")
                .checkShape());
        assertRefused("type", change(ChangeType.MERGED, List.of("1811"), "1899"));
        assertRefused("type", change(ChangeType.MERGED, List.of("1811", "1812"), "1898", "1899"));
    }

    @Test
    void aSplitHasOnePredecessorAndTwoOrMoreSuccessors() {
        assertDoesNotThrow(
                () -> change(ChangeType.SPLIT, List.of("1815"), "1896", "1897").checkShape());
        assertDoesNotThrow(() -> change(ChangeType.SPLIT, List.of("1815"), "1895", "1896", "1897")
                .checkShape());
        assertRefused("type", change(ChangeType.SPLIT, List.of("1815"), "1896"));
        assertRefused("type", change(ChangeType.SPLIT, List.of("1815", "1816"), "1896", "1897"));
    }

    @Test
    void aRenumberingHasOnePredecessorAndOneSuccessor() {
        assertDoesNotThrow(
                () -> change(ChangeType.RENUMBERED, List.of("3005"), "3301").checkShape());
        assertRefused("type", change(ChangeType.RENUMBERED, List.of("3005"), "3301", "3302"));
        assertRefused("type", change(ChangeType.RENUMBERED, List.of("3005", "3006"), "3301"));
    }

    @Test
    void aPredecessorIsNamedOnce() {
        assertRefused("predecessors", change(ChangeType.MERGED, List.of("1811", "1811"), "1899"));
    }

    @Test
    void thePredecessorsEndTheDayBeforeTheEffectiveDate() {
        assertEquals(
                LocalDate.parse("2030-12-31"),
                change(ChangeType.SPLIT, List.of("1815"), "1896", "1897").lastDay());
    }

    private static StructuralChange change(ChangeType type, List<String> predecessors, String... successors) {
        return new StructuralChange(
                type,
                EFFECTIVE,
                predecessors,
                Arrays.stream(successors)
                        .map(n -> new NewMunicipality(n, "Ny " + n, null, null, "digi-nordland", "helse-nord"))
                        .toList());
    }

    private static void assertRefused(String field, StructuralChange change) {
        ProblemException refused = assertThrows(ProblemException.class, change::checkShape);
        assertEquals(400, refused.status());
        assertEquals(field, refused.toProblem(null).violations().get(0).field());
    }
}
