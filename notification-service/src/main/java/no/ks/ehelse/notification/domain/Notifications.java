package no.ks.ehelse.notification.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.api.ProblemException;

/** Notifications as people and operators see them: delivery status, the log, feeds, read marks, re-delivery. */
@ApplicationScoped
public class Notifications {

    /**
     * Filters of the status query; null means any. {@code solutions}, when not null, keeps only messages about a
     * track of those solutions (a lead's scope).
     */
    public record Filter(
            NotificationStatus status,
            Channel channel,
            String kommunenummer,
            String recipient,
            String eventId,
            UUID subscriptionId,
            Set<String> solutions) {

        public Filter(
                NotificationStatus status,
                Channel channel,
                String kommunenummer,
                String recipient,
                String eventId,
                UUID subscriptionId) {
            this(status, channel, kommunenummer, recipient, eventId, subscriptionId, null);
        }
    }

    private final Clock clock;
    private final NotificationConfig config;

    Notifications(Clock clock, NotificationConfig config) {
        this.clock = clock;
        this.config = config;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PanacheQuery<Notification> search(Filter f) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        add(where, params, "status", f.status());
        add(where, params, "channel", f.channel());
        add(where, params, "kommunenummer", f.kommunenummer());
        add(
                where,
                params,
                "recipient",
                f.recipient() == null ? null : f.recipient().toLowerCase(Locale.ROOT));
        add(where, params, "eventId", f.eventId());
        add(where, params, "subscriptionId", f.subscriptionId());
        if (f.solutions() != null) {
            where.add("trackId in (select t.id from TrackProjection t where t.solution in :solutions)");
            params.put("solutions", f.solutions().isEmpty() ? Set.of("") : f.solutions());
        }
        Sort sort = Sort.descending("createdAt").and("id");
        return where.isEmpty()
                ? Notification.findAll(sort)
                : Notification.find(String.join(" and ", where), sort, params);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Notification> find(UUID id) {
        return Notification.findByIdOptional(id);
    }

    /** The solution of the track a message is about, if it is about a track the service knows. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> solutionOf(Notification n) {
        return n.trackId == null
                ? Optional.empty()
                : TrackProjection.<TrackProjection>findByIdOptional(n.trackId).map(t -> t.solution);
    }

    /** Who owns the subscription a message was sent for; empty for messages to a contact or a feed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> subscriptionOwnerOf(Notification n) {
        return n.subscriptionId == null
                ? Optional.empty()
                : Subscription.<Subscription>findByIdOptional(n.subscriptionId).map(sub -> sub.owner);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeliveryAttempt> attempts(UUID notificationId) {
        return DeliveryAttempt.list("notificationId", Sort.ascending("attemptedAt", "id"), notificationId);
    }

    /** A feed, newest first: the municipality's ({@code kommune:<nr>}) or a person's (their address). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PanacheQuery<Notification> feed(String recipient, boolean unreadOnly) {
        return Notification.find(
                "channel = ?1 and status = ?2 and recipient = ?3" + (unreadOnly ? " and readAt is null" : ""),
                Sort.descending("createdAt").and("id"),
                Channel.FEED,
                NotificationStatus.SENT,
                recipient.toLowerCase(Locale.ROOT));
    }

    @Transactional
    public Notification markRead(Notification entry, boolean read) {
        Notification n = Notification.findById(entry.id);
        n.readAt = read ? (n.readAt != null ? n.readAt : OffsetDateTime.now(clock)) : null;
        return n;
    }

    /**
     * Sends a message again, now and on its own (not in a digest); for a webhook, only while it is enabled. Limited
     * per message: not again within {@code redelivery.min-interval} of the last time, and at most
     * {@code redelivery.max-count} times within {@code redelivery.window} ({@link RedeliveryLimited}, a 429), so a
     * script cannot turn the service into a mail cannon.
     */
    @Transactional
    public Notification redeliver(Notification message) {
        Notification n = Notification.findById(message.id);
        if (n.channel == Channel.FEED) {
            throw ProblemException.conflict("not-deliverable", "A feed entry is not delivered; it is read");
        }
        if (n.status == NotificationStatus.PENDING) {
            throw ProblemException.conflict("already-pending", "The message is already waiting to be sent");
        }
        if (n.subscriptionId != null) {
            Subscription s = Subscription.findById(n.subscriptionId);
            if (s != null && s.disabledAt != null) {
                throw ProblemException.conflict(
                        "subscription-disabled",
                        "The subscription is disabled (" + s.disabledReason + "); enable it before re-delivering");
            }
        }
        limit(n);
        n.status = NotificationStatus.PENDING;
        n.digest = false;
        n.nextAttemptAt = OffsetDateTime.now(clock);
        n.lastError = null;
        DeliveryAttempt a = new DeliveryAttempt();
        a.notificationId = n.id;
        a.attemptedAt = n.nextAttemptAt;
        a.outcome = "REQUEUED";
        a.persist();
        return n;
    }

    private void limit(Notification n) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        NotificationConfig.Redelivery limits = config.redelivery();
        List<DeliveryAttempt> recent = DeliveryAttempt.list(
                "notificationId = ?1 and outcome = 'REQUEUED' and attemptedAt > ?2",
                Sort.descending("attemptedAt"),
                n.id,
                now.minus(limits.window()));
        if (!recent.isEmpty()) {
            OffsetDateTime allowedAt = recent.get(0).attemptedAt.plus(limits.minInterval());
            if (allowedAt.isAfter(now)) {
                throw new RedeliveryLimited(
                        "This message was sent again at " + recent.get(0).attemptedAt + "; once per "
                                + limits.minInterval().toSeconds() + " s",
                        Duration.between(now, allowedAt));
            }
        }
        if (recent.size() >= limits.maxCount()) {
            OffsetDateTime oldest = recent.get(limits.maxCount() - 1).attemptedAt;
            throw new RedeliveryLimited(
                    "This message was sent again " + recent.size() + " times in the last "
                            + limits.window().toHours() + " h; at most " + limits.maxCount(),
                    Duration.between(now, oldest.plus(limits.window())));
        }
    }

    private static void add(List<String> where, Map<String, Object> params, String field, Object value) {
        if (value != null) {
            where.add(field + " = :" + field);
            params.put(field, value);
        }
    }
}
