package no.ks.ehelse.enrollment.domain;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Removes the personal data of information meetings: name, e-mail and role of every registration for a meeting
 * that ended more than {@code ehelse.meetings.retention} ago (kommunenummer stays, so the counts still add up),
 * and the abuse limits' old request records. Idempotent, so any replica may run it.
 */
@ApplicationScoped
public class MeetingRetention {

    private static final Logger LOG = Logger.getLogger(MeetingRetention.class);

    private final Meetings meetings;
    private final RequestLimits limits;

    MeetingRetention(Meetings meetings, RequestLimits limits) {
        this.meetings = meetings;
        this.limits = limits;
    }

    void onStart(@Observes StartupEvent start) {
        run();
    }

    @Scheduled(
            every = "${ehelse.meetings.retention-interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // The shutdown delay keeps the timer running after the database pool has closed.
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void periodically() {
        run();
    }

    /** Answers the number of registrations anonymised. */
    public int run() {
        int anonymised = meetings.anonymiseExpired();
        int forgotten = limits.forgetOld();
        if (anonymised > 0 || forgotten > 0) {
            LOG.infof(
                    "Meeting retention: %d registrations anonymised, %d request records forgotten",
                    anonymised, forgotten);
        }
        return anonymised;
    }
}
