package no.ks.ehelse.notification.domain;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.hibernate.query.NativeQuery;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.events.CloudEvent;

/** Subscriptions belong to whoever made them; admins see all. */
@ApplicationScoped
public class Subscriptions {

    public record Request(
            List<String> eventTypes,
            Channel channel,
            String address,
            String kommunenummer,
            String network,
            String solution,
            UUID trackId,
            Cadence cadence) {}

    /** A new subscription and, for a webhook, its secret: the only time the secret is shown. */
    public record Created(Subscription subscription, String secret) {}

    /** The disabled reason of a subscription its owner ended. */
    public static final String CANCELLED = "cancelled by its owner";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A rotated webhook secret: the new one (shown once) and until when the old one is still signed with. */
    public record Rotated(Subscription subscription, String secret, OffsetDateTime previousValidUntil) {}

    private final SubscriptionEvents events;
    private final WebhookEndpoints endpoints;
    private final WebhookSecrets secrets;
    private final NotificationConfig config;
    private final Event<Notifier.Planned> planned;
    private final Clock clock;

    Subscriptions(
            SubscriptionEvents events,
            WebhookEndpoints endpoints,
            WebhookSecrets secrets,
            NotificationConfig config,
            Event<Notifier.Planned> planned,
            Clock clock) {
        this.events = events;
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.config = config;
        this.planned = planned;
        this.clock = clock;
    }

    /** The subscriptions not deleted: the caller's, or (admin) everyone's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PanacheQuery<Subscription> list(String owner, boolean all) {
        Sort sort = Sort.descending("createdAt");
        String live = "(disabledReason is null or disabledReason <> ?1)";
        return all
                ? Subscription.find(live, sort, CANCELLED)
                : Subscription.find(live + " and owner = ?2", sort, CANCELLED, owner);
    }

    /** One subscription of the caller (admin: anyone's) that is not deleted. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Subscription> find(UUID id, String owner, boolean all) {
        return Subscription.<Subscription>findByIdOptional(id)
                .filter(s -> all || s.owner.equals(owner))
                .filter(s -> !CANCELLED.equals(s.disabledReason));
    }

    /**
     * A new subscription. Event types must be in the {@link EventCatalogue}. An e-mail subscription to an address
     * that is not the subscriber's own (the name in their token) waits for that address to confirm by the link in a
     * confirmation mail, planned here in the same transaction; a feed subscription writes to the owner's own feed.
     */
    @Transactional
    public Created subscribe(Request request, String owner) {
        EventCatalogue.check(request.eventTypes());
        String address = checkAddress(request.channel(), request.address(), owner);
        if (request.channel() != Channel.EMAIL && request.cadence() != null && request.cadence() != Cadence.IMMEDIATE) {
            throw ProblemException.invalidField(
                            "delivery",
                            request.channel() + " is delivered immediately; " + request.cadence() + " is for e-mail")
                    .with("allowed", List.of(Cadence.IMMEDIATE));
        }
        if (request.cadence() == Cadence.OFF) {
            throw ProblemException.invalidField("delivery", "a subscription is not made to be off; delete it instead")
                    .with("allowed", List.of(Cadence.IMMEDIATE, Cadence.DAILY_DIGEST, Cadence.WEEKLY_DIGEST));
        }
        Subscription s = new Subscription();
        s.id = UUID.randomUUID();
        s.owner = owner;
        s.eventTypes = request.eventTypes().toArray(String[]::new);
        s.channel = request.channel();
        s.address = address;
        s.kommunenummer = request.kommunenummer();
        s.network = request.network();
        s.solution = request.solution();
        s.trackId = request.trackId();
        s.cadence = request.cadence() == null ? Cadence.IMMEDIATE : request.cadence();
        s.createdAt = OffsetDateTime.now(clock);
        String secret = null;
        if (s.channel == Channel.WEBHOOK) {
            secret = newSecret();
            s.secret = secrets.seal(s.id, secret);
        }
        s.status = s.channel == Channel.EMAIL && !s.address.equalsIgnoreCase(owner)
                ? SubscriptionStatus.PENDING_CONFIRMATION
                : SubscriptionStatus.ACTIVE;
        s.confirmedAt = s.status == SubscriptionStatus.ACTIVE ? s.createdAt : null;
        s.persist();
        events.created(s);
        if (s.status == SubscriptionStatus.PENDING_CONFIRMATION) {
            askToConfirm(s);
        }
        return new Created(s, secret);
    }

    /**
     * The confirmation mail, as a message of the subscription (so it is retried, logged and re-deliverable like any
     * other): its source is a record of the subscription, not an event from another service.
     */
    private void askToConfirm(Subscription s) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        SourceEvent source = new SourceEvent();
        source.id = "subscription-confirmation:" + s.id;
        source.type = SubscriptionEvents.CREATED;
        source.subject = s.id.toString();
        source.occurredAt = now;
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("subscriptionId", s.id.toString());
        data.put("owner", s.owner);
        data.put("kommunenummer", s.kommunenummer);
        s.eventTypeList().forEach(data.putArray("eventTypes")::add);
        source.data = data;
        source.receivedAt = now;
        source.persist();
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.eventId = source.id;
        n.eventType = source.type;
        n.kind = MessageKind.SUBSCRIPTION_CONFIRMATION;
        n.channel = Channel.EMAIL;
        n.recipient = s.address.toLowerCase(Locale.ROOT);
        n.kommunenummer = s.kommunenummer;
        n.subscriptionId = s.id;
        n.status = NotificationStatus.PENDING;
        n.nextAttemptAt = now;
        n.createdAt = now;
        n.persist();
        planned.fire(new Notifier.Planned(1));
    }

    /**
     * The address confirmed by the link in the confirmation mail: the subscription is active from now on. A second
     * click changes nothing; a deleted subscription is not brought back.
     */
    @Transactional
    public Optional<Subscription> confirm(UUID id, String address) {
        Subscription s = Subscription.findById(id);
        if (s == null || CANCELLED.equals(s.disabledReason) || !s.address.equalsIgnoreCase(address)) {
            return Optional.empty();
        }
        if (s.status == SubscriptionStatus.PENDING_CONFIRMATION) {
            s.status = SubscriptionStatus.ACTIVE;
            s.confirmedAt = OffsetDateTime.now(clock);
            events.confirmed(s);
        }
        return Optional.of(s);
    }

    /**
     * Deletes a subscription: nothing more is sent for it and it is no longer listed or found. The row stays
     * (disabled with {@link #CANCELLED}), since its messages and their delivery log refer to it. Announced as
     * {@code subscription-deleted}.
     */
    @Transactional
    public void delete(Subscription subscription, String by) {
        Subscription s = Subscription.findById(subscription.id);
        if (CANCELLED.equals(s.disabledReason)) {
            return;
        }
        s.disabledAt = OffsetDateTime.now(clock);
        s.disabledReason = CANCELLED;
        events.deleted(s, by);
    }

    /**
     * A new signing secret for a webhook subscription. The old one is still signed with for
     * {@code subscriptions.rotation-overlap}, so the receiver can switch without losing a call: during the overlap
     * each call carries both signatures.
     */
    @Transactional
    public Rotated rotate(Subscription subscription) {
        Subscription s = Subscription.findById(subscription.id);
        if (s.channel != Channel.WEBHOOK) {
            throw ProblemException.conflict("not-a-webhook", "Only a webhook subscription has a signing secret");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String secret = newSecret();
        s.previousSecret = s.secret;
        s.previousSecretUntil = now.plus(config.subscriptions().rotationOverlap());
        s.secret = secrets.seal(s.id, secret);
        events.secretRotated(s, now);
        return new Rotated(s, secret, s.previousSecretUntil);
    }

    /**
     * Sends a subscription's messages made since {@code since} again (each once more, at once, on its own): for a
     * receiver that lost data. Messages already waiting are left as they are. Returns how many were queued.
     */
    @Transactional
    public int replay(Subscription subscription, OffsetDateTime since) {
        Subscription s = Subscription.findById(subscription.id);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (since.isAfter(now)) {
            throw ProblemException.invalidField("since", "must not be in the future");
        }
        if (since.isBefore(now.minus(config.subscriptions().replayWindow()))) {
            throw ProblemException.invalidField(
                    "since",
                    "must be within the last "
                            + config.subscriptions().replayWindow().toDays() + " days");
        }
        if (s.disabledAt != null) {
            throw ProblemException.conflict(
                    "subscription-disabled",
                    "The subscription is disabled (" + s.disabledReason + "); enable it before replaying");
        }
        if (s.status != SubscriptionStatus.ACTIVE) {
            throw ProblemException.conflict(
                    "subscription-not-confirmed", "The subscription's address has not confirmed it yet");
        }
        List<Notification> messages = Notification.list(
                "subscriptionId = ?1 and createdAt >= ?2 and kind <> ?3 and status not in (?4)",
                Sort.ascending("createdAt"),
                s.id,
                since,
                MessageKind.SUBSCRIPTION_CONFIRMATION,
                List.of(NotificationStatus.PENDING, NotificationStatus.RETRYING));
        for (Notification n : messages) {
            n.status = NotificationStatus.PENDING;
            n.digest = false;
            n.nextAttemptAt = now;
            n.lastError = null;
            DeliveryAttempt a = new DeliveryAttempt();
            a.notificationId = n.id;
            a.attemptedAt = now;
            a.outcome = "REPLAYED";
            a.persist();
        }
        if (!messages.isEmpty()) {
            planned.fire(new Notifier.Planned(messages.size()));
        }
        return messages.size();
    }

    private static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    /**
     * The subscriptions an event reaches: its type asked for, every filter set matches, not disabled. Filtered in the
     * database: loading every subscription of the type per event was the consumer's largest cost in a burst. The
     * event's network is its own, else its municipality's. Absent event values are bound as '' (which no stored
     * filter holds: kommunenummer is four digits, the others are codes, ids or names), so a filter set on the
     * subscription never matches an event without that value.
     */
    @SuppressWarnings("unchecked")
    static List<Subscription> matching(EntityManager em, CloudEvent event, UUID trackId, String kommunenummer) {
        return em.createNativeQuery(
                        "SELECT * FROM subscription s WHERE s.disabled_at IS NULL AND s.status = 'ACTIVE' "
                                + "AND s.event_types @> ARRAY[CAST(:type AS text)] "
                                + "AND (s.kommunenummer IS NULL OR s.kommunenummer = :kommunenummer) "
                                + "AND (s.solution IS NULL OR s.solution = :solution) "
                                + "AND (s.track_id IS NULL OR CAST(s.track_id AS text) = :track) "
                                + "AND (s.network IS NULL OR lower(s.network) = lower(COALESCE(NULLIF(:network, ''), "
                                + "(SELECT m.network FROM municipality m WHERE m.kommunenummer = :kommunenummer), ''))) "
                                + "ORDER BY s.created_at",
                        Subscription.class)
                // It reads subscriptions and municipalities only: no flush of the consumer's other work first.
                .unwrap(NativeQuery.class)
                .addSynchronizedEntityClass(Subscription.class)
                .addSynchronizedEntityClass(MunicipalityProjection.class)
                .setParameter("type", event.type())
                .setParameter("kommunenummer", Objects.toString(kommunenummer, ""))
                .setParameter("solution", event.data().path("solution").asText(""))
                .setParameter("track", Objects.toString(trackId, ""))
                .setParameter("network", event.data().path("network").asText(""))
                .getResultList();
    }

    /** An endpoint that answered 410 Gone wants nothing more. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void disable(UUID id, String reason) {
        Subscription s = Subscription.findById(id);
        if (s != null && s.disabledAt == null) {
            s.disabledAt = OffsetDateTime.now(clock);
            s.disabledReason = reason;
        }
    }

    /**
     * The owner ends a subscription. It is kept, disabled with {@link #CANCELLED} as the reason, because its messages
     * and their delivery log refer to it; a cancelled subscription is no longer listed as the owner's.
     */
    @Transactional
    public void cancel(Subscription subscription) {
        delete(subscription, subscription.owner);
    }

    /** The owner's subscriptions that they have not cancelled (active, or disabled by a 410), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Subscription> current(String owner) {
        return Subscription.list(
                "owner = ?1 and (disabledReason is null or disabledReason <> ?2)",
                Sort.descending("createdAt"),
                owner,
                CANCELLED);
    }

    /** Turns a disabled subscription back on (after its endpoint is fixed). */
    @Transactional
    public Subscription enable(Subscription subscription) {
        Subscription s = Subscription.findById(subscription.id);
        s.disabledAt = null;
        s.disabledReason = null;
        return s;
    }

    /** The address the subscription is stored with; for FEED the owner's own feed (an address given must be it). */
    private String checkAddress(Channel channel, String address, String owner) {
        String given = address == null ? "" : address.strip();
        if (channel == Channel.FEED) {
            if (!given.isEmpty() && !given.equalsIgnoreCase(owner)) {
                throw ProblemException.invalidField(
                        "address", "a FEED subscription writes to your own feed (" + owner + "); leave it out");
            }
            return owner.toLowerCase(Locale.ROOT);
        }
        if (given.isEmpty()) {
            throw ProblemException.invalidField("address", "is required for channel " + channel);
        }
        if (channel == Channel.EMAIL && !EMAIL.matcher(given).matches()) {
            throw ProblemException.invalidField("address", "must be an e-mail address for channel EMAIL");
        }
        if (channel == Channel.WEBHOOK) {
            endpoints.refusal(given).ifPresent(reason -> {
                throw ProblemException.invalidField("address", reason + " for channel WEBHOOK");
            });
        }
        return given;
    }
}
