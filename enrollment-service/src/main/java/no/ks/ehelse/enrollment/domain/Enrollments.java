package no.ks.ehelse.enrollment.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;

/**
 * Enrolling, withdrawing and an enrollment's progress; the waiting list's rules are {@link Waitlist}'s, the
 * registration window's {@link RegistrationWindow}'s. Every change that affects a track's places takes the track's row lock first, so confirmed +
 * waitlisted can never exceed what capacity allows, however many requests arrive at once.
 */
@ApplicationScoped
public class Enrollments {

    /** An enrollment with its place in the waiting list (null unless waitlisted). */
    public record Placed(Enrollment enrollment, Track track, Integer position) {}

    private final EnrollmentEvents events;
    private final Clock clock;

    Enrollments(EnrollmentEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional
    public Placed enroll(UUID trackId, String kommunenummer, String lateReason, Caller caller) {
        Track track = lockTrack(trackId);
        Access.requireMayEnroll(caller, track, kommunenummer);
        boolean mayEnrollLate = Access.manages(caller, track) || Access.inNetwork(caller, kommunenummer);
        return admit(track, kommunenummer, lateReason, mayEnrollLate, null, Actor.of(caller));
    }

    /**
     * A host municipality enrolls a partner in the track of its own enrollment {@code hostEnrollmentId}, under a host
     * arrangement valid today that covers the partner and the track's solution. The partner's enrollment is an
     * ordinary one (it takes a place, or waits for one) linked to the host's.
     */
    @Transactional
    public Placed enrollPartner(UUID hostEnrollmentId, String partner, String lateReason, Caller caller) {
        Enrollment host = find(hostEnrollmentId);
        Track track = lockTrack(host.trackId);
        Access.requireManagerOrMunicipality(caller, track, host.kommunenummer);
        if (!host.active()) {
            throw ProblemException.conflict(
                    "withdrawn", "The host's enrollment was withdrawn; enroll the host again first");
        }
        if (host.hostEnrollmentId != null) {
            throw ProblemException.conflict(
                    "partner-enrollment",
                    "This enrollment was itself made by a host; enroll partners under the host's own enrollment "
                            + host.hostEnrollmentId);
        }
        if (HostArrangementProjection.covering(host.kommunenummer, partner, track.solution, today())
                .isEmpty()) {
            List<String> partners = HostArrangementProjection.validOf(host.kommunenummer, today()).stream()
                    .filter(a -> a.covers(track.solution))
                    .flatMap(a -> a.partners.stream())
                    .distinct()
                    .sorted()
                    .toList();
            throw ProblemException.conflict(
                            "no-host-arrangement",
                            host.kommunenummer + " has no host arrangement valid today under which it acts for "
                                    + partner + " in " + track.solution
                                    + (partners.isEmpty() ? "" : "; its partners for it are " + partners))
                    .with("partners", partners);
        }
        return admit(track, partner, lateReason, Access.manages(caller, track), host, Actor.of(caller));
    }

    /** Enrolls {@code kommunenummer} in the locked track, if the window, its enrollments and NHN's data allow. */
    private Placed admit(
            Track track, String kommunenummer, String lateReason, boolean mayEnrollLate, Enrollment host, Actor actor) {
        UUID trackId = track.id;
        MunicipalityProjection municipality = requireCurrentMunicipality(kommunenummer);
        boolean late = RegistrationWindow.admit(track, today(), mayEnrollLate, lateReason)
                == RegistrationWindow.Admission.LATE;

        Enrollment.<Enrollment>find(
                        "trackId = ?1 AND kommunenummer = ?2 AND status <> ?3",
                        trackId,
                        kommunenummer,
                        EnrollmentStatus.WITHDRAWN)
                .firstResultOptional()
                .ifPresent(existing -> {
                    throw ProblemException.conflict(
                                    "already-enrolled",
                                    municipality.name + " (" + kommunenummer + ") is already enrolled in " + track.name
                                            + " with status " + existing.status)
                            .with("existing", Map.of("id", existing.id, "status", existing.status));
                });
        Vendors.requireVendorOf(track, municipality);
        WentLive.find(kommunenummer, track.solution).ifPresent(live -> {
            throw ProblemException.conflict(
                    "already-live",
                    municipality.name + " went live with " + track.solution + " on " + live.wentLiveOn
                            + "; it does not need an implementation track");
        });

        Enrollment e = new Enrollment();
        e.id = UUID.randomUUID();
        e.trackId = trackId;
        e.kommunenummer = kommunenummer;
        e.hostEnrollmentId = host == null ? null : host.id;
        e.status = Waitlist.statusOnEnrolling(track, occupied(trackId));
        e.queueNumber = Waitlist.nextQueueNumber(Enrollment.getEntityManager()
                .createQuery("SELECT max(e.queueNumber) FROM Enrollment e WHERE e.trackId = :track", Integer.class)
                .setParameter("track", trackId)
                .getSingleResult());
        e.queuedAt = OffsetDateTime.now(clock);
        e.lateReason = late ? lateReason.strip() : null;
        e.phase = track.plan.phases().isEmpty()
                ? null
                : track.plan.phases().get(0).phase();
        e.updatedAt = e.queuedAt;
        e.persist();
        String action = late ? "ENROLLED_LATE" : "ENROLLED";
        String why = host == null
                ? e.lateReason
                : "by host municipality " + host.kommunenummer + (e.lateReason == null ? "" : ": " + e.lateReason);
        record(e, actor, host == null ? action : action + "_BY_HOST", null, e.status, why);
        Integer position = position(e);
        events.publish(EnrollmentEvents.ENROLLED, e, track, position, e.lateReason);
        return new Placed(e, track, position);
    }

    @Transactional
    public Placed withdraw(UUID enrollmentId, String reason, Caller caller) {
        Enrollment e = find(enrollmentId);
        Track track = lockTrack(e.trackId);
        requireMayAct(caller, track, e);
        boolean manager = Access.manages(caller, track);
        if (e.status != EnrollmentStatus.CONFIRMED && e.status != EnrollmentStatus.WAITLISTED) {
            throw ProblemException.conflict(
                    "cannot-withdraw", "An enrollment with status " + e.status + " cannot be withdrawn");
        }
        if (!manager && track.kickOff != null && !today().isBefore(track.kickOff)) {
            throw ProblemException.conflict(
                    "after-kick-off",
                    "The track started on " + track.kickOff
                            + "; after kick-off only the lead can withdraw the municipality");
        }
        if (manager && (reason == null || reason.isBlank())) {
            throw ProblemException.invalidField("reason", "is required when a lead or admin withdraws a municipality");
        }
        EnrollmentStatus before = e.status;
        e.status = EnrollmentStatus.WITHDRAWN;
        e.updatedAt = OffsetDateTime.now(clock);
        record(e, Actor.of(caller), "WITHDRAWN", before, e.status, reason);
        events.publish(EnrollmentEvents.WITHDRAWN, e, track, null, reason);
        Enrollment.flush();
        promoteWaiting(track, Actor.of(caller));
        return new Placed(e, track, null);
    }

    /** Fills free places from the waiting list, first in first out. Call with the track locked. */
    void promoteWaiting(Track track, Actor actor) {
        List<Enrollment> waiting = Enrollment.list(
                "trackId = ?1 AND status = ?2", Sort.by("queueNumber"), track.id, EnrollmentStatus.WAITLISTED);
        for (Enrollment next : Waitlist.promotable(track, occupied(track.id), waiting)) {
            next.status = EnrollmentStatus.CONFIRMED;
            next.updatedAt = OffsetDateTime.now(clock);
            record(
                    next,
                    actor,
                    "PROMOTED",
                    EnrollmentStatus.WAITLISTED,
                    EnrollmentStatus.CONFIRMED,
                    "a place became free");
            events.publish(EnrollmentEvents.PROMOTED, next, track, null, "a place became free");
        }
    }

    @Transactional
    public Placed markPrerequisites(UUID enrollmentId, List<String> done, Caller caller) {
        Enrollment e = find(enrollmentId);
        Track track = Track.findById(e.trackId);
        requireMayAct(caller, track, e);
        requireActive(e);
        List<String> known =
                track.plan.prerequisites().stream().map(Plan.Prerequisite::id).toList();
        for (int i = 0; i < done.size(); i++) {
            if (!known.contains(done.get(i))) {
                throw ProblemException.invalidField(
                        "done[" + i + "]",
                        "'" + done.get(i) + "' is not a prerequisite of this track; known: " + known);
            }
        }
        boolean wasComplete = !known.isEmpty() && e.prerequisitesDone.containsAll(known);
        e.prerequisitesDone = new ArrayList<>(new LinkedHashSet<>(done));
        e.updatedAt = OffsetDateTime.now(clock);
        record(e, Actor.of(caller), "PREREQUISITES", e.status, e.status, String.join(", ", e.prerequisitesDone));
        if (!wasComplete && !known.isEmpty() && e.prerequisitesDone.containsAll(known)) {
            events.publish(EnrollmentEvents.PREREQUISITES_COMPLETED, e, track, null, null);
        }
        return placed(e, track);
    }

    @Transactional
    public Placed changePhase(UUID enrollmentId, Plan.Phase phase, Caller caller) {
        Enrollment e = find(enrollmentId);
        Track track = Track.findById(e.trackId);
        Access.requireManager(caller, track);
        requireActive(e);
        Plan.Phase before = e.phase;
        e.phase = phase;
        e.updatedAt = OffsetDateTime.now(clock);
        record(e, Actor.of(caller), "PHASE", e.status, e.status, before + " → " + phase);
        events.publish(EnrollmentEvents.PHASE_CHANGED, e, track, null, before == null ? null : before.name());
        return placed(e, track);
    }

    @Transactional
    public Placed recordWentLive(UUID enrollmentId, LocalDate on, Caller caller) {
        Enrollment e = find(enrollmentId);
        Track track = Track.findById(e.trackId);
        Access.requireManager(caller, track);
        if (e.status != EnrollmentStatus.CONFIRMED) {
            throw ProblemException.conflict(
                    "cannot-go-live", "Only a confirmed enrollment can go live; this one is " + e.status);
        }
        wentLive(
                e,
                track,
                on,
                Actor.of(caller),
                "recorded by the " + Actor.of(caller).role());
        WentLive.record(e.kommunenummer, track.solution, on, "lead");
        return placed(e, track);
    }

    /**
     * NHN's data shows the municipality active for a solution: every confirmed enrollment in a track of that
     * solution goes live. Returns how many did.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int wentLiveFromAdoption(String kommunenummer, String solution, LocalDate on) {
        WentLive.record(kommunenummer, solution, on, "adoption-stats");
        List<Enrollment> confirmed = Enrollment.find(
                        "kommunenummer = ?1 AND status = ?2 AND trackId IN "
                                + "(SELECT t.id FROM Track t WHERE t.solution = ?3)",
                        kommunenummer,
                        EnrollmentStatus.CONFIRMED,
                        solution)
                .list();
        for (Enrollment e : confirmed) {
            wentLive(e, Track.findById(e.trackId), on, Actor.ADOPTION_DATA, "NHN reports the municipality ACTIVE");
        }
        return confirmed.size();
    }

    private void wentLive(Enrollment e, Track track, LocalDate on, Actor actor, String why) {
        e.status = EnrollmentStatus.LIVE;
        e.wentLiveOn = on;
        e.updatedAt = OffsetDateTime.now(clock);
        record(e, actor, "WENT_LIVE", EnrollmentStatus.CONFIRMED, EnrollmentStatus.LIVE, why);
        events.publish(EnrollmentEvents.WENT_LIVE, e, track, null, why);
    }

    @Transactional
    public Placed complete(UUID enrollmentId, Caller caller) {
        Enrollment e = find(enrollmentId);
        Track track = Track.findById(e.trackId);
        Access.requireManager(caller, track);
        if (e.status != EnrollmentStatus.LIVE) {
            throw ProblemException.conflict(
                    "cannot-complete",
                    "Only a municipality that went live can complete; " + "this enrollment is " + e.status);
        }
        e.status = EnrollmentStatus.COMPLETED;
        e.completedAt = OffsetDateTime.now(clock);
        e.updatedAt = e.completedAt;
        record(e, Actor.of(caller), "COMPLETED", EnrollmentStatus.LIVE, EnrollmentStatus.COMPLETED, null);
        events.publish(EnrollmentEvents.COMPLETED, e, track, null, null);
        return placed(e, track);
    }

    /** The enrollment for any role that reads enrollments (a network only its municipalities'). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Placed get(UUID enrollmentId, Caller caller) {
        Enrollment e = find(enrollmentId);
        Access.requireMayRead(caller, e.kommunenummer);
        return placed(e, Track.findById(e.trackId));
    }

    /**
     * The enrollment for someone who may see its page: the municipality itself, its network, the track's lead or an
     * admin.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Placed getFor(UUID enrollmentId, Caller caller) {
        Enrollment e = find(enrollmentId);
        Track track = Track.findById(e.trackId);
        if (!Access.inNetwork(caller, e.kommunenummer)) {
            requireMayAct(caller, track, e);
        }
        return placed(e, track);
    }

    /** An enrollment's history, and whether the caller may see who acted (admin, or the lead of its track). */
    public record History(List<HistoryEntry> entries, boolean actorsShown) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public History history(UUID enrollmentId, Caller caller) {
        Enrollment e = find(enrollmentId);
        Access.requireMayRead(caller, e.kommunenummer);
        boolean actorsShown = Access.manages(caller, Track.findById(e.trackId));
        return new History(HistoryEntry.list("enrollmentId", Sort.by("id"), enrollmentId), actorsShown);
    }

    /**
     * The municipality itself, the track's lead or an admin; for a partner enrollment also its host while an
     * arrangement valid today still covers the partner (an ended one keeps the enrollment but not the host's say).
     */
    /**
     * Whether the caller may change this enrollment (prerequisites, withdrawal): the pages offer those forms only
     * then, so a network, which reads its municipalities' enrollments, is not shown buttons that would refuse it.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean mayAct(Caller caller, Placed placed) {
        Enrollment e = placed.enrollment();
        return Access.manages(caller, placed.track())
                || Access.isMunicipality(caller, e.kommunenummer)
                || actsAsHost(caller, placed.track(), e);
    }

    private void requireMayAct(Caller caller, Track track, Enrollment e) {
        if (actsAsHost(caller, track, e)) {
            return;
        }
        Access.requireManagerOrMunicipality(caller, track, e.kommunenummer);
    }

    private boolean actsAsHost(Caller caller, Track track, Enrollment e) {
        if (e.hostEnrollmentId == null || caller.kommunenummer() == null) {
            return false;
        }
        Enrollment host = Enrollment.findById(e.hostEnrollmentId);
        return host != null
                && Access.isMunicipality(caller, host.kommunenummer)
                && HostArrangementProjection.covering(host.kommunenummer, e.kommunenummer, track.solution, today())
                        .isPresent();
    }

    Placed placed(Enrollment e, Track track) {
        return new Placed(e, track, position(e));
    }

    /** 1-based place in the waiting list, or null when not waitlisted. */
    Integer position(Enrollment e) {
        if (e.status != EnrollmentStatus.WAITLISTED) {
            return null;
        }
        return Waitlist.position(
                e,
                Enrollment.count(
                        "trackId = ?1 AND status = ?2 AND queueNumber < ?3",
                        e.trackId,
                        EnrollmentStatus.WAITLISTED,
                        e.queueNumber));
    }

    static long occupied(UUID trackId) {
        return Enrollment.count("trackId = ?1 AND status IN ?2", trackId, Waitlist.OCCUPYING);
    }

    private MunicipalityProjection requireCurrentMunicipality(String kommunenummer) {
        MunicipalityProjection m = MunicipalityProjection.findById(kommunenummer);
        if (m == null) {
            throw ProblemException.invalidField(
                    "kommunenummer", kommunenummer + " is not a municipality in the registry");
        }
        if (!m.validOn(today())) {
            String successors = m.successors.stream()
                    .map(s -> s.kommunenummer() + " " + s.name())
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("unknown");
            throw ProblemException.conflict(
                            "former-municipality",
                            kommunenummer + " " + m.name + " is no longer a municipality number (until " + m.validTo
                                    + "); enroll as " + successors)
                    .with("successors", m.successors);
        }
        return m;
    }

    private static Track lockTrack(UUID trackId) {
        return Optional.ofNullable(Track.<Track>findById(trackId, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> ProblemException.notFound("Track", trackId.toString()));
    }

    private static Enrollment find(UUID id) {
        return Enrollment.<Enrollment>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Enrollment", id.toString()));
    }

    private static void requireActive(Enrollment e) {
        if (!e.active()) {
            throw ProblemException.conflict("withdrawn", "The enrollment was withdrawn");
        }
    }

    private void record(
            Enrollment e, Actor actor, String action, EnrollmentStatus from, EnrollmentStatus to, String reason) {
        HistoryEntry h = new HistoryEntry();
        h.enrollmentId = e.id;
        h.at = OffsetDateTime.now(clock);
        h.actor = actor.name();
        h.actorRole = actor.role();
        h.action = action;
        h.fromStatus = from;
        h.toStatus = to;
        h.reason = reason;
        h.persist();
    }
}
