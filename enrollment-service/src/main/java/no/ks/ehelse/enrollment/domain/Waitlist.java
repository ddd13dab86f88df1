package no.ks.ehelse.enrollment.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A track's waiting list: confirmed places never exceed the capacity, and whoever enrolled first (the lowest
 * queue number) gets the next free place. Pure rules; {@link Enrollments} loads and stores under the track's lock.
 */
public final class Waitlist {

    /** The statuses that hold one of the track's places. */
    public static final List<EnrollmentStatus> OCCUPYING =
            List.of(EnrollmentStatus.CONFIRMED, EnrollmentStatus.LIVE, EnrollmentStatus.COMPLETED);

    private Waitlist() {}

    /** A new enrollment is confirmed while a place is free, else it waits. */
    public static EnrollmentStatus statusOnEnrolling(Track track, long occupied) {
        return track.hasCapacityFor(occupied) ? EnrollmentStatus.CONFIRMED : EnrollmentStatus.WAITLISTED;
    }

    /** The queue number after the track's highest so far (null when the track has none). */
    public static int nextQueueNumber(Integer highest) {
        return (highest == null ? 0 : highest) + 1;
    }

    /** 1-based place in the waiting list given how many waitlisted enrollments queued before it; null unless waiting. */
    public static Integer position(Enrollment e, long waitingAhead) {
        return e.status == EnrollmentStatus.WAITLISTED ? (int) waitingAhead + 1 : null;
    }

    /**
     * The waitlisted enrollments that get the places free with {@code occupied} taken, first in first out; with
     * no capacity limit all of them.
     */
    public static List<Enrollment> promotable(Track track, long occupied, List<Enrollment> enrollments) {
        List<Enrollment> waiting = enrollments.stream()
                .filter(e -> e.status == EnrollmentStatus.WAITLISTED)
                .sorted(Comparator.comparingInt(e -> e.queueNumber))
                .toList();
        List<Enrollment> promoted = new ArrayList<>();
        for (Enrollment next : waiting) {
            if (!track.hasCapacityFor(occupied + promoted.size())) {
                break;
            }
            promoted.add(next);
        }
        return promoted;
    }
}
