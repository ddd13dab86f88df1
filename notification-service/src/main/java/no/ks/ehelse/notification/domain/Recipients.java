package no.ks.ehelse.notification.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Who is to hear about an event, from the projections (docs/notifications.md, "Who gets what"): the municipality's
 * registry contacts, the track's lead and deputy, the network contacts, the municipalities (not) enrolled in the
 * track; and, just before sending, whether a planned recipient is still concerned.
 */
@ApplicationScoped
public class Recipients {

    /** Someone to tell. {@code missingReason} set means the registry or the track has no address for them. */
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

    Recipients(EntityManager em, Clock clock, NotificationConfig config) {
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    /** The people to write to, one per address. */
    List<Recipient> people(
            MessageKind kind,
            JsonNode data,
            TrackProjection track,
            UUID trackId,
            String kommunenummer,
            String eventId) {
        List<Recipient> people = new ArrayList<>();
        switch (kind) {
            case ENROLLED_CONFIRMED, ENROLLED_WAITLISTED, WAITLIST_PROMOTED -> {
                people.addAll(contacts(kommunenummer));
                // A partner enrollment: the host municipality that made it is told as well.
                people.addAll(contacts(hostOf(data)));
            }
            case WENT_LIVE, WITHDRAWN, PREREQUISITE_OVERDUE -> {
                people.addAll(contacts(kommunenummer));
                people.addAll(workingGroup(track, data, trackId, "LEAD"));
            }
            case DEADLINE_APPROACHING -> {
                for (String k : canStillEnroll(track)) {
                    if (!remindedLately(k, track, eventId)) {
                        people.addAll(contacts(k));
                    }
                }
            }
            case DEADLINE_PASSED -> {
                people.addAll(workingGroup(track, data, trackId, "LEAD"));
                people.addAll(workingGroup(track, data, trackId, "DEPUTY"));
            }
            case DEADLINE_EXTENDED -> {
                people.addAll(workingGroup(track, data, trackId, "LEAD"));
                people.addAll(workingGroup(track, data, trackId, "DEPUTY"));
                // Only the networks whose municipalities the new deadline concerns: they pass it on.
                List<String> networks = networksOf(canStillEnroll(track));
                if (!networks.isEmpty()) {
                    for (ContactProjection c : ContactProjection.<ContactProjection>list(
                            "network in ?1 order by network, seq", networks)) {
                        people.add(Recipient.of(c.email, c.name, null));
                    }
                }
            }
            case TRACK_CHANGED -> {
                people.addAll(workingGroup(track, data, trackId, "LEAD"));
                people.addAll(workingGroup(track, data, trackId, "DEPUTY"));
                for (String k : enrolled(track)) {
                    people.addAll(contacts(k));
                }
            }
            case MEETING_REGISTERED,
                    MEETING_WAITLISTED,
                    MEETING_CHANGED,
                    MEETING_CANCELLED,
                    MEETING_UNREGISTERED,
                    MEETING_REMINDER -> people.addAll(MeetingMails.recipients(kind, data));
            case ACKNOWLEDGEMENT_REMINDER -> people.addAll(contacts(kommunenummer));
            case ACKNOWLEDGEMENT_ESCALATED -> people.addAll(networkContacts(kommunenummer));
            case EVENT -> {
                // Subscribers only.
            }
        }
        return distinct(people);
    }

    /** The track's lead, for the lead's own messages about an event. */
    List<Recipient> lead(JsonNode data, TrackProjection track, UUID trackId) {
        return workingGroup(track, data, trackId, "LEAD");
    }

    /** The municipalities whose feed gets the entry. */
    List<String> municipalityFeeds(MessageKind kind, TrackProjection track, UUID trackId, String kommunenummer) {
        return switch (kind) {
            case ENROLLED_CONFIRMED,
                    ENROLLED_WAITLISTED,
                    WAITLIST_PROMOTED,
                    WENT_LIVE,
                    WITHDRAWN,
                    PREREQUISITE_OVERDUE,
                    ACKNOWLEDGEMENT_REMINDER -> kommunenummer == null ? List.of() : List.of(kommunenummer);
            case DEADLINE_APPROACHING -> canStillEnroll(track);
            case TRACK_CHANGED -> enrolled(track);
            default -> List.of();
        };
    }

    /** Why a planned notification should no longer go out, checked just before sending; null to send. */
    String skipReason(Notification n) {
        if (n.kind == MessageKind.DEADLINE_APPROACHING && n.kommunenummer != null) {
            if (EnrollmentProjection.enrolled(n.trackId, n.kommunenummer)) {
                return "municipality " + n.kommunenummer + " enrolled after the reminder was planned";
            }
            TrackProjection track = TrackProjection.findById(n.trackId);
            if (track != null && !canStillEnroll(track).contains(n.kommunenummer)) {
                return "municipality " + n.kommunenummer + " enrolled in another track of " + track.solution
                        + " or went live on it after the reminder was planned";
            }
        }
        return null;
    }

    /** One notification per address and event, even when a person is both a contact and the lead. */
    static List<Recipient> distinct(List<Recipient> people) {
        Map<String, Recipient> unique = new LinkedHashMap<>();
        for (Recipient r : people) {
            unique.putIfAbsent(r.address(), r);
        }
        return List.copyOf(unique.values());
    }

    /**
     * The members with {@code role} of a working group ({@code [{"role", "name", "email"}]}); one without an e-mail
     * address is a missing recipient. {@code knownTrack} is null when the track is not projected yet: then a
     * missing lead is a missing recipient too (a deputy is optional).
     */
    static List<Recipient> workingGroup(JsonNode group, String role, UUID knownTrack, UUID trackId) {
        String key = role.toLowerCase(Locale.ROOT) + ":";
        List<Recipient> found = new ArrayList<>();
        for (JsonNode member : group) {
            if (role.equals(member.path("role").asText())) {
                String email = member.path("email").asText(null);
                String name = member.path("name").asText(null);
                found.add(
                        email == null || email.isBlank()
                                ? Recipient.missing(
                                        key + (knownTrack == null ? "" : knownTrack),
                                        name,
                                        null,
                                        "the track's " + role + " (" + name + ") has no e-mail address")
                                : Recipient.of(email, name, null));
            }
        }
        if (found.isEmpty() && knownTrack == null && !"DEPUTY".equals(role)) {
            return List.of(Recipient.missing(
                    key + trackId,
                    null,
                    null,
                    "track " + trackId + " is not known here yet, so its " + role + " cannot be told"));
        }
        return found;
    }

    /** The host's kommunenummer of a partner enrollment's event ({@code host}), else null. */
    static String hostOf(JsonNode data) {
        JsonNode host = data == null ? null : data.get("host");
        return host != null && host.isObject() ? host.path("kommunenummer").asText(null) : null;
    }

    private List<Recipient> contacts(String kommunenummer) {
        if (kommunenummer == null) {
            return List.of();
        }
        List<ContactProjection> contacts = ContactProjection.list("kommunenummer = ?1 order by seq", kommunenummer);
        if (contacts.isEmpty()) {
            return List.of(Recipient.missing(
                    "contacts:" + kommunenummer,
                    null,
                    kommunenummer,
                    "municipality " + kommunenummer + " has no contact with an e-mail address in the registry"));
        }
        return contacts.stream()
                .map(c -> Recipient.of(c.email, c.name, kommunenummer))
                .toList();
    }

    /** The e-health contacts of the municipality's network; a network without one is a missing recipient. */
    private static List<Recipient> networkContacts(String kommunenummer) {
        MunicipalityProjection m = kommunenummer == null ? null : MunicipalityProjection.findById(kommunenummer);
        if (m == null || m.network == null) {
            return List.of(Recipient.missing(
                    "network-of:" + kommunenummer,
                    null,
                    null,
                    "municipality " + kommunenummer + " belongs to no network known here"));
        }
        List<ContactProjection> contacts = ContactProjection.list("network = ?1 order by seq", m.network);
        if (contacts.isEmpty()) {
            return List.of(Recipient.missing(
                    "network:" + m.network,
                    null,
                    null,
                    "network " + m.network + " has no contact with an e-mail address in the registry"));
        }
        return contacts.stream().map(c -> Recipient.of(c.email, c.name, null)).toList();
    }

    /** The track's lead or deputy; from the track projection, or from a whole-track event itself. */
    private static List<Recipient> workingGroup(TrackProjection track, JsonNode data, UUID trackId, String role) {
        JsonNode group = track != null ? track.state.path("workingGroup") : data.path("workingGroup");
        return workingGroup(group, role, track == null ? null : track.id, trackId);
    }

    /**
     * The current municipalities that can still enroll in the track and have a reason to (docs/notifications.md,
     * "Who can still act"): no enrollment (other than withdrawn) in this track or another track of the same
     * solution (a LIVE or COMPLETED one included), not live on the solution by NHN's data, and, when the track is
     * run for one vendor, on that vendor: by the registry's vendor codes when any municipality has the track's vendor
     * among them (enrollment-service refuses the others), otherwise by the free-text EPJ vendor. A track's vendor that
     * no municipality has either way excludes nobody, and nor, by free text, does a municipality whose EPJ vendor is
     * not known.
     */
    @SuppressWarnings("unchecked")
    List<String> canStillEnroll(TrackProjection track) {
        if (track == null) {
            return List.of();
        }
        String vendor = track.state.path("vendor").asText(null);
        String code = vendor == null ? "" : vendor.strip().toLowerCase(Locale.ROOT);
        boolean byCode = !code.isEmpty()
                && ((Number) em.createNativeQuery(
                                                "SELECT count(*) FROM municipality WHERE vendors @> jsonb_build_array(:code)")
                                        .setParameter("code", code)
                                        .getSingleResult())
                                .longValue()
                        > 0;
        boolean epjVendor =
                !byCode && !code.isEmpty() && MunicipalityProjection.count("lower(epjVendor) = ?1", code) > 0;
        return em.createNativeQuery("SELECT m.kommunenummer FROM municipality m WHERE (m.valid_to IS NULL OR "
                        + "m.valid_to >= :today) AND NOT EXISTS (SELECT 1 FROM enrollment e LEFT JOIN track t ON "
                        + "t.id = e.track_id WHERE e.kommunenummer = m.kommunenummer AND e.status <> 'WITHDRAWN' "
                        + "AND (e.track_id = :track OR COALESCE(e.solution, t.solution) = :solution)) "
                        + "AND NOT EXISTS (SELECT 1 FROM solution_adoption a WHERE a.kommunenummer = m.kommunenummer "
                        + "AND a.solution = :solution) AND (NOT :perVendor OR m.epj_vendor IS NULL "
                        + "OR lower(m.epj_vendor) = :vendor) AND (NOT :byCode OR m.vendors @> "
                        + "jsonb_build_array(CAST(:vendor AS text))) ORDER BY m.kommunenummer")
                .setParameter("today", LocalDate.now(clock))
                .setParameter("track", track.id)
                .setParameter("solution", track.solution)
                .setParameter("perVendor", epjVendor)
                .setParameter("byCode", byCode)
                .setParameter("vendor", code)
                .getResultList();
    }

    /**
     * Whether the municipality was sent (or is about to be sent) a deadline reminder for a track of the same
     * solution within the quiet period, for another event than this one.
     */
    private boolean remindedLately(String kommunenummer, TrackProjection track, String eventId) {
        OffsetDateTime since =
                OffsetDateTime.now(clock).minus(config.reminders().quietPeriod());
        Number n =
                (Number) em.createNativeQuery("SELECT count(*) FROM notification n JOIN track t ON t.id = n.track_id "
                                + "WHERE n.kind = 'DEADLINE_APPROACHING' AND n.channel = 'EMAIL' AND n.kommunenummer = :k "
                                + "AND n.created_at > :since AND n.event_id <> :event AND t.solution = :solution "
                                + "AND n.status IN ('PENDING', 'RETRYING', 'SENT')")
                        .setParameter("k", kommunenummer)
                        .setParameter("since", since)
                        .setParameter("event", eventId == null ? "" : eventId)
                        .setParameter("solution", track.solution)
                        .getSingleResult();
        return n.longValue() > 0;
    }

    @SuppressWarnings("unchecked")
    private List<String> networksOf(List<String> municipalities) {
        if (municipalities.isEmpty()) {
            return List.of();
        }
        return em.createNativeQuery("SELECT DISTINCT network FROM municipality WHERE network IS NOT NULL AND "
                        + "kommunenummer IN (:k) ORDER BY network")
                .setParameter("k", municipalities)
                .getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<String> enrolled(TrackProjection track) {
        if (track == null) {
            return List.of();
        }
        return em.createNativeQuery("SELECT DISTINCT kommunenummer FROM enrollment WHERE track_id = :track "
                        + "AND status <> 'WITHDRAWN' ORDER BY kommunenummer")
                .setParameter("track", track.id)
                .getResultList();
    }
}
