package no.ks.ehelse.enrollment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RemindersTest {

    private static final List<Integer> FOURTEEN_AND_THREE = List.of(14, 3);

    @Test
    void noReminderBeforeTheFirstOffset() {
        assertEquals(List.of(), Reminders.reached(FOURTEEN_AND_THREE, 15));
        assertEquals(Optional.empty(), Reminders.sent(FOURTEEN_AND_THREE, 15));
    }

    @Test
    void eachReminderIsReachedOnItsDayAndStaysReached() {
        assertEquals(List.of(14), Reminders.reached(FOURTEEN_AND_THREE, 14));
        assertEquals(List.of(14), Reminders.reached(FOURTEEN_AND_THREE, 4));
        assertEquals(List.of(14, 3), Reminders.reached(FOURTEEN_AND_THREE, 3));
        assertEquals(List.of(14, 3), Reminders.reached(FOURTEEN_AND_THREE, 0));
    }

    @Test
    void onlyTheNearestReachedReminderIsSent() {
        assertEquals(Optional.of(14), Reminders.sent(FOURTEEN_AND_THREE, 10));
        assertEquals(Optional.of(3), Reminders.sent(FOURTEEN_AND_THREE, 2), "after an outage: not the stale 14");
        assertEquals(Optional.of(3), Reminders.sent(List.of(3, 14), 1), "whatever the configured order");
    }
}
