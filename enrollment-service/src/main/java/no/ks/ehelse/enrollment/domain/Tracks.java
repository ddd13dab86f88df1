package no.ks.ehelse.enrollment.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;

/** Tracks: who may create them, and what a new track must satisfy. */
@ApplicationScoped
public class Tracks {

    /** Everything a track's plan holds; on update the solution cannot change. */
    public record Draft(
            String solution,
            String name,
            String cohort,
            String vendor,
            String description,
            Integer capacity,
            LocalDate registrationOpens,
            LocalDate registrationDeadline,
            LocalDate kickOff,
            LocalDate closing,
            List<Plan.PhasePlan> phases,
            List<Plan.Milestone> milestones,
            List<Plan.Prerequisite> prerequisites,
            List<Plan.Member> workingGroup) {}

    /** The moves a track's status may make; CANCELLED and COMPLETED are final. */
    private static final Map<TrackStatus, Set<TrackStatus>> MOVES = Map.of(
            TrackStatus.DRAFT, EnumSet.of(TrackStatus.OPEN, TrackStatus.CANCELLED),
            TrackStatus.OPEN, EnumSet.of(TrackStatus.REGISTRATION_CLOSED, TrackStatus.RUNNING, TrackStatus.CANCELLED),
            TrackStatus.REGISTRATION_CLOSED, EnumSet.of(TrackStatus.OPEN, TrackStatus.RUNNING, TrackStatus.CANCELLED),
            TrackStatus.RUNNING, EnumSet.of(TrackStatus.COMPLETED, TrackStatus.CANCELLED),
            TrackStatus.COMPLETED, EnumSet.noneOf(TrackStatus.class),
            TrackStatus.CANCELLED, EnumSet.noneOf(TrackStatus.class));

    private final TrackEvents events;
    private final Enrollments enrollments;
    private final Clock clock;

    Tracks(TrackEvents events, Enrollments enrollments, Clock clock) {
        this.events = events;
        this.enrollments = enrollments;
        this.clock = clock;
    }

    /**
     * The tracks, of one solution and one status when given (null means any). A solution code the catalogue does
     * not hold is refused naming the known ones, so a misspelt filter is not taken for "no tracks".
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PanacheQuery<Track> list(String solution, TrackStatus status) {
        Sort sort = Sort.by("registrationDeadline").and("name");
        if (solution != null && SolutionProjection.findById(solution) == null) {
            List<String> known = SolutionProjection.<SolutionProjection>listAll(Sort.by("code")).stream()
                    .map(s -> s.code)
                    .toList();
            throw ProblemException.invalidField(
                            "solution",
                            known.isEmpty()
                                    ? "is not a known solution code (no solutions are known yet)"
                                    : "must be a known solution code: " + String.join(", ", known))
                    .with("allowed", known);
        }
        if (solution == null) {
            return status == null ? Track.findAll(sort) : Track.find("status", sort, status);
        }
        return status == null
                ? Track.find("solution", sort, solution)
                : Track.find("solution = ?1 AND status = ?2", sort, solution, status);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Track> find(UUID id) {
        return Track.findByIdOptional(id);
    }

    /** A new track starts as DRAFT. A lead may create tracks only for the solutions its token names. */
    @Transactional
    public Track create(Draft draft, Caller caller) {
        if (!caller.has(Roles.ADMIN) && !caller.solutions().contains(draft.solution())) {
            throw new ProblemException(
                    403,
                    "forbidden",
                    "Forbidden",
                    "As lead you may create tracks only for your solutions " + caller.solutions());
        }
        if (SolutionProjection.findById(draft.solution()) == null) {
            throw ProblemException.invalidField(
                    "solution", "'" + draft.solution() + "' is not a solution of the registry's catalogue");
        }
        Track track = new Track();
        track.id = UUID.randomUUID();
        track.solution = draft.solution();
        track.status = TrackStatus.DRAFT;
        track.createdAt = OffsetDateTime.now(clock);
        track.createdBy = caller.name();
        apply(track, draft);
        track.persist();
        events.created(track);
        return track;
    }

    /** Replaces the plan. The deadline moves only through {@link #moveDeadline}, which is an event of its own. */
    @Transactional
    public Track update(UUID id, Draft draft, Caller caller) {
        Track track = lock(id);
        Access.requireManager(caller, track);
        if (!track.solution.equals(draft.solution())) {
            throw ProblemException.invalidField("solution", "cannot change; create a new track for another solution");
        }
        if (!track.registrationDeadline.equals(draft.registrationDeadline())) {
            throw ProblemException.invalidField(
                    "registrationDeadline",
                    "moves through PUT /api/v1/tracks/{id}/deadline, which tells everyone affected");
        }
        if (track.status == TrackStatus.COMPLETED || track.status == TrackStatus.CANCELLED) {
            throw ProblemException.conflict("track-closed", track.name + " is " + track.status + " and cannot change");
        }
        apply(track, draft);
        events.publish(TrackEvents.CHANGED, track);
        Track.flush();
        enrollments.promoteWaiting(track, Actor.of(caller));
        return track;
    }

    @Transactional
    public Track moveDeadline(UUID id, LocalDate deadline, String reason, Caller caller) {
        Track track = lock(id);
        Access.requireManager(caller, track);
        if (track.registrationOpens != null && deadline.isBefore(track.registrationOpens)) {
            throw ProblemException.invalidField(
                    "registrationDeadline", "must not be before registrationOpens (" + track.registrationOpens + ")");
        }
        LocalDate previous = track.registrationDeadline;
        if (previous.equals(deadline)) {
            return track;
        }
        track.registrationDeadline = deadline;
        track.updatedAt = OffsetDateTime.now(clock);
        // A deadline moved into the future reopens registration that only time had closed.
        if (track.status == TrackStatus.REGISTRATION_CLOSED && !deadline.isBefore(LocalDate.now(clock))) {
            track.status = TrackStatus.OPEN;
        }
        events.deadlineMoved(track, previous, reason);
        return track;
    }

    @Transactional
    public Track changeStatus(UUID id, TrackStatus to, Caller caller) {
        Track track = lock(id);
        Access.requireManager(caller, track);
        if (!MOVES.get(track.status).contains(to)) {
            throw ProblemException.conflict(
                    "invalid-transition",
                    track.name + " cannot go from " + track.status + " to " + to + "; allowed: "
                            + MOVES.get(track.status));
        }
        track.status = to;
        track.updatedAt = OffsetDateTime.now(clock);
        events.publish(to == TrackStatus.OPEN ? TrackEvents.OPENED : TrackEvents.CHANGED, track);
        return track;
    }

    private void apply(Track track, Draft draft) {
        if (draft.registrationOpens() != null && draft.registrationDeadline().isBefore(draft.registrationOpens())) {
            throw ProblemException.invalidField(
                    "registrationDeadline", "must not be before registrationOpens (" + draft.registrationOpens() + ")");
        }
        if (draft.kickOff() != null
                && draft.closing() != null
                && draft.closing().isBefore(draft.kickOff())) {
            throw ProblemException.invalidField("closing", "must not be before kickOff (" + draft.kickOff() + ")");
        }
        List<String> ids =
                draft.prerequisites().stream().map(Plan.Prerequisite::id).toList();
        if (new java.util.HashSet<>(ids).size() != ids.size()) {
            throw ProblemException.invalidField("prerequisites", "ids must be unique within the track");
        }
        track.name = draft.name().strip();
        track.cohort = draft.cohort();
        track.vendor = Vendors.requireKnown(draft.vendor());
        track.description = draft.description();
        track.capacity = draft.capacity();
        track.registrationOpens = draft.registrationOpens();
        track.registrationDeadline = draft.registrationDeadline();
        track.kickOff = draft.kickOff();
        track.closing = draft.closing();
        track.plan = new Plan.Details(
                List.copyOf(draft.phases()),
                List.copyOf(draft.milestones()),
                List.copyOf(draft.prerequisites()),
                List.copyOf(draft.workingGroup()));
        track.updatedAt = OffsetDateTime.now(clock);
    }

    private static Track lock(UUID id) {
        return Optional.ofNullable(Track.<Track>findById(id, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> ProblemException.notFound("Track", id.toString()));
    }
}
