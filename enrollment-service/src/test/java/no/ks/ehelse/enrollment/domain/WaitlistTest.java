package no.ks.ehelse.enrollment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class WaitlistTest {

    private static Track track(Integer capacity) {
        Track t = new Track();
        t.capacity = capacity;
        return t;
    }

    private static Enrollment enrollment(EnrollmentStatus status, int queueNumber) {
        Enrollment e = new Enrollment();
        e.status = status;
        e.queueNumber = queueNumber;
        return e;
    }

    @Test
    void aNewEnrollmentIsConfirmedWhileAPlaceIsFreeAndWaitsWhenTheTrackIsFull() {
        assertEquals(EnrollmentStatus.CONFIRMED, Waitlist.statusOnEnrolling(track(10), 9));
        assertEquals(EnrollmentStatus.WAITLISTED, Waitlist.statusOnEnrolling(track(10), 10));
        assertEquals(EnrollmentStatus.CONFIRMED, Waitlist.statusOnEnrolling(track(null), 1_000));
    }

    @Test
    void queueNumbersCountUpPerTrack() {
        assertEquals(1, Waitlist.nextQueueNumber(null));
        assertEquals(8, Waitlist.nextQueueNumber(7));
    }

    @Test
    void thePositionIsOneMoreThanTheWaitingAheadAndOnlyForTheWaiting() {
        assertEquals(1, Waitlist.position(enrollment(EnrollmentStatus.WAITLISTED, 11), 0));
        assertEquals(3, Waitlist.position(enrollment(EnrollmentStatus.WAITLISTED, 14), 2));
        assertNull(Waitlist.position(enrollment(EnrollmentStatus.CONFIRMED, 3), 0));
        assertNull(Waitlist.position(enrollment(EnrollmentStatus.WITHDRAWN, 3), 0));
    }

    @Test
    void aFreedPlaceGoesToWhoeverQueuedFirst() {
        Enrollment second = enrollment(EnrollmentStatus.WAITLISTED, 12);
        Enrollment first = enrollment(EnrollmentStatus.WAITLISTED, 11);
        Enrollment third = enrollment(EnrollmentStatus.WAITLISTED, 13);
        assertEquals(List.of(first), Waitlist.promotable(track(10), 9, List.of(second, third, first)));
    }

    @Test
    void aLargerCapacityPromotesAsManyAsItFreesInQueueOrder() {
        List<Enrollment> waiting = List.of(
                enrollment(EnrollmentStatus.WAITLISTED, 11),
                enrollment(EnrollmentStatus.WAITLISTED, 12),
                enrollment(EnrollmentStatus.WAITLISTED, 13));
        assertEquals(waiting.subList(0, 2), Waitlist.promotable(track(12), 10, waiting));
        assertEquals(waiting, Waitlist.promotable(track(null), 10, waiting), "no limit: everyone gets a place");
    }

    @Test
    void nobodyIsPromotedIntoAFullTrackAndOnlyTheWaitingAreCandidates() {
        List<Enrollment> waiting = List.of(enrollment(EnrollmentStatus.WAITLISTED, 11));
        assertEquals(List.of(), Waitlist.promotable(track(10), 10, waiting));
        assertEquals(List.of(), Waitlist.promotable(track(10), 12, waiting), "over capacity after it shrank");
        assertEquals(List.of(), Waitlist.promotable(track(10), 5, List.of(enrollment(EnrollmentStatus.WITHDRAWN, 1))));
    }
}
