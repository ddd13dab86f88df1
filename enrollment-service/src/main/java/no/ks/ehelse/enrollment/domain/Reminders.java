package no.ks.ehelse.enrollment.domain;

import java.util.List;
import java.util.Optional;

/**
 * The deadline-approaching reminders, configured as days before a registration deadline (14 and 3): which of them
 * a day has reached, and which one of those is sent. After an outage several are reached at once; only the
 * nearest is worth sending, the others are only marked as done.
 */
public final class Reminders {

    private Reminders() {}

    /** The reminders reached with {@code daysLeft} days left, in configured order. */
    public static List<Integer> reached(List<Integer> daysBefore, long daysLeft) {
        return daysBefore.stream().filter(days -> daysLeft <= days).toList();
    }

    /** The reached reminder nearest the deadline, the one sent. */
    public static Optional<Integer> sent(List<Integer> daysBefore, long daysLeft) {
        return reached(daysBefore, daysLeft).stream().min(Integer::compare);
    }
}
