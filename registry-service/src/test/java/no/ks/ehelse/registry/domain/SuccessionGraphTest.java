package no.ks.ehelse.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import no.ks.ehelse.registry.domain.MunicipalityEvents.Link;

/** Who became whom: successors followed over time to the numbers valid on a day, predecessors one step back. */
class SuccessionGraphTest {

    private static final LocalDate Y2020 = LocalDate.parse("2020-01-01");
    private static final LocalDate Y2024 = LocalDate.parse("2024-01-01");

    private final Map<String, Municipality> municipalities = new HashMap<>();

    @Test
    void aRenumberedNumberLeadsToItsNewNumberAndBack() {
        number("3005", "Drammen", null, Y2024.minusDays(1));
        number("3301", "Drammen", Y2024, null);
        SuccessionGraph graph = graph(link("3005", "3301", Y2024, ChangeType.RENUMBERED));

        assertEquals(
                List.of(new Link("3301", "Drammen", Y2024, ChangeType.RENUMBERED)),
                graph.successors("3005", LocalDate.parse("2024-06-01")));
        assertEquals(List.of(new Link("3005", "Drammen", Y2024, ChangeType.RENUMBERED)), graph.predecessors("3301"));
        assertEquals(List.of(), graph.successors("3301", LocalDate.parse("2024-06-01")));
        assertEquals(List.of(), graph.predecessors("3005"));
    }

    @Test
    void mergedNumbersLeadToTheOneTheyFormedWhichHasThemAllAsPredecessors() {
        number("0602", "Drammen", null, Y2020);
        number("0625", "Nedre Eiker", null, Y2020);
        number("3005", "Drammen", Y2020, null);
        SuccessionGraph graph =
                graph(link("0602", "3005", Y2020, ChangeType.MERGED), link("0625", "3005", Y2020, ChangeType.MERGED));

        LocalDate day = LocalDate.parse("2022-06-01");
        assertEquals(List.of(new Link("3005", "Drammen", Y2020, ChangeType.MERGED)), graph.successors("0602", day));
        assertEquals(List.of(new Link("3005", "Drammen", Y2020, ChangeType.MERGED)), graph.successors("0625", day));
        assertEquals(Set.of("0602", "0625"), numbers(graph.predecessors("3005")));
    }

    @Test
    void aSplitNumberLeadsToEveryPartAndEachPartBackToIt() {
        number("1507", "Ålesund", Y2020, Y2024);
        number("1508", "Ålesund", Y2024, null);
        number("1580", "Haram", Y2024, null);
        SuccessionGraph graph =
                graph(link("1507", "1508", Y2024, ChangeType.SPLIT), link("1507", "1580", Y2024, ChangeType.SPLIT));

        List<Link> successors = graph.successors("1507", LocalDate.parse("2024-06-01"));
        assertEquals(Set.of("1508", "1580"), numbers(successors));
        successors.forEach(l -> assertEquals(ChangeType.SPLIT, l.changeType()));
        successors.forEach(l -> assertEquals(Y2024, l.effectiveDate()));
        assertEquals(List.of(new Link("1507", "Ålesund", Y2024, ChangeType.SPLIT)), graph.predecessors("1508"));
        assertEquals(List.of(new Link("1507", "Ålesund", Y2024, ChangeType.SPLIT)), graph.predecessors("1580"));
    }

    @Test
    void laterChangesAreFollowedToTheNumbersValidOnTheDayWithTheDateAndKindOfTheFirstEnding() {
        number("0602", "Drammen", null, Y2020);
        number("3005", "Drammen", Y2020, Y2024.minusDays(1));
        number("3301", "Drammen", Y2024, null);
        SuccessionGraph graph = graph(
                link("0602", "3005", Y2020, ChangeType.MERGED), link("3005", "3301", Y2024, ChangeType.RENUMBERED));

        assertEquals(
                List.of(new Link("3005", "Drammen", Y2020, ChangeType.MERGED)),
                graph.successors("0602", LocalDate.parse("2022-06-01")));
        assertEquals(
                List.of(new Link("3301", "Drammen", Y2020, ChangeType.MERGED)),
                graph.successors("0602", LocalDate.parse("2024-06-01")));
        assertEquals(Set.of("3005"), numbers(graph.predecessors("3301")), "only the direct predecessors");
    }

    @Test
    void aSplitFollowedByAMergeOfItsPartsNamesTheMergedNumberOnce() {
        number("1000", "Delt", null, Y2020.minusDays(1));
        number("1001", "Nord-Delt", Y2020, Y2024.minusDays(1));
        number("1002", "Sør-Delt", Y2020, Y2024.minusDays(1));
        number("1003", "Samlet", Y2024, null);
        number("1004", "Nabo", null, Y2024.minusDays(1));
        SuccessionGraph graph = graph(
                link("1000", "1001", Y2020, ChangeType.SPLIT),
                link("1000", "1002", Y2020, ChangeType.SPLIT),
                link("1001", "1003", Y2024, ChangeType.MERGED),
                link("1002", "1003", Y2024, ChangeType.MERGED),
                link("1004", "1003", Y2024, ChangeType.MERGED));

        assertEquals(
                List.of(new Link("1003", "Samlet", Y2020, ChangeType.SPLIT)),
                graph.successors("1000", LocalDate.parse("2024-06-01")));
        assertEquals(Set.of("1001", "1002"), numbers(graph.successors("1000", LocalDate.parse("2022-06-01"))));
        assertEquals(Set.of("1001", "1002", "1004"), numbers(graph.predecessors("1003")));
    }

    @Test
    void aRecordedFutureChangeAlreadyNamesTheNumbersThatAreNotYetValid() {
        LocalDate effective = LocalDate.parse("2031-01-01");
        number("1815", "Vega", null, effective.minusDays(1));
        number("1896", "Vegaøyan", effective, null);
        number("1897", "Ytre Vega", effective, null);
        SuccessionGraph graph = graph(
                link("1815", "1896", effective, ChangeType.SPLIT), link("1815", "1897", effective, ChangeType.SPLIT));

        assertEquals(Set.of("1896", "1897"), numbers(graph.successors("1815", LocalDate.parse("2025-06-01"))));
    }

    @Test
    void aNumberWithoutHistoryHasNeitherSuccessorsNorPredecessors() {
        number("4601", "Bergen", null, null);
        SuccessionGraph graph = graph();
        assertEquals(List.of(), graph.successors("4601", Y2024));
        assertEquals(List.of(), graph.predecessors("4601"));
        assertEquals(List.of(), graph.successors("9999", Y2024));
    }

    private void number(String kommunenummer, String name, LocalDate validFrom, LocalDate validTo) {
        Municipality m = new Municipality();
        m.kommunenummer = kommunenummer;
        m.name = name;
        m.county = kommunenummer.substring(0, 2);
        m.validFrom = validFrom;
        m.validTo = validTo;
        municipalities.put(kommunenummer, m);
    }

    private static Succession link(String predecessor, String successor, LocalDate effectiveDate, ChangeType type) {
        Succession s = new Succession();
        s.predecessor = predecessor;
        s.successor = successor;
        s.effectiveDate = effectiveDate;
        s.changeType = type;
        return s;
    }

    private SuccessionGraph graph(Succession... links) {
        return new SuccessionGraph(municipalities, List.of(links));
    }

    private static Set<String> numbers(List<Link> links) {
        return links.stream().map(Link::kommunenummer).collect(Collectors.toSet());
    }
}
