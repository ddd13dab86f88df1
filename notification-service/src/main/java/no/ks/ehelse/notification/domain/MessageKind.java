package no.ks.ehelse.notification.domain;

/**
 * What a message is about; names its Qute templates ({@code templates/messages/<template>.txt|.html}).
 * Confirmations go out at once whatever the recipient chose; the rest may wait for the daily digest.
 */
public enum MessageKind {
    ENROLLED_CONFIRMED("enrolled-confirmed", true),
    ENROLLED_WAITLISTED("enrolled-waitlisted", true),
    WAITLIST_PROMOTED("waitlist-promoted", true),
    DEADLINE_APPROACHING("deadline-approaching", false),
    DEADLINE_PASSED("deadline-passed", false),
    DEADLINE_EXTENDED("deadline-extended", false),
    TRACK_CHANGED("track-changed", false),
    WENT_LIVE("went-live", false),
    WITHDRAWN("withdrawn", false),
    /** {@code enrollment.deadline-passed}: one of the enrollment's prerequisites is past its due date. */
    PREREQUISITE_OVERDUE("prerequisite-overdue", false),
    /** Information meetings (enrollment.meetings.v1): to the person who registered, with an .ics where it fits. */
    MEETING_REGISTERED("meeting-registered", true),
    MEETING_WAITLISTED("meeting-waitlisted", true),
    MEETING_CHANGED("meeting-changed", true),
    MEETING_CANCELLED("meeting-cancelled", true),
    MEETING_UNREGISTERED("meeting-unregistered", true),
    /** The day before the meeting, once per confirmed registration (planned by {@link MeetingReminders}). */
    MEETING_REMINDER("meeting-reminder", true),
    /** Any other event type a subscription asked for. */
    EVENT("event", false);

    public final String template;
    public final boolean confirmation;

    /** Rendered from the meeting projection ({@link MeetingMails}) instead of the enrollment model. */
    public boolean meeting() {
        return name().startsWith("MEETING_");
    }

    MessageKind(String template, boolean confirmation) {
        this.template = template;
        this.confirmation = confirmation;
    }
}
