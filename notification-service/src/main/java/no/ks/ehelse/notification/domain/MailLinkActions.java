package no.ks.ehelse.notification.domain;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * What the links in mails do, without a session (the signed token is the authorization): one-click unsubscribe
 * turns a kind off for the address, every kind that can be (from a digest or a confirmation), or deletes the
 * subscription the mail was sent for; the confirmation link activates an e-mail subscription.
 */
@ApplicationScoped
public class MailLinkActions {

    /** Who changed a preference through a mail's link (the preference's {@code updated_by}). */
    public static final String BY = "one-click unsubscribe";

    /** What an unsubscribe link is about, and whether it is done already. */
    public record Unsubscribe(LinkTokens.Claim claim, Subscription subscription, boolean done) {}

    private final LinkTokens tokens;
    private final Preferences preferences;
    private final Subscriptions subscriptions;

    MailLinkActions(LinkTokens tokens, Preferences preferences, Subscriptions subscriptions) {
        this.tokens = tokens;
        this.preferences = preferences;
        this.subscriptions = subscriptions;
    }

    /** The unsubscribe a token names, with its state now; empty for a token that is not ours or not for this. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Unsubscribe> unsubscribeOf(String token) {
        return tokens.verify(token)
                .filter(c -> c.purpose() == LinkTokens.Purpose.UNSUBSCRIBE)
                .map(this::state);
    }

    /** Carries out the unsubscribe a token names; doing it twice changes nothing. */
    @Transactional
    public Optional<Unsubscribe> unsubscribe(String token) {
        Optional<LinkTokens.Claim> claim =
                tokens.verify(token).filter(c -> c.purpose() == LinkTokens.Purpose.UNSUBSCRIBE);
        if (claim.isEmpty()) {
            return Optional.empty();
        }
        LinkTokens.Claim c = claim.get();
        if (c.subscription() != null) {
            Subscription s = Subscription.findById(c.subscription());
            if (s != null
                    && s.address.equalsIgnoreCase(c.address())
                    && !Subscriptions.CANCELLED.equals(s.disabledReason)) {
                subscriptions.delete(s, BY + " by " + c.address());
            }
        } else if (c.messageKind().isPresent() && !c.messageKind().get().fixed()) {
            preferences.prefer(c.address(), c.messageKind().get(), Channel.EMAIL, Cadence.OFF, BY);
        } else {
            preferences.prefer(c.address(), Cadence.OFF, BY);
        }
        return Optional.of(state(c));
    }

    /** The subscription a confirmation token names, now active; empty for a bad token or a deleted subscription. */
    @Transactional
    public Optional<Subscription> confirm(String token) {
        return tokens.verify(token)
                .filter(c -> c.purpose() == LinkTokens.Purpose.CONFIRM && c.subscription() != null)
                .flatMap(c -> subscriptions.confirm(c.subscription(), c.address()));
    }

    /** The subscription a confirmation token names, as it is (to show before confirming). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Subscription> toConfirm(String token) {
        return tokens.verify(token)
                .filter(c -> c.purpose() == LinkTokens.Purpose.CONFIRM && c.subscription() != null)
                .flatMap(c -> Subscription.<Subscription>findByIdOptional(c.subscription())
                        .filter(s -> s.address.equalsIgnoreCase(c.address()))
                        .filter(s -> !Subscriptions.CANCELLED.equals(s.disabledReason)));
    }

    private Unsubscribe state(LinkTokens.Claim c) {
        if (c.subscription() != null) {
            Subscription s = Subscription.findById(c.subscription());
            boolean gone = s == null || Subscriptions.CANCELLED.equals(s.disabledReason);
            return new Unsubscribe(c, s, gone);
        }
        boolean off = c.messageKind().isPresent() && !c.messageKind().get().fixed()
                ? preferences.effective(c.address(), c.messageKind().get(), Channel.EMAIL) == Cadence.OFF
                : preferences.preference(c.address()) == Cadence.OFF;
        return new Unsubscribe(c, null, off);
    }
}
