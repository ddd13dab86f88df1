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

    public record SolutionEntry(SolutionProjection solution, List<TrackPlaces> tracks) {

        public List<TrackPlaces> openTracks() {
            return tracks.stream().filter(TrackPlaces::openNow).toList();
        }
    }

    /** A municipality's page: its enrollments (newest first) and the open tracks it has not joined. */
    public record MunicipalityPage(
            MunicipalityProjection municipality,
            List<Enrollments.Placed> enrollments,
            List<TrackPlaces> canJoin,
            Map<String, SolutionProjection> solutions) {}

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
        return new SolutionEntry(solution, visibleTracks(code));
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
        List<TrackPlaces> canJoin = visibleTracks(null).stream()
                .filter(TrackPlaces::openNow)
                .filter(t -> !joined.contains(t.track().id) && !live.contains(t.track().solution))
                .toList();
        Map<String, SolutionProjection> solutions = SolutionProjection.<SolutionProjection>listAll().stream()
                .collect(Collectors.toMap(s -> s.code, s -> s));
        return new MunicipalityPage(municipality, placed, canJoin, solutions);
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
