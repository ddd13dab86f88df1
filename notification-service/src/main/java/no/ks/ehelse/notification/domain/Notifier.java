package no.ks.ehelse.notification.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.ks.ehelse.notification.domain.Recipients.Recipient;
import no.ks.ehelse.platform.events.CloudEvent;

/**
 * Plans the notifications an event calls for: whom {@link Recipients} names, plus the matching subscriptions, on
 * which channel and when (at once or in the digest), written as one PENDING notification per (event, recipient,
 * channel) in the consumer's transaction. Sending happens later, in {@link Dispatcher}; so a
 * slow mail server never holds up consumption, and a crash loses nothing.
 */
@ApplicationScoped
public class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class);

    /** Written after a consumer transaction planned messages, so the dispatcher can start at once. */
    public record Planned(int count) {}

    private final EntityManager em;
    private final Recipients recipients;
    private final Preferences preferences;
    private final Clock clock;
    private final NotificationConfig config;
    private final Event<Planned> planned;
    private final Acknowledgements acknowledgements;

    Notifier(
            EntityManager em,
            Recipients recipients,
            Preferences preferences,
            Clock clock,
            NotificationConfig config,
            Event<Planned> planned,
            Acknowledgements acknowledgements) {
        this.em = em;
        this.recipients = recipients;
        this.preferences = preferences;
        this.clock = clock;
        this.config = config;
        this.planned = planned;
        this.acknowledgements = acknowledgements;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void plan(CloudEvent event) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (event.time() != null && event.time().isBefore(now.minus(config.maxEventAge()))) {
            LOG.debugf(
                    "Event %s (%s) from %s is older than %s: projections updated, nobody told",
                    event.id(), event.type(), event.time(), config.maxEventAge());
            return;
        }
        MessageKind kind = kindOf(event);
        UUID trackId = trackIdOf(event);
        String kommunenummer = event.data().path("kommunenummer").asText(null);
        TrackProjection track = trackId == null ? null : TrackProjection.findById(trackId);
        if (kind == MessageKind.ENROLLED_CONFIRMED || kind == MessageKind.WAITLIST_PROMOTED) {
            store(event, now);
            acknowledgements.requested(event, now);
        } else if (kind == MessageKind.WITHDRAWN) {
            acknowledgements.withdrawn(UUID.fromString(event.data().path("id").asText()));
        }

        List<Notification> planned = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        // People: e-mail (immediately, or in their digest) and their own feed.
        for (Recipient r : recipients.people(kind, event.data(), track, trackId, kommunenummer, event.id())) {
            if (r.missingReason() != null) {
                missing.add(r.missingReason());
                Notification n = notification(event, kind, Channel.EMAIL, "missing:" + r.address(), r, trackId, now);
                n.status = NotificationStatus.FAILED;
                n.lastError = r.missingReason();
                n.nextAttemptAt = null;
                planned.add(n);
                continue;
            }
            Notification mail = notification(event, kind, Channel.EMAIL, r.address(), r, trackId, now);
            choose(mail, preferences.effective(r.address(), kind, Channel.EMAIL));
            planned.add(mail);
            Notification feed = notification(event, kind, Channel.FEED, r.address(), r, trackId, now);
            choose(feed, preferences.effective(r.address(), kind, Channel.FEED));
            planned.add(feed);
        }
        // The lead hears who got a place that became free (the municipality got the promotion above).
        if (kind == MessageKind.WAITLIST_PROMOTED) {
            for (Recipient r : recipients.lead(event.data(), track, trackId)) {
                if (r.missingReason() == null) {
                    Notification n =
                            notification(event, MessageKind.PLACE_FILLED, Channel.EMAIL, r.address(), r, trackId, now);
                    choose(n, preferences.effective(r.address(), MessageKind.PLACE_FILLED, Channel.EMAIL));
                    planned.add(n);
                    Notification feed =
                            notification(event, MessageKind.PLACE_FILLED, Channel.FEED, r.address(), r, trackId, now);
                    choose(feed, preferences.effective(r.address(), MessageKind.PLACE_FILLED, Channel.FEED));
                    planned.add(feed);
                }
            }
        }
        // Municipalities' feeds.
        for (String k : recipients.municipalityFeeds(kind, track, trackId, kommunenummer)) {
            planned.add(notification(
                    event,
                    kind,
                    Channel.FEED,
                    Notification.municipalityFeed(k),
                    new Recipient(null, null, k, null),
                    trackId,
                    now));
        }
        // Subscriptions, on their chosen channel. Mails to a meeting's registrants are theirs alone (personal data).
        for (Subscription s :
                kind.meeting() ? List.<Subscription>of() : Subscriptions.matching(em, event, trackId, kommunenummer)) {
            Recipient r =
                    switch (s.channel) {
                        case EMAIL -> Recipient.of(s.address, null, kommunenummer);
                        // The owner's own feed (GET /api/v1/feed?recipient=<owner>).
                        case FEED ->
                            new Recipient(s.owner.toLowerCase(java.util.Locale.ROOT), null, kommunenummer, null);
                        case WEBHOOK -> new Recipient("webhook:" + s.id, null, kommunenummer, null);
                    };
            Notification n = notification(event, kind, s.channel, r.address(), r, trackId, now);
            n.subscriptionId = s.id;
            if (s.channel == Channel.EMAIL && !kind.confirmation && s.cadence.digest()) {
                digest(n, s.cadence);
            }
            planned.add(n);
        }
        if (!missing.isEmpty()) {
            LOG.warnf(
                    "Event %s (%s): %d recipient(s) cannot be reached, recorded as FAILED messages; first: %s",
                    event.id(), event.type(), missing.size(), missing.get(0));
        }
        if (planned.isEmpty()) {
            return;
        }
        store(event, now);
        int written = 0;
        for (Notification n : planned) {
            written += insert(n);
        }
        LOG.debugf("Event %s (%s): %d messages planned", event.id(), event.type(), written);
        this.planned.fire(new Planned(written));
    }

    static MessageKind kindOf(CloudEvent event) {
        return switch (event.type()) {
            case "no.ks.ehelse.enrollment.enrolled.v1" ->
                "WAITLISTED".equals(event.data().path("status").asText())
                        ? MessageKind.ENROLLED_WAITLISTED
                        : MessageKind.ENROLLED_CONFIRMED;
            case "no.ks.ehelse.enrollment.waitlist-promoted.v1" -> MessageKind.WAITLIST_PROMOTED;
            case "no.ks.ehelse.enrollment.withdrawn.v1" -> MessageKind.WITHDRAWN;
            case "no.ks.ehelse.enrollment.went-live.v1" -> MessageKind.WENT_LIVE;
            case "no.ks.ehelse.enrollment.deadline-passed.v1" -> MessageKind.PREREQUISITE_OVERDUE;
            case "no.ks.ehelse.track.deadline-approaching.v1" -> MessageKind.DEADLINE_APPROACHING;
            case "no.ks.ehelse.track.deadline-passed.v1" -> MessageKind.DEADLINE_PASSED;
            case "no.ks.ehelse.track.deadline-extended.v1" -> MessageKind.DEADLINE_EXTENDED;
            case "no.ks.ehelse.track.changed.v1" -> MessageKind.TRACK_CHANGED;
            case Acknowledgements.REMINDER -> MessageKind.ACKNOWLEDGEMENT_REMINDER;
            case Acknowledgements.ESCALATED -> MessageKind.ACKNOWLEDGEMENT_ESCALATED;
            default -> MeetingMails.kindOf(event.type(), event.data());
        };
    }

    static UUID trackIdOf(CloudEvent event) {
        String id = event.data().path("trackId").asText(null);
        if (id == null && event.type().startsWith("no.ks.ehelse.track.")) {
            id = event.data().path("id").asText(null);
        }
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Applies a person's choice to a planned message: off is kept as SKIPPED with the reason (so the log shows why
     * nobody was told), a digest waits for the next daily or weekly digest time.
     */
    private void choose(Notification n, Cadence cadence) {
        if (cadence == Cadence.OFF) {
            n.status = NotificationStatus.SKIPPED;
            n.lastError = n.recipient + " turned off " + n.kind + " on " + n.channel;
            n.nextAttemptAt = null;
        } else if (cadence.digest() && n.channel == Channel.EMAIL) {
            digest(n, cadence);
        }
    }

    private void digest(Notification n, Cadence cadence) {
        n.digest = true;
        OffsetDateTime now = OffsetDateTime.now(clock);
        n.nextAttemptAt = (cadence == Cadence.WEEKLY_DIGEST
                        ? nextWeeklyDigest(now, config.digest())
                        : nextDigest(now, config.digest()))
                .toOffsetDateTime();
    }

    /** The next weekly digest time ({@code digest.weekly-day} at {@code digest.time}) strictly after {@code now}. */
    public static ZonedDateTime nextWeeklyDigest(OffsetDateTime now, NotificationConfig.Digest digest) {
        ZonedDateTime next = nextDigest(now, digest);
        while (next.getDayOfWeek() != digest.weeklyDay()) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** The next digest time strictly after {@code now}. */
    public static ZonedDateTime nextDigest(OffsetDateTime now, NotificationConfig.Digest digest) {
        ZonedDateTime local = now.atZoneSameInstant(digest.zone());
        ZonedDateTime today = local.toLocalDate().atTime(digest.time()).atZone(digest.zone());
        return today.isAfter(local) ? today : today.plusDays(1);
    }

    private static Notification notification(
            CloudEvent event,
            MessageKind kind,
            Channel channel,
            String recipient,
            Recipient who,
            UUID trackId,
            OffsetDateTime now) {
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.eventId = event.id();
        n.eventType = event.type();
        n.kind = kind;
        n.channel = channel;
        n.recipient = recipient;
        n.recipientName = who.name();
        n.kommunenummer = who.kommunenummer();
        n.trackId = trackId;
        n.status = NotificationStatus.PENDING;
        n.nextAttemptAt = now;
        n.createdAt = now;
        return n;
    }

    private static void store(CloudEvent event, OffsetDateTime now) {
        if (SourceEvent.findById(event.id()) != null) {
            return;
        }
        SourceEvent e = new SourceEvent();
        e.id = event.id();
        e.type = event.type();
        e.subject = event.subject();
        e.occurredAt = event.time();
        e.data = event.data();
        e.receivedAt = now;
        e.persist();
    }

    /**
     * Skips a message planned before for the same (event, recipient, channel); the table's unique key backs this
     * up, so a race between replicas fails the transaction (and the retry then skips) instead of sending twice.
     */
    private static int insert(Notification n) {
        if (Notification.count("eventId = ?1 and recipient = ?2 and channel = ?3", n.eventId, n.recipient, n.channel)
                > 0) {
            return 0;
        }
        n.persist();
        return 1;
    }
}
