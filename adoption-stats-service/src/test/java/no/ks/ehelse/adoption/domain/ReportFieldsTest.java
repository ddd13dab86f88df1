package no.ks.ehelse.adoption.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import no.ks.ehelse.platform.events.DateRange;

class ReportFieldsTest {

    private static String rejection(org.junit.jupiter.api.function.Executable parse) {
        return assertThrows(RejectedReport.class, parse).getMessage();
    }

    @Test
    void kommunenummerIsFourDigits() {
        assertEquals("4601", ReportFields.kommunenummer("4601"));
        assertEquals("kommunenummer must be 4 digits, was '460'", rejection(() -> ReportFields.kommunenummer("460")));
        assertEquals("kommunenummer must be 4 digits, was 'null'", rejection(() -> ReportFields.kommunenummer(null)));
    }

    @Test
    void solutionIsACode() {
        assertEquals("digihelse", ReportFields.solution("digihelse"));
        assertEquals("e-resept", ReportFields.solution("e-resept"));
        assertTrue(rejection(() -> ReportFields.solution("Digi Helse")).startsWith("solution must be a code"));
    }

    @Test
    void levelIsOneOfTheReportableLevels() {
        assertEquals(AdoptionLevel.ACTIVE, ReportFields.level("ACTIVE"));
        assertEquals(
                "status must be ORDERED, TECHNICALLY_READY, ACTIVE or DISCONTINUED, was 'NONE'",
                rejection(() -> ReportFields.level("NONE")));
        assertTrue(rejection(() -> ReportFields.level("LIVE")).endsWith("was 'LIVE'"));
        assertTrue(rejection(() -> ReportFields.level(null)).endsWith("was 'null'"));
    }

    @Test
    void dateIsTheSuitesOneDateJudgement() {
        DateRange nhn = new DateRange(LocalDate.of(2000, 1, 1), LocalDate.of(2027, 12, 1));
        assertEquals(LocalDate.of(2024, 3, 1), ReportFields.date("2024-03-01", nhn));
        assertEquals(
                "'effectiveDate' is not a date (yyyy-MM-dd): 1. mars",
                rejection(() -> ReportFields.date("1. mars", nhn)));
        assertTrue(rejection(() -> ReportFields.date("2023-13-01", nhn)).startsWith("'effectiveDate' is not a date"));
        assertTrue(rejection(() -> ReportFields.date("2023-02-30", nhn)).startsWith("'effectiveDate' is not a date"));
        assertTrue(rejection(() -> ReportFields.date("+10000-01-01", nhn))
                .contains("is outside 2000-01-01 to 2027-12-01"));
        assertEquals(
                "'effectiveDate' 9999-12-31 is outside 2000-01-01 to 2027-12-01",
                rejection(() -> ReportFields.date("9999-12-31", nhn)));
        assertEquals(
                "'effectiveDate' 1999-12-31 is outside 2000-01-01 to 2027-12-01",
                rejection(() -> ReportFields.date("1999-12-31", nhn)));
        assertEquals(LocalDate.of(2027, 12, 1), ReportFields.date("2027-12-01", nhn));
        assertTrue(rejection(() -> ReportFields.date(null, nhn)).startsWith("'effectiveDate' is not a date"));
    }

    @Test
    void periodIsAPlausibleMonth() {
        DateRange plausible = new DateRange(LocalDate.of(2000, 1, 1), LocalDate.of(2027, 6, 30));
        assertEquals("2024-05", ReportFields.period("2024-05", plausible));
        assertEquals("2000-01", ReportFields.period("2000-01", plausible));
        assertEquals("2027-06", ReportFields.period("2027-06", plausible));
        assertEquals(
                "period must be a month (YYYY-MM), was 'May'", rejection(() -> ReportFields.period("May", plausible)));
        // YearMonth.parse alone takes these and stores a key no real report has.
        assertEquals(
                "period must be a month (YYYY-MM), was '+10000-01'",
                rejection(() -> ReportFields.period("+10000-01", plausible)));
        assertEquals(
                "period 1999-12 is outside 2000-01 to 2027-06",
                rejection(() -> ReportFields.period("1999-12", plausible)));
        assertEquals(
                "period 2027-07 is outside 2000-01 to 2027-06",
                rejection(() -> ReportFields.period("2027-07", plausible)));
    }

    @Test
    void metricIsRequiredAndShort() {
        assertEquals("messages", ReportFields.metric("messages"));
        assertEquals("metric is required (at most 100 characters)", rejection(() -> ReportFields.metric(" ")));
        assertEquals(
                "metric is required (at most 100 characters)", rejection(() -> ReportFields.metric("m".repeat(101))));
    }

    @Test
    void valueIsANumber() {
        assertEquals(1200.0, ReportFields.value("1200"));
        assertEquals("value must be a number, was 'many'", rejection(() -> ReportFields.value("many")));
    }
}
