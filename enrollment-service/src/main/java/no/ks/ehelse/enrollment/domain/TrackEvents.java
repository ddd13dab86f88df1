package no.ks.ehelse.enrollment.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.platform.events.Outbox;

/** Track events on {@code enrollment.tracks.v1}, keyed by track id. */
@ApplicationScoped
public class TrackEvents {

    public static final String TOPIC = "enrollment.tracks.v1";
    public static final String CREATED = "no.ks.ehelse.track.created.v1";
    public static final String OPENED = "no.ks.ehelse.track.opened.v1";
    public static final String CHANGED = "no.ks.ehelse.track.changed.v1";
    public static final String DEADLINE_EXTENDED = "no.ks.ehelse.track.deadline-extended.v1";
    public static final String DEADLINE_APPROACHING = "no.ks.ehelse.track.deadline-approaching.v1";
    public static final String DEADLINE_PASSED = "no.ks.ehelse.track.deadline-passed.v1";

    public record TrackState(
            UUID id,
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
            TrackStatus status,
            List<Plan.PhasePlan> phases,
            List<Plan.Milestone> milestones,
            List<Plan.Prerequisite> prerequisites,
            List<Plan.Member> workingGroup) {

        static TrackState of(Track t) {
            return new TrackState(
                    t.id,
                    t.solution,
                    t.name,
                    t.cohort,
                    t.vendor,
                    t.description,
                    t.capacity,
                    t.registrationOpens,
                    t.registrationDeadline,
                    t.kickOff,
                    t.closing,
                    t.status,
                    t.plan.phases(),
                    t.plan.milestones(),
                    t.plan.prerequisites(),
                    t.plan.workingGroup());
        }
    }

    /** A deadline event: the track, the deadline, and for deadline-passed who enrolled and which networks have none. */
    public record DeadlineState(
            UUID trackId,
            String solution,
            String name,
            LocalDate registrationDeadline,
            Integer daysLeft,
            Long confirmed,
            Long waitlisted,
            List<String> networksWithoutEnrollment) {}

    /** A moved deadline: from and to, and why. */
    public record DeadlineMoved(
            UUID trackId,
            String solution,
            String name,
            LocalDate previousDeadline,
            LocalDate registrationDeadline,
            String reason) {}

    private final Outbox outbox;

    TrackEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void created(Track track) {
        publish(CREATED, track);
    }

    public void publish(String type, Track track) {
        outbox.publish(TOPIC, track.id.toString(), type, track.id.toString(), TrackState.of(track));
    }

    public void deadlineMoved(Track track, LocalDate previous, String reason) {
        outbox.publish(
                TOPIC,
                track.id.toString(),
                DEADLINE_EXTENDED,
                track.id.toString(),
                new DeadlineMoved(track.id, track.solution, track.name, previous, track.registrationDeadline, reason));
    }

    public void deadline(String type, DeadlineState state) {
        outbox.publish(TOPIC, state.trackId().toString(), type, state.trackId().toString(), state);
    }
}
