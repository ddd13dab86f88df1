package no.ks.ehelse.notification.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import no.ks.ehelse.platform.events.CloudEvent;

/**
 * Time-driven work on information meetings. <b>Reminders</b>: on the day before a meeting (local date), from
 * {@code reminder-time} until it starts, every confirmed registration gets one reminder; the claim is a row in
 * {@code meeting_reminder} keyed by the registration, inserted with ON CONFLICT DO NOTHING, so two replicas (or two
 * runs) plan it once. <b>Retention</b>: {@code retention} after a meeting's end, its registrations and the personal
 * data in the mails about it are deleted.
 */
@ApplicationScoped
public class MeetingReminders {

    private static final Logger LOG = Logger.getLogger(MeetingReminders.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityManager em;
    private final Notifier notifier;
    private final MeetingConfig config;
    private final Clock clock;

    MeetingReminders(EntityManager em, Notifier notifier, MeetingConfig config, Clock clock) {
        this.em = em;
        this.notifier = notifier;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(
            every = "${ehelse.meetings.check-interval:60s}",
            concurrentExecution = ConcurrentExecution.SKIP,
            // The shutdown delay keeps the timer running after the database pool has closed.
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        remind();
        forget();
    }

    /** Plans the reminders that are due now; returns how many this call planned. */
    public int remind() {
        ZonedDateTime now = OffsetDateTime.now(clock).atZoneSameInstant(config.zone());
        if (now.toLocalTime().isBefore(config.reminderTime())) {
            return 0;
        }
        LocalDate tomorrow = now.toLocalDate().plusDays(1);
        OffsetDateTime from = tomorrow.atStartOfDay(config.zone()).toOffsetDateTime();
        OffsetDateTime to = tomorrow.plusDays(1).atStartOfDay(config.zone()).toOffsetDateTime();
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select r.id from MeetingRegistration r, MeetingProjection m where m.id = r.meetingId "
                                + "and r.status = 'CONFIRMED' and m.status = 'SCHEDULED' "
                                + "and m.startsAt >= :from and m.startsAt < :to and not exists "
                                + "(select 1 from MeetingReminderClaim c where c.registrationId = r.id)",
                        UUID.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList());
        int planned = 0;
        for (UUID registration : due) {
            if (QuarkusTransaction.requiringNew().call(() -> remind(registration))) {
                planned++;
            }
        }
        return planned;
    }

    private boolean remind(UUID registrationId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int claimed = em.createNativeQuery("INSERT INTO meeting_reminder (registration_id, meeting_id, planned_at) "
                        + "SELECT id, meeting_id, :now FROM meeting_registration WHERE id = :id AND status = 'CONFIRMED' "
                        + "ON CONFLICT (registration_id) DO NOTHING")
                .setParameter("now", now)
                .setParameter("id", registrationId)
                .executeUpdate();
        if (claimed == 0) {
            return false;
        }
        MeetingRegistration r = MeetingRegistration.findById(registrationId);
        ObjectNode data = JSON.createObjectNode()
                .put("meetingId", r.meetingId.toString())
                .put("registrationId", r.id.toString())
                .put("name", r.name)
                .put("email", r.email)
                .put("kommunenummer", r.kommunenummer);
        notifier.plan(new CloudEvent(
                "meeting-reminder:" + r.id,
                "urn:no:ks:ehelse:notification",
                MeetingMails.REMINDER_TYPE,
                r.meetingId.toString(),
                now,
                data));
        return true;
    }

    /**
     * Deletes the registrations of meetings that ended more than {@code retention} ago, and takes the registrants'
     * names and addresses out of the events and messages kept about them (the delivery log keeps its counts).
     */
    public int forget() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(config.retention());
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object> expired = em.createNativeQuery(
                            "SELECT DISTINCT m.id FROM meeting m JOIN meeting_registration r "
                                    + "ON r.meeting_id = m.id WHERE m.ends_at < :cutoff")
                    .setParameter("cutoff", cutoff)
                    .getResultList();
            if (expired.isEmpty()) {
                return 0;
            }
            List<String> ids = expired.stream().map(Object::toString).toList();
            em.createNativeQuery("UPDATE notification SET recipient = 'slettet:' || id, recipient_name = NULL, "
                            + "body = NULL WHERE event_id IN (SELECT id FROM source_event WHERE type LIKE "
                            + "'no.ks.ehelse.%meeting%' AND data->>'meetingId' IN (:ids))")
                    .setParameter("ids", ids)
                    .executeUpdate();
            em.createNativeQuery("UPDATE source_event SET data = jsonb_build_object('meetingId', data->>'meetingId', "
                            + "'deleted', 'retention') WHERE type LIKE 'no.ks.ehelse.%meeting%' AND data->>'email' IS NOT NULL "
                            + "AND data->>'meetingId' IN (:ids)")
                    .setParameter("ids", ids)
                    .executeUpdate();
            int deleted = em.createNativeQuery("DELETE FROM meeting_registration WHERE meeting_id::text IN (:ids)")
                    .setParameter("ids", ids)
                    .executeUpdate();
            LOG.infof(
                    "Retention: %d registration(s) of %d meeting(s) that ended before %s deleted",
                    deleted, ids.size(), cutoff);
            return deleted;
        });
    }
}
