package no.ks.ehelse.enrollment.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What this service knows of a set of municipalities, read once for the worklist, readiness and invite next: their
 * enrollments (with their tracks), which solutions they use, NHN's levels, their contact roles and the confirmations
 * nobody acknowledged. All of it comes from this service's own tables and projections of other services' events.
 */
final class Signals {

    private final Map<String, List<Enrollment>> enrollments;
    private final Map<UUID, Track> tracks;
    private final Set<String> live;
    private final Map<String, AdoptionLevel> levels;
    private final Map<String, ContactRoles> contacts;
    private final Map<String, List<ConfirmationReceipt>> receipts;

    private Signals(
            Map<String, List<Enrollment>> enrollments,
            Map<UUID, Track> tracks,
            Set<String> live,
            Map<String, AdoptionLevel> levels,
            Map<String, ContactRoles> contacts,
            Map<String, List<ConfirmationReceipt>> receipts) {
        this.enrollments = enrollments;
        this.tracks = tracks;
        this.live = live;
        this.levels = levels;
        this.contacts = contacts;
        this.receipts = receipts;
    }

    static Signals of(Collection<String> kommunenummer) {
        if (kommunenummer.isEmpty()) {
            return new Signals(Map.of(), Map.of(), Set.of(), Map.of(), Map.of(), Map.of());
        }
        List<String> numbers = List.copyOf(kommunenummer);
        List<Enrollment> all =
                Enrollment.list("kommunenummer IN ?1 AND status <> ?2", numbers, EnrollmentStatus.WITHDRAWN);
        Set<UUID> trackIds = all.stream().map(e -> e.trackId).collect(Collectors.toSet());
        Map<UUID, Track> tracks = new HashMap<>();
        if (!trackIds.isEmpty()) {
            Track.<Track>list("id IN ?1", trackIds).forEach(t -> tracks.put(t.id, t));
        }
        Set<String> live = new HashSet<>();
        WentLive.<WentLive>list("kommunenummer IN ?1", numbers)
                .forEach(w -> live.add(key(w.kommunenummer, w.solution)));
        Map<String, AdoptionLevel> levels = new HashMap<>();
        AdoptionLevel.<AdoptionLevel>list("kommunenummer IN ?1", numbers).forEach(l -> {
            levels.put(key(l.kommunenummer, l.solution), l);
            if (AdoptionLevel.ACTIVE.equals(l.level)) {
                live.add(key(l.kommunenummer, l.solution));
            }
        });
        Map<String, ContactRoles> contacts = new HashMap<>();
        ContactRoles.<ContactRoles>list("kommunenummer IN ?1", numbers).forEach(c -> contacts.put(c.kommunenummer, c));
        Map<String, List<ConfirmationReceipt>> receipts = ConfirmationReceipt.<ConfirmationReceipt>list(
                        "kommunenummer IN ?1 AND escalatedAt IS NOT NULL AND acknowledgedAt IS NULL", numbers)
                .stream()
                .collect(Collectors.groupingBy(r -> r.kommunenummer));
        return new Signals(
                all.stream().collect(Collectors.groupingBy(e -> e.kommunenummer)),
                tracks,
                live,
                levels,
                contacts,
                receipts);
    }

    private static String key(String kommunenummer, String solution) {
        return kommunenummer + "/" + solution;
    }

    List<Enrollment> enrollments(String kommunenummer) {
        return enrollments.getOrDefault(kommunenummer, List.of());
    }

    Track track(UUID id) {
        return tracks.get(id);
    }

    /** The municipality's active enrollment in a track of the solution, if it has one. */
    Optional<Enrollment> enrollment(String kommunenummer, String solution) {
        return enrollments(kommunenummer).stream()
                .filter(e -> tracks.get(e.trackId).solution.equals(solution))
                .findFirst();
    }

    /** Live on the solution: a lead recorded it, or NHN's data shows it ACTIVE. */
    boolean live(String kommunenummer, String solution) {
        return live.contains(key(kommunenummer, solution));
    }

    Optional<AdoptionLevel> level(String kommunenummer, String solution) {
        return Optional.ofNullable(levels.get(key(kommunenummer, solution)));
    }

    List<AdoptionLevel> levels(String kommunenummer) {
        return levels.values().stream()
                .filter(l -> l.kommunenummer.equals(kommunenummer))
                .toList();
    }

    Optional<ContactRoles> contacts(String kommunenummer) {
        return Optional.ofNullable(contacts.get(kommunenummer));
    }

    List<ConfirmationReceipt> unacknowledged(String kommunenummer) {
        return receipts.getOrDefault(kommunenummer, List.of());
    }

    /**
     * Whether the municipality could join the open track (the rules of notification-service's deadline reminders,
     * docs/notifications.md "Who can still act"): not live on the solution, no active enrollment in this or another
     * track of the solution, and the track's vendor among its vendors.
     */
    boolean couldJoin(MunicipalityProjection municipality, Track track) {
        return !live(municipality.kommunenummer, track.solution)
                && enrollment(municipality.kommunenummer, track.solution).isEmpty()
                && Vendors.allows(track, municipality);
    }
}
