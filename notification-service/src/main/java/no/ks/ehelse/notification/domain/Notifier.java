package no.ks.ehelse.notification.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.events.CloudEvent;

/**
 * Decides who hears about an event, on which channel and when, and writes one PENDING notification per
 * (event, recipient, channel) in the consumer's transaction. Sending happens later, in {@link Dispatcher}; so a
 * slow mail server never holds up consumption, and a crash loses nothing.
 */
@ApplicationScoped
public class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class);

    /** Written after a consumer transaction planned messages, so the dispatcher can start at once. */
    public record Planned(int count) {
    }

    /** Someone to tell. {@code address} null means the registry or the track has no address for them. */
    record Recipient(String address, String name, String kommunenummer, String missingReason) {

        static Recipient of(String address, String name, String kommunenummer) {
            return new Recipient(address.strip().toLowerCase(Locale.ROOT), name, kommunenummer, null);
        }

        static Recipient missing(String key, String name, String kommunenummer, String reason) {
            return new Recipient(key, name, kommunenummer, reason);
        }
    }

    private final EntityManager em;
    private final Clock clock;
    private final NotificationConfig config;
    private final Event<Planned> planned;

    Notifier(EntityManager em, Clock clock, NotificationConfig config, Event<Planned> planned) {
        this.em = em;
        this.clock = clock;
        this.config = config;
        this.planned = planned;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void plan(CloudEvent event) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (event.time() != null && event.time().isBefore(now.minus(config.maxEventAge()))) {
            LOG.debugf("Event %s (%s) from %s is older than %s: projections updated, nobody told", event.id(),
                    event.type(), event.time(), config.maxEventAge());
            return;
        }
        MessageKind kind = kindOf(event);
        UUID trackId = trackIdOf(event);
        String kommunenummer = event.data().path("kommunenummer").asText(null);
        TrackProjection track = trackId == null ? null : TrackProjection.findById(trackId);

        List<Notification> planned = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        // People: e-mail (immediately, or in their digest) and their own feed.
        for (Recipient r : people(kind, event, track, kommunenummer)) {
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
            if (!kind.confirmation && preferenceOf(r.address()) == Cadence.DAILY_DIGEST) {
                digest(mail);
            }
            planned.add(mail);
            planned.add(notification(event, kind, Channel.FEED, r.address(), r, trackId, now));
        }
        // Municipalities' feeds.
        for (String k : municipalityFeeds(kind, event, track, kommunenummer)) {
            planned.add(notification(event, kind, Channel.FEED, Notification.municipalityFeed(k),
                    new Recipient(null, null, k, null), trackId, now));
        }
        // Subscriptions, on their chosen channel.
        for (Subscription s : Subscriptions.matching(em, event, trackId, kommunenummer)) {
            Recipient r = s.channel == Channel.EMAIL ? Recipient.of(s.address, null, kommunenummer)
                    : new Recipient("webhook:" + s.id, null, kommunenummer, null);
            Notification n = notification(event, kind, s.channel, r.address(), r, trackId, now);
            n.subscriptionId = s.id;
            if (s.channel == Channel.EMAIL && !kind.confirmation && s.cadence == Cadence.DAILY_DIGEST) {
                digest(n);
            }
            planned.add(n);
        }
        if (!missing.isEmpty()) {
            LOG.warnf("Event %s (%s): %d recipient(s) cannot be reached, recorded as FAILED messages; first: %s",
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
            case "no.ks.ehelse.enrollment.enrolled.v1" -> "WAITLISTED".equals(event.data().path("status").asText())
                    ? MessageKind.ENROLLED_WAITLISTED : MessageKind.ENROLLED_CONFIRMED;
            case "no.ks.ehelse.enrollment.waitlist-promoted.v1" -> MessageKind.WAITLIST_PROMOTED;
            case "no.ks.ehelse.enrollment.withdrawn.v1" -> MessageKind.WITHDRAWN;
            case "no.ks.ehelse.enrollment.went-live.v1" -> MessageKind.WENT_LIVE;
            case "no.ks.ehelse.enrollment.deadline-passed.v1" -> MessageKind.PREREQUISITE_OVERDUE;
            case "no.ks.ehelse.track.deadline-approaching.v1" -> MessageKind.DEADLINE_APPROACHING;
            case "no.ks.ehelse.track.deadline-passed.v1" -> MessageKind.DEADLINE_PASSED;
            case "no.ks.ehelse.track.deadline-extended.v1" -> MessageKind.DEADLINE_EXTENDED;
            case "no.ks.ehelse.track.changed.v1" -> MessageKind.TRACK_CHANGED;
            default -> MessageKind.EVENT;
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

    private List<Recipient> people(MessageKind kind, CloudEvent event, TrackProjection track, String kommunenummer) {
        List<Recipient> people = new ArrayList<>();
        switch (kind) {
            case ENROLLED_CONFIRMED, ENROLLED_WAITLISTED, WAITLIST_PROMOTED -> people.addAll(contacts(kommunenummer));
            case WENT_LIVE, WITHDRAWN, PREREQUISITE_OVERDUE -> {
                people.addAll(contacts(kommunenummer));
                people.addAll(workingGroup(track, event, "LEAD"));
            }
            case DEADLINE_APPROACHING -> {
                for (String k : notEnrolled(track, event)) {
                    people.addAll(contacts(k));
                }
            }
            case DEADLINE_PASSED -> {
                people.addAll(workingGroup(track, event, "LEAD"));
                people.addAll(workingGroup(track, event, "DEPUTY"));
            }
            case DEADLINE_EXTENDED -> {
                people.addAll(workingGroup(track, event, "LEAD"));
                people.addAll(workingGroup(track, event, "DEPUTY"));
                for (ContactProjection c : ContactProjection.<ContactProjection>list("network is not null order by network, seq")) {
                    people.add(Recipient.of(c.email, c.name, null));
                }
            }
            case TRACK_CHANGED -> {
                people.addAll(workingGroup(track, event, "LEAD"));
                people.addAll(workingGroup(track, event, "DEPUTY"));
                for (String k : enrolled(track)) {
                    people.addAll(contacts(k));
                }
            }
            case EVENT -> {
                // Subscribers only.
            }
        }
        // One message per address and event, even when a person is both a contact and the lead.
        Map<String, Recipient> unique = new LinkedHashMap<>();
        for (Recipient r : people) {
            unique.putIfAbsent(r.address(), r);
        }
        return List.copyOf(unique.values());
    }

    private List<String> municipalityFeeds(MessageKind kind, CloudEvent event, TrackProjection track, String kommunenummer) {
        return switch (kind) {
            case ENROLLED_CONFIRMED, ENROLLED_WAITLISTED, WAITLIST_PROMOTED, WENT_LIVE, WITHDRAWN,
                    PREREQUISITE_OVERDUE -> kommunenummer == null ? List.of() : List.of(kommunenummer);
            case DEADLINE_APPROACHING -> notEnrolled(track, event);
            case TRACK_CHANGED -> enrolled(track);
            default -> List.of();
        };
    }

    private List<Recipient> contacts(String kommunenummer) {
        if (kommunenummer == null) {
            return List.of();
        }
        List<ContactProjection> contacts = ContactProjection.list("kommunenummer = ?1 order by seq", kommunenummer);
        if (contacts.isEmpty()) {
            return List.of(Recipient.missing("contacts:" + kommunenummer, null, kommunenummer,
                    "municipality " + kommunenummer + " has no contact with an e-mail address in the registry"));
        }
        return contacts.stream().map(c -> Recipient.of(c.email, c.name, kommunenummer)).toList();
    }

    /** The track's lead or deputy; from the track projection, or from a whole-track event itself. */
    private static List<Recipient> workingGroup(TrackProjection track, CloudEvent event, String role) {
        JsonNode group = track != null ? track.state.path("workingGroup") : event.data().path("workingGroup");
        List<Recipient> found = new ArrayList<>();
        for (JsonNode member : group) {
            if (role.equals(member.path("role").asText())) {
                String email = member.path("email").asText(null);
                String name = member.path("name").asText(null);
                found.add(email == null || email.isBlank()
                        ? Recipient.missing(role.toLowerCase(Locale.ROOT) + ":" + (track == null ? "" : track.id),
                                name, null, "the track's " + role + " (" + name + ") has no e-mail address")
                        : Recipient.of(email, name, null));
            }
        }
        if (found.isEmpty() && track == null && !"DEPUTY".equals(role)) {
            return List.of(Recipient.missing(role.toLowerCase(Locale.ROOT) + ":" + trackIdOf(event), null, null,
                    "track " + trackIdOf(event) + " is not known here yet, so its " + role + " cannot be told"));
        }
        return found;
    }

    /** Current municipalities with no enrollment (other than withdrawn) in the track. */
    @SuppressWarnings("unchecked")
    private List<String> notEnrolled(TrackProjection track, CloudEvent event) {
        UUID trackId = track != null ? track.id : trackIdOf(event);
        LocalDate today = LocalDate.now(clock);
        return em.createNativeQuery("SELECT m.kommunenummer FROM municipality m WHERE (m.valid_to IS NULL OR "
                + "m.valid_to >= :today) AND NOT EXISTS (SELECT 1 FROM enrollment e WHERE e.track_id = :track "
                + "AND e.kommunenummer = m.kommunenummer AND e.status <> 'WITHDRAWN') ORDER BY m.kommunenummer")
                .setParameter("today", today).setParameter("track", trackId).getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<String> enrolled(TrackProjection track) {
        if (track == null) {
            return List.of();
        }
        return em.createNativeQuery("SELECT DISTINCT kommunenummer FROM enrollment WHERE track_id = :track "
                + "AND status <> 'WITHDRAWN' ORDER BY kommunenummer").setParameter("track", track.id)
                .getResultList();
    }

    private static Cadence preferenceOf(String address) {
        RecipientPreference p = RecipientPreference.findById(address);
        return p == null ? Cadence.IMMEDIATE : p.cadence;
    }

    private void digest(Notification n) {
        n.digest = true;
        n.nextAttemptAt = nextDigest(OffsetDateTime.now(clock), config.digest()).toOffsetDateTime();
    }

    /** The next digest time strictly after {@code now}. */
    public static ZonedDateTime nextDigest(OffsetDateTime now, NotificationConfig.Digest digest) {
        ZonedDateTime local = now.atZoneSameInstant(digest.zone());
        ZonedDateTime today = local.toLocalDate().atTime(digest.time()).atZone(digest.zone());
        return today.isAfter(local) ? today : today.plusDays(1);
    }

    private static Notification notification(CloudEvent event, MessageKind kind, Channel channel, String recipient,
            Recipient who, UUID trackId, OffsetDateTime now) {
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
        if (Notification.count("eventId = ?1 and recipient = ?2 and channel = ?3", n.eventId, n.recipient,
                n.channel) > 0) {
            return 0;
        }
        n.persist();
        return 1;
    }
}
