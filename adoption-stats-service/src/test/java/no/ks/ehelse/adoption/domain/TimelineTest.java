package no.ks.ehelse.adoption.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The municipalities valid on a day and a former number's level, on the Ålesund split of 2024. */
class TimelineTest {

    private static final LocalDate SPLIT = LocalDate.parse("2024-01-01");

    private static final Timeline TIMELINE = new Timeline(List.of(
            new Timeline.Member("4601", "Bergen", "46", "digi-vestland", "helse-vest", 291000, null, null, List.of()),
            new Timeline.Member(
                    "1508", "Ålesund", "15", "digi-more-og-romsdal", "helse-midt-norge", 58509, SPLIT, null, List.of()),
            new Timeline.Member(
                    "1580", "Haram", "15", "digi-more-og-romsdal", "helse-midt-norge", 9357, SPLIT, null, List.of()),
            new Timeline.Member(
                    "1507",
                    "Ålesund",
                    "15",
                    null,
                    null,
                    null,
                    LocalDate.parse("2020-01-01"),
                    LocalDate.parse("2023-12-31"),
                    List.of("1508", "1580"))));

    @Test
    void aDayCountsTheNumbersValidThenWithTheSuccessorsAttributes() {
        Timeline.MunicipalitySet set = TIMELINE.on(LocalDate.parse("2023-04-01"));
        assertEquals(
                List.of("1507", "4601"),
                set.members().stream().map(Timeline.Member::kommunenummer).toList());
        Timeline.Member alesund = set.members().get(0);
        assertEquals(58509 + 9357, alesund.population());
        assertEquals("digi-more-og-romsdal", alesund.network());
        assertEquals(
                List.of("1507 Ålesund: population is the sum of its successors 1508, 1580 (the registry's figures for"
                        + " them)"),
                set.approximations());
        assertEquals(2, TIMELINE.on(LocalDate.parse("2023-12-31")).members().size());
        assertEquals(
                List.of("1508", "1580", "4601"),
                TIMELINE.on(SPLIT).members().stream()
                        .map(Timeline.Member::kommunenummer)
                        .toList());
        assertEquals(3, TIMELINE.on(null).members().size());
    }

    @Test
    void aFormerNumberCountsItsOwnReportsElseTheStrongestOfItsSuccessors() {
        OffsetDateTime t = OffsetDateTime.parse("2024-07-01T00:00:00Z");
        Timeline.Member alesund =
                TIMELINE.on(LocalDate.parse("2023-06-01")).members().get(0);
        Timeline.Sweep own = new Timeline.Sweep(List.of(
                new Timeline.Row("1508", "1507", AdoptionLevel.ORDERED, LocalDate.parse("2023-02-01"), 1, t),
                new Timeline.Row("1580", "1507", AdoptionLevel.ORDERED, LocalDate.parse("2023-02-01"), 2, t),
                new Timeline.Row("1580", "1580", AdoptionLevel.ACTIVE, LocalDate.parse("2023-03-01"), 3, t)));
        own.advanceTo(LocalDate.parse("2023-06-01"));
        assertEquals(AdoptionLevel.ORDERED, own.levelOf(alesund));
        Timeline.Sweep successors = new Timeline.Sweep(List.of(
                new Timeline.Row("1508", "1508", AdoptionLevel.TECHNICALLY_READY, LocalDate.parse("2023-02-01"), 1, t),
                new Timeline.Row("1580", "1580", AdoptionLevel.ACTIVE, LocalDate.parse("2023-03-01"), 2, t)));
        successors.advanceTo(LocalDate.parse("2023-02-15"));
        assertEquals(AdoptionLevel.TECHNICALLY_READY, successors.levelOf(alesund));
        successors.advanceTo(LocalDate.parse("2023-06-01"));
        assertEquals(AdoptionLevel.ACTIVE, successors.levelOf(alesund));
    }

    @Test
    void madeAvailableCountsActiveTooButNotDiscontinued() {
        assertEquals(true, AdoptionLevel.ACTIVE.reaches(AdoptionLevel.TECHNICALLY_READY));
        assertEquals(true, AdoptionLevel.TECHNICALLY_READY.reaches(AdoptionLevel.TECHNICALLY_READY));
        assertEquals(false, AdoptionLevel.ORDERED.reaches(AdoptionLevel.TECHNICALLY_READY));
        assertEquals(false, AdoptionLevel.DISCONTINUED.reaches(AdoptionLevel.ORDERED));
        assertEquals(false, AdoptionLevel.NONE.reaches(AdoptionLevel.ORDERED));
    }
}
