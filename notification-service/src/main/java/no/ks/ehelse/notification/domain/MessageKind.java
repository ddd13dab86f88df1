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
    /** Any other event type a subscription asked for. */
    EVENT("event", false),
    /** Double opt-in: the link an e-mail subscription's address must follow before it gets anything. */
    SUBSCRIPTION_CONFIRMATION("subscription-confirmation", true);

    public final String template;
    public final boolean confirmation;

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
