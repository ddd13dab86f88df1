package no.ks.ehelse.enrollment.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.platform.events.Outbox;

/**
 * Enrollment events on {@code enrollment.enrollments.v1}, keyed by kommunenummer (so a municipality's events stay
 * in order). Each carries the enrollment as it now is, plus what the event needs (a reason, a position).
 */
@ApplicationScoped
public class EnrollmentEvents {

    public static final String TOPIC = "enrollment.enrollments.v1";
    public static final String ENROLLED = "no.ks.ehelse.enrollment.enrolled.v1";
    public static final String PROMOTED = "no.ks.ehelse.enrollment.waitlist-promoted.v1";
    public static final String WITHDRAWN = "no.ks.ehelse.enrollment.withdrawn.v1";
    public static final String PHASE_CHANGED = "no.ks.ehelse.enrollment.phase-changed.v1";
    public static final String PREREQUISITES_COMPLETED = "no.ks.ehelse.enrollment.prerequisites-completed.v1";
    public static final String WENT_LIVE = "no.ks.ehelse.enrollment.went-live.v1";
    public static final String COMPLETED = "no.ks.ehelse.enrollment.completed.v1";
    public static final String PREREQUISITE_OVERDUE = "no.ks.ehelse.enrollment.deadline-passed.v1";

    /** For a partner enrollment: the host municipality's enrollment it was made under, and the host. */
    public record Host(UUID enrollmentId, String kommunenummer) {}

    public record EnrollmentState(
            UUID id,
            UUID trackId,
            String solution,
            String kommunenummer,
            EnrollmentStatus status,
            Integer waitlistPosition,
            boolean late,
            String lateReason,
            Plan.Phase phase,
            List<String> prerequisitesDone,
            LocalDate wentLiveOn,
            String reason,
            String deadlineItem,
            LocalDate deadline,
            Host host) {}

    private static Host host(Enrollment e) {
        if (e.hostEnrollmentId == null) {
            return null;
        }
        Enrollment host = Enrollment.findById(e.hostEnrollmentId);
        return new Host(e.hostEnrollmentId, host.kommunenummer);
    }

    private final Outbox outbox;

    EnrollmentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void publish(String type, Enrollment e, Track track, Integer position, String reason) {
        publish(type, e, track, position, reason, null, null);
    }

    public void publish(
            String type,
            Enrollment e,
            Track track,
            Integer position,
            String reason,
            String deadlineItem,
            LocalDate deadline) {
        outbox.publish(
                TOPIC,
                e.kommunenummer,
                type,
                e.id.toString(),
                new EnrollmentState(
                        e.id,
                        e.trackId,
                        track.solution,
                        e.kommunenummer,
                        e.status,
                        position,
                        e.lateReason != null,
                        e.lateReason,
                        e.phase,
                        List.copyOf(e.prerequisitesDone),
                        e.wentLiveOn,
                        reason,
                        deadlineItem,
                        deadline,
                        host(e)));
    }
}
