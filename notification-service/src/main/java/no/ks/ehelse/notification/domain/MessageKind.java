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
    /** No acknowledgement of a confirmation within the period: one reminder to the municipality's contacts. */
    ACKNOWLEDGEMENT_REMINDER("acknowledgement-reminder", true),
    /** Still none after the reminder: the network's e-health contact is told. */
    ACKNOWLEDGEMENT_ESCALATED("acknowledgement-escalated", true),
    /** Any other event type a subscription asked for. */
    EVENT("event", false);

    public final String template;
    public final boolean confirmation;

    MessageKind(String template, boolean confirmation) {
        this.template = template;
        this.confirmation = confirmation;
    }
}
