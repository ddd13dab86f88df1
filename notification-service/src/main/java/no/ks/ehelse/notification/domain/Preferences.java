package no.ks.ehelse.notification.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.api.ProblemException;

/**
 * Each e-mail address's choices: an address-wide cadence for e-mail (at once, daily or weekly digest, off) and, per
 * message kind and channel (e-mail, the person's feed), a choice that overrides it. Confirmations are always
 * immediate; a kind the recipient must act on ({@link MessageKind#fixed()}) is never off.
 */
@ApplicationScoped
public class Preferences {

    /** A registry contact's address, their name, and how they hear. */
    public record ContactChoice(String address, String name, Cadence cadence) {}

    /** How one address hears one kind on one channel, whether it chose that itself, and what it may choose. */
    public record KindChoice(
            MessageKind kind, Channel channel, Cadence cadence, boolean chosen, List<Cadence> choices) {

        public boolean fixed() {
            return choices.size() <= 1;
        }
    }

    /** The channels a person chooses per kind: their e-mail and their own feed. */
    public static final List<Channel> CHANNELS = List.of(Channel.EMAIL, Channel.FEED);

    private final Clock clock;

    Preferences(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Cadence preference(String address) {
        RecipientPreference p = RecipientPreference.findById(address.toLowerCase(Locale.ROOT));
        return p == null ? Cadence.IMMEDIATE : p.cadence;
    }

    @Transactional
    public Cadence prefer(String address, Cadence cadence, String by) {
        String key = address.strip().toLowerCase(Locale.ROOT);
        RecipientPreference p = RecipientPreference.findById(key);
        if (p == null) {
            p = new RecipientPreference();
            p.address = key;
        }
        p.cadence = cadence;
        p.updatedBy = by;
        p.updatedAt = OffsetDateTime.now(clock);
        p.persist();
        return p.cadence;
    }

    /**
     * How {@code address} hears {@code kind} on {@code channel}: the kind's own choice, else (for e-mail) the
     * address-wide one, else at once; never off for a fixed kind, never anything but at once for a confirmation.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Cadence effective(String address, MessageKind kind, Channel channel) {
        if (kind.confirmation) {
            return Cadence.IMMEDIATE;
        }
        String key = address.strip().toLowerCase(Locale.ROOT);
        RecipientKindPreference own =
                RecipientKindPreference.findById(new RecipientKindPreference.Key(key, kind, channel));
        Cadence cadence = own != null ? own.cadence : channel == Channel.EMAIL ? preference(key) : Cadence.IMMEDIATE;
        return cadence == Cadence.OFF && kind.fixed() ? Cadence.IMMEDIATE : cadence;
    }

    /** What {@code address} may choose for {@code kind} on {@code channel}; one value means it is fixed. */
    public static List<Cadence> choices(MessageKind kind, Channel channel) {
        if (kind.confirmation) {
            return List.of(Cadence.IMMEDIATE);
        }
        if (channel == Channel.FEED) {
            return kind.fixed() ? List.of(Cadence.IMMEDIATE) : List.of(Cadence.IMMEDIATE, Cadence.OFF);
        }
        return kind.fixed()
                ? List.of(Cadence.IMMEDIATE, Cadence.DAILY_DIGEST, Cadence.WEEKLY_DIGEST)
                : List.of(Cadence.values());
    }

    /** Every choosable kind on both channels, as {@code address} hears it now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<KindChoice> kinds(String address) {
        String key = address.strip().toLowerCase(Locale.ROOT);
        List<KindChoice> all = new java.util.ArrayList<>();
        for (MessageKind kind : MessageKind.values()) {
            if (!kind.choosable()) {
                continue;
            }
            for (Channel channel : CHANNELS) {
                boolean chosen =
                        RecipientKindPreference.findById(new RecipientKindPreference.Key(key, kind, channel)) != null;
                all.add(new KindChoice(kind, channel, effective(key, kind, channel), chosen, choices(kind, channel)));
            }
        }
        return all;
    }

    /**
     * Sets how {@code address} hears {@code kind} on {@code channel}. A value the kind does not allow (off for a
     * confirmation or a message to act on, a digest for the feed) is a problem naming {@code delivery}.
     */
    @Transactional
    public KindChoice prefer(String address, MessageKind kind, Channel channel, Cadence cadence, String by) {
        if (!kind.choosable()) {
            throw ProblemException.invalidField("kind", "is not chosen per person; choose one of " + choosableKinds())
                    .with("allowed", choosableKinds());
        }
        if (!CHANNELS.contains(channel)) {
            throw ProblemException.invalidField("channel", "must be one of " + CHANNELS)
                    .with("allowed", CHANNELS);
        }
        List<Cadence> allowed = choices(kind, channel);
        if (!allowed.contains(cadence)) {
            String why = kind.confirmation
                    ? "a confirmation is always sent at once"
                    : kind.fixed() && cadence == Cadence.OFF
                            ? kind + " asks the recipient to act and cannot be turned off"
                            : "the feed is written at once or not at all";
            throw ProblemException.invalidField("delivery", why + "; allowed: " + allowed)
                    .with("allowed", allowed);
        }
        String key = address.strip().toLowerCase(Locale.ROOT);
        RecipientKindPreference p =
                RecipientKindPreference.findById(new RecipientKindPreference.Key(key, kind, channel));
        if (p == null) {
            p = new RecipientKindPreference();
            p.address = key;
            p.kind = kind;
            p.channel = channel;
        }
        p.cadence = cadence;
        p.updatedBy = by;
        p.updatedAt = OffsetDateTime.now(clock);
        p.persist();
        return new KindChoice(kind, channel, effective(key, kind, channel), true, allowed);
    }

    /**
     * Why a planned message is no longer wanted, or null: its person turned its kind off since, or its (e-mail or
     * feed) subscription was deleted or disabled.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String offReason(Notification n) {
        if (n.subscriptionId != null) {
            // A webhook's own check fails the message with the reason; an opt-in mail goes to a pending subscription.
            if (n.channel == Channel.WEBHOOK || n.kind == MessageKind.SUBSCRIPTION_CONFIRMATION) {
                return null;
            }
            Subscription s = Subscription.findById(n.subscriptionId);
            return s != null && s.disabledAt != null ? "subscription " + s.id + " is off: " + s.disabledReason : null;
        }
        if ((n.channel != Channel.EMAIL && n.channel != Channel.FEED) || !n.recipient.contains("@")) {
            return null;
        }
        return effective(n.recipient, n.kind, n.channel) == Cadence.OFF
                ? n.recipient + " turned off " + n.kind + " on " + n.channel
                : null;
    }

    public static List<MessageKind> choosableKinds() {
        return java.util.Arrays.stream(MessageKind.values())
                .filter(MessageKind::choosable)
                .toList();
    }

    /** Is the address a registry contact of the municipality? (A municipality may set its contacts' choice.) */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isContactOf(String address, String kommunenummer) {
        return ContactProjection.count(
                        "kommunenummer = ?1 and email = ?2",
                        kommunenummer,
                        address.strip().toLowerCase(Locale.ROOT))
                > 0;
    }

    /** The municipality's registry contacts (one row per address) with each one's choice. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ContactChoice> ofContacts(String kommunenummer) {
        Map<String, ContactChoice> byAddress = new TreeMap<>();
        for (ContactProjection c : ContactProjection.<ContactProjection>list("kommunenummer", kommunenummer)) {
            String address = c.email.strip().toLowerCase(Locale.ROOT);
            byAddress.putIfAbsent(address, new ContactChoice(address, c.name, preference(address)));
        }
        return List.copyOf(byAddress.values());
    }
}
