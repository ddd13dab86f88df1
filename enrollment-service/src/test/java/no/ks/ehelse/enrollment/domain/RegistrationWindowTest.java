package no.ks.ehelse.enrollment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import no.ks.ehelse.enrollment.domain.RegistrationWindow.Admission;
import no.ks.ehelse.platform.api.ProblemException;

class RegistrationWindowTest {

    private static final LocalDate OPENS = LocalDate.parse("2024-04-15");
    private static final LocalDate DEADLINE = LocalDate.parse("2024-06-30");

    private static Track track(TrackStatus status, LocalDate opens) {
        Track t = new Track();
        t.name = "Testløp";
        t.status = status;
        t.registrationOpens = opens;
        t.registrationDeadline = DEADLINE;
        return t;
    }

    private static String refusal(Track track, LocalDate today, boolean manager, String lateReason) {
        ProblemException e =
                assertThrows(ProblemException.class, () -> RegistrationWindow.admit(track, today, manager, lateReason));
        assertEquals(409, e.toProblem("/").status());
        return e.toProblem("/").type();
    }

    @Test
    void anOpenTrackTakesEnrollmentsFromTheOpeningDayToTheDeadlineInclusive() {
        Track open = track(TrackStatus.OPEN, OPENS);
        assertTrue(RegistrationWindow.isOpen(open, OPENS));
        assertTrue(RegistrationWindow.isOpen(open, DEADLINE));
        assertFalse(RegistrationWindow.isOpen(open, OPENS.minusDays(1)));
        assertFalse(RegistrationWindow.isOpen(open, DEADLINE.plusDays(1)));
        assertTrue(RegistrationWindow.isOpen(track(TrackStatus.OPEN, null), LocalDate.parse("2000-01-01")));
        assertEquals(Admission.ON_TIME, RegistrationWindow.admit(open, DEADLINE, false, null));
        assertEquals(Admission.ON_TIME, RegistrationWindow.admit(open, DEADLINE, true, "not needed"));
    }

    @Test
    void afterTheDeadlineOnlyAManagerWithAReasonEnrollsLate() {
        LocalDate after = DEADLINE.plusDays(1);
        for (TrackStatus status :
                new TrackStatus[] {TrackStatus.OPEN, TrackStatus.REGISTRATION_CLOSED, TrackStatus.RUNNING}) {
            Track t = track(status, OPENS);
            assertEquals(
                    Admission.LATE, RegistrationWindow.admit(t, after, true, "Meldte fra før fristen"), status::name);
            assertEquals("urn:no:ks:ehelse:problem:registration-closed", refusal(t, after, true, " "));
            assertEquals("urn:no:ks:ehelse:problem:registration-closed", refusal(t, after, true, null));
            assertEquals("urn:no:ks:ehelse:problem:registration-closed", refusal(t, after, false, "a reason"));
        }
    }

    @Test
    void theRefusalAfterTheDeadlineTellsAManagerHowToEnrollLateAndOthersWhomToAsk() {
        Track t = track(TrackStatus.OPEN, OPENS);
        ProblemException manager = assertThrows(
                ProblemException.class, () -> RegistrationWindow.admit(t, DEADLINE.plusDays(1), true, null));
        assertEquals(
                "Registration for Testløp closed on 2024-06-30; give a lateReason to register the municipality late",
                manager.toProblem("/").detail());
        ProblemException municipality = assertThrows(
                ProblemException.class, () -> RegistrationWindow.admit(t, DEADLINE.plusDays(1), false, null));
        assertEquals(
                "Registration for Testløp closed on 2024-06-30; contact the track's lead",
                municipality.toProblem("/").detail());
    }

    @Test
    void beforeTheOpeningDayItIsNotOpenYetEvenForAManager() {
        assertEquals(
                "urn:no:ks:ehelse:problem:registration-not-open",
                refusal(track(TrackStatus.OPEN, OPENS), OPENS.minusDays(1), true, "a reason"));
    }

    @Test
    void aTrackNotOpenForOtherReasonsTakesNoEnrollmentAtAll() {
        for (TrackStatus status : new TrackStatus[] {TrackStatus.DRAFT, TrackStatus.COMPLETED, TrackStatus.CANCELLED}) {
            assertEquals("urn:no:ks:ehelse:problem:track-not-open", refusal(track(status, OPENS), OPENS, true, "x"));
            assertEquals(
                    "urn:no:ks:ehelse:problem:track-not-open",
                    refusal(track(status, OPENS), DEADLINE.plusDays(1), true, "x"));
        }
        assertEquals(
                "urn:no:ks:ehelse:problem:track-not-open",
                refusal(track(TrackStatus.REGISTRATION_CLOSED, OPENS), OPENS, true, "x"));
    }
}
