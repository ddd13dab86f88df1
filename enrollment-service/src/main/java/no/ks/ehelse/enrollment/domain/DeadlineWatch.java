package no.ks.ehelse.enrollment.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * Fires the time-based events exactly once: deadline-approaching (at the configured offsets before a
 * registration deadline), deadline-passed (registration deadline of a track; a prerequisite's due date per
 * enrollment). Each fire inserts a row keyed by (subject, kind, deadline) in the transaction that writes the
 * event, so with several replicas only one insert wins, and a moved deadline is a new key that fires again.
 * It runs on start, which catches up on whatever passed while the service was down, and then periodically.
 */
@ApplicationScoped
public class DeadlineWatch {

    private static final Logger LOG = Logger.getLogger(DeadlineWatch.class);

    private final EntityManager em;
    private final TrackEvents trackEvents;
    private final EnrollmentEvents enrollmentEvents;
    private final DeadlineConfig config;
    private final Clock clock;

    DeadlineWatch(
            EntityManager em,
            TrackEvents trackEvents,
            EnrollmentEvents enrollmentEvents,
            DeadlineConfig config,
            Clock clock) {
        this.em = em;
        this.trackEvents = trackEvents;
        this.enrollmentEvents = enrollmentEvents;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        check();
    }

    @Scheduled(
            every = "${ehelse.deadlines.check-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // The shutdown delay keeps the timer running after the database pool has closed.
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void periodically() {
        check();
    }

    /** Returns how many events fired. Safe to run concurrently, here and in other replicas. */
    public int check() {
        LocalDate today = LocalDate.now(clock);
        int fired = 0;
        List<UUID> tracks = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "SELECT t.id FROM Track t WHERE t.status IN :live", UUID.class)
                .setParameter("live", List.of(TrackStatus.OPEN, TrackStatus.REGISTRATION_CLOSED, TrackStatus.RUNNING))
                .getResultList());
        for (UUID id : tracks) {
            fired += QuarkusTransaction.requiringNew().call(() -> checkTrack(id, today));
        }
        if (fired > 0) {
            LOG.infof("Deadline watch fired %d event(s) for %s", fired, today);
        }
        return fired;
    }

    private int checkTrack(UUID id, LocalDate today) {
        // The row lock serialises racing watchers (other replicas) on this track; the notice keys decide who fires.
        Track track = Track.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        LocalDate deadline = track.registrationDeadline;
        int fired = 0;
        if (today.isAfter(deadline)) {
            if (firstTime(id.toString(), "REGISTRATION_PASSED", deadline)) {
                trackEvents.deadline(TrackEvents.DEADLINE_PASSED, summary(track, null));
                fired++;
            }
            if (track.status == TrackStatus.OPEN) {
                track.status = TrackStatus.REGISTRATION_CLOSED;
                track.updatedAt = OffsetDateTime.now(clock);
                trackEvents.publish(TrackEvents.CHANGED, track);
            }
        } else if (track.status == TrackStatus.OPEN) {
            long daysLeft = ChronoUnit.DAYS.between(today, deadline);
            Integer sent = Reminders.sent(config.approachingDays(), daysLeft).orElse(null);
            for (Integer days : Reminders.reached(config.approachingDays(), daysLeft)) {
                if (firstTime(id.toString(), "APPROACHING_" + days, deadline) && days.equals(sent)) {
                    trackEvents.deadline(TrackEvents.DEADLINE_APPROACHING, summary(track, (int) daysLeft));
                    fired++;
                }
            }
        }
        fired += checkPrerequisites(track, today);
        return fired;
    }

    private int checkPrerequisites(Track track, LocalDate today) {
        int fired = 0;
        for (Plan.Prerequisite item : track.plan.prerequisites()) {
            if (item.dueDate() == null || !today.isAfter(item.dueDate())) {
                continue;
            }
            List<Enrollment> pending =
                    Enrollment.list("trackId = ?1 AND status = ?2", track.id, EnrollmentStatus.CONFIRMED);
            for (Enrollment e : pending) {
                if (!e.prerequisitesDone.contains(item.id())
                        && firstTime(e.id + "/" + item.id(), "PREREQUISITE_PASSED", item.dueDate())) {
                    enrollmentEvents.publish(
                            EnrollmentEvents.PREREQUISITE_OVERDUE,
                            e,
                            track,
                            null,
                            item.description(),
                            item.id(),
                            item.dueDate());
                    fired++;
                }
            }
        }
        return fired;
    }

    private boolean firstTime(String subject, String kind, LocalDate deadline) {
        return em.createNativeQuery("INSERT INTO deadline_notice (subject, kind, deadline, fired_at) "
                                + "VALUES (:subject, :kind, :deadline, :at) ON CONFLICT DO NOTHING")
                        .setParameter("subject", subject)
                        .setParameter("kind", kind)
                        .setParameter("deadline", deadline)
                        .setParameter("at", OffsetDateTime.now(clock))
                        .executeUpdate()
                == 1;
    }

    private TrackEvents.DeadlineState summary(Track track, Integer daysLeft) {
        long confirmed = Enrollments.occupied(track.id);
        long waitlisted = Enrollment.count("trackId = ?1 AND status = ?2", track.id, EnrollmentStatus.WAITLISTED);
        List<String> without = em.createQuery(
                        "SELECT DISTINCT m.network FROM MunicipalityProjection m "
                                + "WHERE m.network IS NOT NULL AND (m.validTo IS NULL OR m.validTo >= :today) AND m.network NOT IN "
                                + "(SELECT m2.network FROM MunicipalityProjection m2, Enrollment e WHERE e.kommunenummer = m2.kommunenummer "
                                + "AND e.trackId = :track AND e.status <> :withdrawn AND m2.network IS NOT NULL) ORDER BY m.network",
                        String.class)
                .setParameter("today", LocalDate.now(clock))
                .setParameter("track", track.id)
                .setParameter("withdrawn", EnrollmentStatus.WITHDRAWN)
                .getResultList();
        return new TrackEvents.DeadlineState(
                track.id,
                track.solution,
                track.name,
                track.registrationDeadline,
                daysLeft,
                confirmed,
                waitlisted,
                without);
    }
}
