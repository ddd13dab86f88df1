package no.ks.ehelse.enrollment.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.answers.KeptAnswers;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;

/**
 * What the pages read: the solution catalogue with the tracks people can see (not drafts, not cancelled), whether
 * each takes sign-ups today and how many places it has left, and a municipality's own enrollments.
 */
@ApplicationScoped
public class Catalogue {

    /** A track as the pages show it: its places taken and whether it takes enrollments today. */
    public record TrackPlaces(Track track, long occupied, boolean openNow) {

        /** Places left, or null when the track has no capacity limit. */
        public Long placesLeft() {
            return track.capacity == null ? null : Math.max(0, track.capacity - occupied);
        }
    }

    /** A solution another builds on, by its catalogue name (its code while the catalogue has not announced it). */
    public record Requirement(String code, String name) {}

    public record SolutionEntry(SolutionProjection solution, List<TrackPlaces> tracks, List<Requirement> requires) {

        public SolutionEntry(SolutionProjection solution, List<TrackPlaces> tracks) {
            this(solution, tracks, List.of());
        }

        public List<TrackPlaces> openTracks() {
            return tracks.stream().filter(TrackPlaces::openNow).toList();
        }
    }

    /**
     * A host's sign-up for its partners: the track of one of the host's own enrollments, open today, and the
     * partners a host arrangement valid today lets it enroll there (not enrolled yet, not live with the solution).
     */
    public record PartnerSignUp(Enrollments.Placed host, List<MunicipalityProjection> partners) {}

    /**
     * A municipality's page: its enrollments (newest first), the open tracks it has not joined, what it may sign
     * up its partners for as a host, and for each partner enrollment the host that made it.
     */
    public record MunicipalityPage(
            MunicipalityProjection municipality,
            List<Enrollments.Placed> enrollments,
            List<TrackPlaces> canJoin,
            Map<String, SolutionProjection> solutions,
            List<PartnerSignUp> partnerSignUps,
            Map<UUID, String> hosts,
            List<TrackPlaces> lateJoin) {

        /** "Stjørdal (5035)" when a host made this enrollment, else null. */
        public String madeBy(Enrollments.Placed placed) {
            return hosts.get(placed.enrollment().id);
        }
    }

    private static final Set<TrackStatus> HIDDEN = Set.of(TrackStatus.DRAFT, TrackStatus.CANCELLED);

    private final Clock clock;
    private final Enrollments enrollments;
    private final KeptAnswers kept;

    Catalogue(Clock clock, Enrollments enrollments, KeptAnswers kept) {
        this.clock = clock;
        this.enrollments = enrollments;
        this.kept = kept;
    }

    /**
     * Every solution with its visible tracks, kept (the entities detached, read only) until a solution, track or
     * enrollment changes or the day turns (whether a track is open depends on it).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SolutionEntry> solutions() {
        return kept.answer("catalogue", null, List.of(), List::size, this::computeSolutions);
    }

    private List<SolutionEntry> computeSolutions() {
        List<SolutionProjection> solutions = SolutionProjection.listAll(Sort.by("name"));
        Map<String, List<TrackPlaces>> tracks = visibleTracks(null).stream()
                .collect(Collectors.groupingBy(t -> t.track().solution, Collectors.toList()));
        List<SolutionEntry> entries = new ArrayList<>();
        for (SolutionProjection solution : solutions) {
            entries.add(new SolutionEntry(solution, tracks.getOrDefault(solution.code, List.of())));
        }
        return entries;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SolutionEntry solution(String code) {
        return kept.answer(
                "catalogue-solution", null, List.of(code), e -> 1 + e.tracks().size(), () -> compute(code));
    }

    private SolutionEntry compute(String code) {
        SolutionProjection solution = SolutionProjection.findById(code);
        if (solution == null) {
            throw ProblemException.notFound("Solution", code);
        }
        List<Requirement> requires = solution.requires.stream()
                .map(required -> new Requirement(required, solutionName(required)))
                .toList();
        return new SolutionEntry(solution, visibleTracks(code), requires);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MunicipalityPage municipality(String kommunenummer, Caller caller) {
        Access.requireMayViewMunicipality(caller, kommunenummer);
        MunicipalityProjection municipality = MunicipalityProjection.findById(kommunenummer);
        if (municipality == null) {
            throw ProblemException.notFound("Municipality", kommunenummer);
        }
        List<Enrollments.Placed> placed = new ArrayList<>();
        Map<UUID, Track> tracksById = new HashMap<>();
        for (Enrollment e : Enrollment.<Enrollment>list("kommunenummer", Sort.descending("queuedAt"), kommunenummer)) {
            Track track = tracksById.computeIfAbsent(e.trackId, id -> Track.findById(id));
            placed.add(enrollments.placed(e, track));
        }
        Set<UUID> joined = placed.stream()
                .filter(p -> p.enrollment().active())
                .map(p -> p.track().id)
                .collect(Collectors.toSet());
        Set<String> live = WentLive.<WentLive>list("kommunenummer", kommunenummer).stream()
                .map(w -> w.solution)
                .collect(Collectors.toSet());
        LocalDate today = LocalDate.now(clock);
        List<TrackPlaces> notJoined = visibleTracks(null).stream()
                .filter(t -> !joined.contains(t.track().id) && !live.contains(t.track().solution))
                .toList();
        List<TrackPlaces> canJoin =
                notJoined.stream().filter(TrackPlaces::openNow).toList();
        // Offered only to whom the API lets enroll late: the track's lead, an admin, the municipality's network.
        List<TrackPlaces> lateJoin = notJoined.stream()
                .filter(t -> RegistrationWindow.takesLate(t.track(), today))
                .filter(t -> Access.manages(caller, t.track()) || Access.inNetwork(caller, kommunenummer))
                .toList();
        Map<String, SolutionProjection> solutions = SolutionProjection.<SolutionProjection>listAll().stream()
                .collect(Collectors.toMap(s -> s.code, s -> s));
        Map<UUID, String> hosts = new HashMap<>();
        for (Enrollments.Placed p : placed) {
            String host = madeBy(p.enrollment());
            if (host != null) {
                hosts.put(p.enrollment().id, host);
            }
        }
        return new MunicipalityPage(municipality, placed, canJoin, solutions, partnerSignUps(placed), hosts, lateJoin);
    }

    /** The host municipality that made a partner enrollment, as "Stjørdal (5035)"; null for any other. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String madeBy(Enrollment e) {
        if (e.hostEnrollmentId == null) {
            return null;
        }
        Enrollment host = Enrollment.findById(e.hostEnrollmentId);
        MunicipalityProjection m = MunicipalityProjection.findById(host.kommunenummer);
        return (m == null ? host.kommunenummer : m.name) + " (" + host.kommunenummer + ")";
    }

    private List<PartnerSignUp> partnerSignUps(List<Enrollments.Placed> placed) {
        LocalDate today = LocalDate.now(clock);
        List<PartnerSignUp> signUps = new ArrayList<>();
        for (Enrollments.Placed own : placed) {
            Enrollment e = own.enrollment();
            if (!e.active() || e.hostEnrollmentId != null || !RegistrationWindow.isOpen(own.track(), today)) {
                continue;
            }
            String solution = own.track().solution;
            Set<String> taken = Enrollment.<Enrollment>list(
                            "trackId = ?1 AND status <> ?2", own.track().id, EnrollmentStatus.WITHDRAWN)
                    .stream()
                    .map(other -> other.kommunenummer)
                    .collect(Collectors.toSet());
            List<MunicipalityProjection> partners = HostArrangementProjection.validOf(e.kommunenummer, today).stream()
                    .filter(a -> a.covers(solution))
                    .flatMap(a -> a.partners.stream())
                    .distinct()
                    .filter(k ->
                            !taken.contains(k) && WentLive.find(k, solution).isEmpty())
                    .map(k -> MunicipalityProjection.<MunicipalityProjection>findById(k))
                    .filter(m -> m != null && m.validOn(today))
                    .sorted(Comparator.comparing((MunicipalityProjection m) -> m.name))
                    .toList();
            if (!partners.isEmpty()) {
                signUps.add(new PartnerSignUp(own, partners));
            }
        }
        return signUps;
    }

    /** The solution's name from the catalogue, or its code while the catalogue has not announced it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String solutionName(String code) {
        SolutionProjection solution = SolutionProjection.findById(code);
        return solution == null ? code : solution.name;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<Track> track(UUID id) {
        return Track.findByIdOptional(id);
    }

    /** The track of an enrollment, if both exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<Track> trackOf(UUID enrollmentId) {
        return Enrollment.<Enrollment>findByIdOptional(enrollmentId).map(e -> Track.findById(e.trackId));
    }

    private List<TrackPlaces> visibleTracks(String solution) {
        List<Track> tracks = solution == null
                ? Track.list("status NOT IN ?1", HIDDEN)
                : Track.list("solution = ?1 AND status NOT IN ?2", solution, HIDDEN);
        Map<UUID, Long> occupied = new HashMap<>();
        for (Object[] row : Enrollment.getEntityManager()
                .createQuery(
                        "SELECT e.trackId, count(e) FROM Enrollment e WHERE e.status IN :occupying GROUP BY e.trackId",
                        Object[].class)
                .setParameter("occupying", Waitlist.OCCUPYING)
                .getResultList()) {
            occupied.put((UUID) row[0], (Long) row[1]);
        }
        LocalDate today = LocalDate.now(clock);
        return tracks.stream()
                .sorted(Comparator.comparing((Track t) -> t.registrationDeadline)
                        .thenComparing(t -> t.name))
                .map(t -> new TrackPlaces(t, occupied.getOrDefault(t.id, 0L), RegistrationWindow.isOpen(t, today)))
                .toList();
    }
}
