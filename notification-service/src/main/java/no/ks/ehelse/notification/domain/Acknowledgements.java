package no.ks.ehelse.notification.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.events.CloudEvent;
import no.ks.ehelse.platform.events.Outbox;

/**
 * Acknowledgement of receipt and escalation (docs/notifications.md, "Acknowledgement and escalation"): a confirmation
 * asks the municipality to confirm it got it; no confirmation within {@code remind-after} → one reminder to its
 * contacts; still none {@code escalate-after} later → its network's e-health contact is told. Each step happens once
 * (the row's status moves on in the same transaction that plans the messages), and each is an event on
 * {@value #TOPIC}.
 */
@ApplicationScoped
public class Acknowledgements {

    public static final String TOPIC = "notification.acknowledgements.v1";
    public static final String ACKNOWLEDGED = "no.ks.ehelse.notification.enrollment-acknowledged.v1";
    public static final String ESCALATED = "no.ks.ehelse.notification.acknowledgement-escalated.v1";
    /** Internal source of the reminder messages (not published: the reminder changes nothing anyone counts). */
    static final String REMINDER = "no.ks.ehelse.notification.acknowledgement-reminder";

    public record AcknowledgementEvent(
            UUID enrollmentId,
            UUID trackId,
            String kommunenummer,
            String solution,
            OffsetDateTime requestedAt,
            OffsetDateTime remindedAt,
            OffsetDateTime at) {}

    public enum Outcome {
        ACKNOWLEDGED,
        ALREADY_ACKNOWLEDGED,
        CLOSED
    }

    private final EntityManager em;
    private final Clock clock;
    private final NotificationConfig config;
    private final Outbox outbox;
    private final Notifier notifier;

    Acknowledgements(EntityManager em, Clock clock, NotificationConfig config, Outbox outbox, Notifier notifier) {
        this.em = em;
        this.clock = clock;
        this.config = config;
        this.outbox = outbox;
        this.notifier = notifier;
    }

    /** A confirmation (or a promotion, which is one) is planned: start waiting for the answer, once per enrollment. */
    @Transactional(Transactional.TxType.MANDATORY)
    void requested(CloudEvent confirmation, OffsetDateTime now) {
        UUID enrollmentId = UUID.fromString(confirmation.data().path("id").asText());
        if (Acknowledgement.findById(enrollmentId) != null) {
            return;
        }
        Acknowledgement a = new Acknowledgement();
        a.enrollmentId = enrollmentId;
        a.trackId = UUID.fromString(confirmation.data().path("trackId").asText());
        a.kommunenummer = confirmation.data().path("kommunenummer").asText();
        a.status = Acknowledgement.Status.AWAITING;
        a.sourceEventId = confirmation.id();
        a.requestedAt = now;
        a.nextCheckAt = now.plus(config.acknowledgement().remindAfter());
        a.persist();
    }

    /** The enrollment was withdrawn: no reminder, no escalation. */
    @Transactional(Transactional.TxType.MANDATORY)
    void withdrawn(UUID enrollmentId) {
        Acknowledgement a = Acknowledgement.findById(enrollmentId);
        if (a != null && a.status != Acknowledgement.Status.ACKNOWLEDGED) {
            a.status = Acknowledgement.Status.CLOSED;
            a.nextCheckAt = null;
        }
    }

    public Acknowledgement find(UUID enrollmentId) {
        return Acknowledgement.findById(enrollmentId);
    }

    /** The municipality confirmed by the signed link. A second confirmation changes nothing. */
    @Transactional
    public Outcome acknowledge(UUID enrollmentId) {
        Acknowledgement a =
                em.find(Acknowledgement.class, enrollmentId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (a == null || a.status == Acknowledgement.Status.CLOSED) {
            return Outcome.CLOSED;
        }
        if (a.status == Acknowledgement.Status.ACKNOWLEDGED) {
            return Outcome.ALREADY_ACKNOWLEDGED;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        a.status = Acknowledgement.Status.ACKNOWLEDGED;
        a.acknowledgedAt = now;
        a.nextCheckAt = null;
        outbox.publish(TOPIC, a.enrollmentId.toString(), ACKNOWLEDGED, a.enrollmentId.toString(), event(a, now));
        return Outcome.ACKNOWLEDGED;
    }

    @Scheduled(
            every = "${ehelse.notifications.acknowledgement.check-interval:1m}",
            concurrentExecution = ConcurrentExecution.SKIP,
            // The shutdown delay keeps the timer running after the database pool has closed.
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void checkDue() {
        while (QuarkusTransaction.requiringNew().call(this::next)) {
            // one acknowledgement per transaction
        }
    }

    /** Takes one due acknowledgement (SKIP LOCKED: replicas never take the same) and moves it one step on. */
    boolean next() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<?> ids = em.createNativeQuery("SELECT enrollment_id FROM acknowledgement WHERE status IN ('AWAITING', "
                        + "'REMINDED') AND next_check_at <= :now ORDER BY next_check_at LIMIT 1 FOR UPDATE SKIP LOCKED")
                .setParameter("now", now)
                .getResultList();
        if (ids.isEmpty()) {
            return false;
        }
        Object id = ids.get(0);
        Acknowledgement a = em.find(Acknowledgement.class, id instanceof UUID u ? u : UUID.fromString(id.toString()));
        SourceEvent confirmation = SourceEvent.findById(a.sourceEventId);
        if (a.status == Acknowledgement.Status.AWAITING) {
            a.status = Acknowledgement.Status.REMINDED;
            a.remindedAt = now;
            a.nextCheckAt = now.plus(config.acknowledgement().escalateAfter());
            notifier.plan(new CloudEvent(
                    "acknowledgement-reminder:" + a.enrollmentId,
                    "urn:no:ks:ehelse:notification",
                    REMINDER,
                    a.kommunenummer,
                    now,
                    confirmation.data.deepCopy()));
        } else {
            a.status = Acknowledgement.Status.ESCALATED;
            a.escalatedAt = now;
            a.nextCheckAt = null;
            UUID eventId = outbox.publish(
                    TOPIC, a.enrollmentId.toString(), ESCALATED, a.enrollmentId.toString(), event(a, now));
            ObjectNode data = confirmation.data.deepCopy();
            data.put("remindedAt", a.remindedAt == null ? null : a.remindedAt.toString());
            notifier.plan(new CloudEvent(
                    eventId.toString(), "urn:no:ks:ehelse:notification", ESCALATED, a.kommunenummer, now, data));
        }
        return true;
    }

    private static AcknowledgementEvent event(Acknowledgement a, OffsetDateTime at) {
        TrackProjection track = TrackProjection.findById(a.trackId);
        return new AcknowledgementEvent(
                a.enrollmentId,
                a.trackId,
                a.kommunenummer,
                track == null ? null : track.solution,
                a.requestedAt,
                a.remindedAt,
                at);
    }
}
