package no.ks.ehelse.notification.domain;

/**
 * What a message is about; names its Qute templates ({@code templates/messages/<template>.txt|.html}).
 * Confirmations go out at once whatever the recipient chose; the rest may wait for the daily digest.
 */
public enum MessageKind {
    ENROLLED_CONFIRMED("enrolled-confirmed", true),
    ENROLLED_WAITLISTED("enrolled-waitlisted", true),
    WAITLIST_PROMOTED("waitlist-promoted", true),
    /** The lead's side of a promotion: who got the place that became free. */
    PLACE_FILLED("place-filled", false),
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
    /** No acknowledgement of a confirmation within the period: one reminder to the municipality's contacts. */
    ACKNOWLEDGEMENT_REMINDER("acknowledgement-reminder", true),
    /** Still none after the reminder: the network's e-health contact is told. */
    ACKNOWLEDGEMENT_ESCALATED("acknowledgement-escalated", true),
    /** Any other event type a subscription asked for. */
    EVENT("event", false),
    /** Double opt-in: the link an e-mail subscription's address must follow before it gets anything. */
    SUBSCRIPTION_CONFIRMATION("subscription-confirmation", true);

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

    /**
     * Cannot be turned off: a confirmation, or a message its recipient must act on (a prerequisite past its due
     * date). Confirmations are also always immediate; a message to act on may wait for a digest.
     */
    public boolean fixed() {
        return confirmation || this == PREREQUISITE_OVERDUE;
    }

    /** A kind a person chooses for on the preferences page (not the generic subscription message or opt-in). */
    public boolean choosable() {
        return this != EVENT && this != SUBSCRIPTION_CONFIRMATION;
    }
}
