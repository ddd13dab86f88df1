package no.ks.ehelse.adoption.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import no.ks.ehelse.adoption.domain.AdoptionLedger.Outcome;
import no.ks.ehelse.adoption.domain.AdoptionLedger.Report;
import no.ks.ehelse.adoption.domain.AdoptionLedger.StatusReportInput;
import no.ks.ehelse.adoption.domain.AdoptionLedger.UsageReportInput;
import no.ks.ehelse.adoption.domain.LedgerRules.Municipality;
import no.ks.ehelse.adoption.domain.LedgerRules.Status;
import no.ks.ehelse.adoption.domain.LedgerRules.StatusKey;
import no.ks.ehelse.adoption.domain.LedgerRules.Usage;
import no.ks.ehelse.adoption.domain.LedgerRules.UsageKey;
import no.ks.ehelse.platform.events.PoisonCategory;

class LedgerRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2024, 6, 3, 8, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime EARLIER = NOW.minusDays(20);

    private static final Map<String, Municipality> REGISTRY = Map.of(
            "4601", new Municipality(true, List.of()),
            "1508", new Municipality(true, List.of()),
            "1580", new Municipality(true, List.of()),
            "3301", new Municipality(true, List.of()),
            "1507", new Municipality(false, List.of("1508", "1580")), // split
            "3005", new Municipality(false, List.of("3301")), // merged
            "1234", new Municipality(false, List.of()));

    private final LedgerRules rules = new LedgerRules(REGISTRY, Set.of("digihelse", "vkp"), NOW);

    private static StatusReportInput status(String kommunenummer, AdoptionLevel level, String date) {
        return new StatusReportInput(
                UUID.randomUUID().toString(), kommunenummer, "digihelse", level, LocalDate.parse(date));
    }

    private static UsageReportInput usage(String kommunenummer, double value) {
        return new UsageReportInput(
                UUID.randomUUID().toString(), kommunenummer, "digihelse", "messages", "2024-05", value);
    }

    /** Reads nothing held, as for a first batch; {@link #hold} first for rows a database would have. */
    private Outcome apply(Report report) {
        assertNull(rules.rejection(report));
        return rules.apply(report);
    }

    private void hold(String kommunenummer, AdoptionLevel level, String date) {
        rules.hold(
                Map.of(new StatusKey("digihelse", kommunenummer), new Status(level, LocalDate.parse(date))), Map.of());
    }

    private Status current(String kommunenummer) {
        return rules.changedStatuses().get(new StatusKey("digihelse", kommunenummer));
    }

    @Test
    void aNewerStatusReplacesTheHeldOneAndIsHistory() {
        hold("4601", AdoptionLevel.ORDERED, "2024-01-15");
        assertEquals(Outcome.UPDATED, apply(status("4601", AdoptionLevel.TECHNICALLY_READY, "2024-03-01")));
        assertEquals(new Status(AdoptionLevel.TECHNICALLY_READY, LocalDate.parse("2024-03-01")), current("4601"));
        assertEquals(1, rules.history().size());
    }

    @Test
    void aFirstStatusIsImported() {
        assertEquals(Outcome.IMPORTED, apply(status("4601", AdoptionLevel.ORDERED, "2024-01-15")));
        assertEquals(AdoptionLevel.ORDERED, current("4601").level());
    }

    @Test
    void anOlderStatusIsHistoryOnly() {
        hold("4601", AdoptionLevel.ACTIVE, "2024-05-01");
        assertEquals(Outcome.IGNORED_STALE, apply(status("4601", AdoptionLevel.ORDERED, "2024-03-01")));
        assertTrue(rules.changedStatuses().isEmpty(), "the held status stays");
        assertEquals(
                List.of(AdoptionLevel.ORDERED),
                rules.history().stream().map(LedgerRules.History::level).toList());
        assertTrue(rules.firstActive().isEmpty());
    }

    @Test
    void anOlderStatusInTheSameBatchIsHistoryOnlyToo() {
        apply(status("4601", AdoptionLevel.ACTIVE, "2024-05-01"));
        assertEquals(Outcome.IGNORED_STALE, apply(status("4601", AdoptionLevel.ORDERED, "2024-03-01")));
        assertEquals(AdoptionLevel.ACTIVE, current("4601").level());
        assertEquals(2, rules.history().size());
    }

    @Test
    void theSameStatusAndDateIsADuplicateAndNotHistory() {
        hold("4601", AdoptionLevel.ORDERED, "2024-01-15");
        assertEquals(Outcome.IGNORED_DUPLICATE, apply(status("4601", AdoptionLevel.ORDERED, "2024-01-15")));
        assertTrue(rules.history().isEmpty());
        assertTrue(rules.changedStatuses().isEmpty());
    }

    @Test
    void anotherStatusOnTheSameDateReplacesTheHeldOne() {
        hold("4601", AdoptionLevel.ORDERED, "2024-01-15");
        assertEquals(Outcome.UPDATED, apply(status("4601", AdoptionLevel.ACTIVE, "2024-01-15")));
        assertEquals(AdoptionLevel.ACTIVE, current("4601").level());
    }

    @Test
    void theFirstActiveOfTheBatchIsTheWentLiveAndOnlyIt() {
        apply(status("4601", AdoptionLevel.ORDERED, "2024-01-15"));
        apply(status("4601", AdoptionLevel.ACTIVE, "2024-05-01"));
        apply(status("4601", AdoptionLevel.ACTIVE, "2024-06-01"));
        apply(status("3301", AdoptionLevel.TECHNICALLY_READY, "2024-06-01"));
        assertEquals(
                List.of(new AdoptionEvents.WentLive("4601", "digihelse", LocalDate.parse("2024-05-01"))),
                rules.firstActive());
    }

    @Test
    void aStaleActiveIsNoWentLive() {
        hold("4601", AdoptionLevel.DISCONTINUED, "2024-05-01");
        apply(status("4601", AdoptionLevel.ACTIVE, "2024-02-01"));
        assertTrue(rules.firstActive().isEmpty());
    }

    @Test
    void aCorrectedUsageFigureReplacesTheValueAndKeepsTheOldOneWithItsReportTime() {
        UsageKey key = new UsageKey("digihelse", "messages", "2024-05", "4601");
        rules.hold(Map.of(), Map.of(key, new Usage(15168, EARLIER)));
        assertEquals(Outcome.UPDATED, apply(usage("4601", 16000)));
        assertEquals(Map.of(key, new Usage(16000, NOW)), rules.changedUsage());
        assertEquals(List.of(new LedgerRules.Correction(key, new Usage(15168, EARLIER))), rules.corrections());
    }

    @Test
    void theSameUsageFigureAgainIsADuplicate() {
        UsageKey key = new UsageKey("digihelse", "messages", "2024-05", "4601");
        rules.hold(Map.of(), Map.of(key, new Usage(15168, EARLIER)));
        assertEquals(Outcome.IGNORED_DUPLICATE, apply(usage("4601", 15168)));
        assertTrue(rules.corrections().isEmpty());
        assertTrue(rules.changedUsage().isEmpty());
    }

    @Test
    void aCorrectionInTheSameBatchKeepsTheFirstFigureAsReplaced() {
        assertEquals(Outcome.IMPORTED, apply(usage("4601", 10)));
        assertEquals(Outcome.UPDATED, apply(usage("4601", 12)));
        assertEquals(12, rules.changedUsage().values().iterator().next().value());
        assertEquals(
                List.of(10.0),
                rules.corrections().stream().map(c -> c.replaced().value()).toList());
    }

    @Test
    void aStatusForASplitNumberCountsForEverySuccessor() {
        StatusReportInput report = status("1507", AdoptionLevel.ACTIVE, "2023-06-01");
        assertEquals(
                Set.of(new StatusKey("digihelse", "1508"), new StatusKey("digihelse", "1580")),
                rules.statusKeys(List.of(report)));
        assertEquals(Outcome.IMPORTED, apply(report));
        assertEquals(AdoptionLevel.ACTIVE, current("1508").level());
        assertEquals(AdoptionLevel.ACTIVE, current("1580").level());
        assertEquals(
                List.of("1508", "1580"),
                rules.firstActive().stream()
                        .map(AdoptionEvents.WentLive::kommunenummer)
                        .toList());
        assertEquals(
                List.of("1507", "1507"),
                rules.history().stream()
                        .map(LedgerRules.History::reportedKommunenummer)
                        .toList(),
                "history names the number reported");
    }

    @Test
    void aSplitNumbersOutcomeIsTheStrongestOverItsSuccessors() {
        hold("1508", AdoptionLevel.ACTIVE, "2023-06-01");
        assertEquals(
                Outcome.IMPORTED,
                apply(status("1507", AdoptionLevel.ACTIVE, "2023-06-01")),
                "new for 1580, a duplicate for 1508");
    }

    @Test
    void aMergedNumberCountsForTheMunicipalityItBecame() {
        assertEquals(Outcome.IMPORTED, apply(status("3005", AdoptionLevel.ACTIVE, "2023-06-01")));
        assertEquals(
                Set.of(new StatusKey("digihelse", "3301")),
                rules.changedStatuses().keySet());
        assertEquals(Outcome.IMPORTED, apply(usage("3005", 7)));
        assertEquals(
                Set.of(new UsageKey("digihelse", "messages", "2024-05", "3301")),
                rules.changedUsage().keySet());
    }

    @Test
    void reportsThatCanNeverBeAppliedAreRejectedWithTheReason() {
        assertEquals(
                "unknown solution tidsreise",
                rules.rejection(new StatusReportInput(
                        "e", "4601", "tidsreise", AdoptionLevel.ACTIVE, LocalDate.parse("2024-01-01"))));
        assertEquals("unknown municipality 9999", rules.rejection(status("9999", AdoptionLevel.ACTIVE, "2024-01-01")));
        assertEquals(
                "former municipality 1234 has no known successor",
                rules.rejection(status("1234", AdoptionLevel.ACTIVE, "2024-01-01")));
        assertTrue(
                rules.rejection(usage("1507", 3)).startsWith("former municipality 1507 was split into [1508, 1580]"));
        assertEquals(
                "status must be ORDERED, TECHNICALLY_READY, ACTIVE or DISCONTINUED",
                rules.rejection(status("4601", AdoptionLevel.NONE, "2024-01-01")));
        assertEquals("value must be a number of 0 or more", rules.rejection(usage("4601", -1)));
        assertEquals("value must be a number of 0 or more", rules.rejection(usage("4601", Double.NaN)));
        assertNull(rules.rejection(usage("4601", 0)));
    }

    @Test
    void aRejectionSaysWhatKindOfFaultItIs() {
        assertEquals(
                PoisonCategory.UNKNOWN_REFERENCE,
                rules.rejectionOf(status("9999", AdoptionLevel.ACTIVE, "2024-01-01"))
                        .category());
        assertEquals(
                PoisonCategory.UNKNOWN_REFERENCE,
                rules.rejectionOf(usage("1507", 3)).category());
        assertEquals(
                PoisonCategory.UNKNOWN_REFERENCE,
                rules.rejectionOf(new StatusReportInput(
                                "e", "4601", "tidsreise", AdoptionLevel.ACTIVE, LocalDate.parse("2024-01-01")))
                        .category());
        assertEquals(
                PoisonCategory.INVALID_VALUE,
                rules.rejectionOf(usage("4601", -1)).category());
        assertEquals(
                PoisonCategory.INVALID_VALUE,
                rules.rejectionOf(status("4601", AdoptionLevel.NONE, "2024-01-01"))
                        .category());
    }
}
