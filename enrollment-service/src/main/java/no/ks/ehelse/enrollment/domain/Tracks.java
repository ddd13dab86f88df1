package no.ks.ehelse.enrollment.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.ks.ehelse.enrollment.events.TrackEvents;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;

/** Tracks: who may create them, and what a new track must satisfy. */
@ApplicationScoped
public class Tracks {

    public record Plan(String solution, String name, String cohort, String vendor, String description,
            Integer capacity, LocalDate registrationOpens, LocalDate registrationDeadline) {
    }

    private final TrackEvents events;
    private final Clock clock;

    Tracks(TrackEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PanacheQuery<Track> list(String solution) {
        Sort sort = Sort.by("registrationDeadline").and("name");
        return solution == null ? Track.findAll(sort) : Track.find("solution", sort, solution);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Track> find(UUID id) {
        return Track.findByIdOptional(id);
    }

    /** A new track starts as DRAFT. A lead may create tracks only for the solutions its token names. */
    @Transactional
    public Track create(Plan plan, Caller caller) {
        if (!caller.has(Roles.ADMIN) && !caller.solutions().contains(plan.solution())) {
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "As lead you may create tracks only for your solutions " + caller.solutions());
        }
        if (SolutionProjection.findById(plan.solution()) == null) {
            throw ProblemException.invalidField("solution", "'" + plan.solution()
                    + "' is not a solution of the registry's catalogue");
        }
        if (plan.registrationOpens() != null && plan.registrationDeadline().isBefore(plan.registrationOpens())) {
            throw ProblemException.invalidField("registrationDeadline", "must not be before registrationOpens ("
                    + plan.registrationOpens() + ")");
        }
        Track track = new Track();
        track.id = UUID.randomUUID();
        track.solution = plan.solution();
        track.name = plan.name().strip();
        track.cohort = plan.cohort();
        track.vendor = plan.vendor();
        track.description = plan.description();
        track.capacity = plan.capacity();
        track.registrationOpens = plan.registrationOpens();
        track.registrationDeadline = plan.registrationDeadline();
        track.status = TrackStatus.DRAFT;
        track.createdAt = OffsetDateTime.now(clock);
        track.createdBy = caller.name();
        track.persist();
        events.created(track);
        return track;
    }
}
