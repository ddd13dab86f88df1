package no.ks.ehelse.notification.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import no.ks.ehelse.platform.work.DrainLoop;

/**
 * Sends due notifications from {@code workers} parallel loops. Each is claimed with {@code FOR UPDATE SKIP LOCKED}
 * in a transaction of its own, sent, and marked in that transaction: loops and replicas never take the same one,
 * and a crash before the commit leaves it PENDING for the next try (the only window for a second copy is between
 * the relay's acceptance and the commit). A failing notification is rescheduled and never holds up the others.
 */
@ApplicationScoped
public class Dispatcher {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityManager em;
    private final Messages messages;
    private final StatusTransitions transitions;
    private final Recipients recipients;
    private final WebhookRetryPolicy policy;
    private final Digests digests;
    private final MailSender mail;
    private final Invitations invitations;
    private final WebhookSender webhooks;
    private final WebhookEndpoints endpoints;
    private final WebhookSecrets secrets;
    private final Subscriptions subscriptions;
    private final NotificationConfig config;
    private final Clock clock;
    private final DrainLoop loop;
    private final Preferences preferences;
    private final MailLinks links;
    private final AtomicBoolean digestsDue = new AtomicBoolean(true);

    Dispatcher(
            EntityManager em,
            Messages messages,
            StatusTransitions transitions,
            Recipients recipients,
            WebhookRetryPolicy policy,
            Digests digests,
            MailSender mail,
            Invitations invitations,
            WebhookSender webhooks,
            WebhookEndpoints endpoints,
            WebhookSecrets secrets,
            Subscriptions subscriptions,
            NotificationConfig config,
            Clock clock,
            Preferences preferences,
            MailLinks links) {
        this.preferences = preferences;
        this.links = links;
        this.em = em;
        this.messages = messages;
        this.transitions = transitions;
        this.recipients = recipients;
        this.policy = policy;
        this.digests = digests;
        this.mail = mail;
        this.invitations = invitations;
        this.webhooks = webhooks;
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.subscriptions = subscriptions;
        this.config = config;
        this.clock = clock;
        // Loops never take the same notification (SKIP LOCKED), so a burst of confirmations goes out in parallel
        // instead of queueing behind one SMTP round trip at a time.
        this.loop = new DrainLoop("notification-dispatcher", config.delivery().workers(), this::round);
    }

    void start(@Observes StartupEvent startup) {
        loop.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        loop.stop(Duration.ofSeconds(15));
    }

    /** Retries, digests and anything another replica left behind. */
    @Scheduled(
            every = "${ehelse.notifications.delivery.poll-interval:1s}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void poll() {
        digestsDue.set(true);
        loop.wake();
    }

    /** New notifications go out right after the consumer's commit, not at the next poll. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Notifier.Planned planned) {
        loop.wake();
    }

    private void round() {
        while (loop.running() && deliverNext()) {
            // one notification per transaction
        }
        // Digests fall due by the clock, not by a new notification: once per poll, not after every burst's round.
        if (loop.running() && digestsDue.getAndSet(false)) {
            digests.sendDue();
        }
    }

    boolean deliverNext() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> ids = em.createNativeQuery("SELECT id FROM notification WHERE status IN ('PENDING', 'RETRYING') "
                            + "AND NOT digest AND next_attempt_at <= :now ORDER BY next_attempt_at LIMIT 1 "
                            + "FOR UPDATE SKIP LOCKED")
                    .setParameter("now", OffsetDateTime.now(clock))
                    .getResultList();
            if (ids.isEmpty()) {
                return false;
            }
            Notification n = em.find(
                    Notification.class,
                    ids.get(0) instanceof UUID u
                            ? u
                            : UUID.fromString(ids.get(0).toString()));
            deliver(n);
            return true;
        });
    }

    private void deliver(Notification n) {
        n.attempts++;
        SourceEvent event = SourceEvent.findById(n.eventId);
        String skip = recipients.skipReason(n);
        skip = skip != null ? skip : preferences.offReason(n);
        if (skip == null && n.kind.meeting() && event != null) {
            skip = MeetingMails.skipReason(n, event, OffsetDateTime.now(clock));
        }
        if (skip != null) {
            transitions.skipped(n, skip);
            return;
        }
        try {
            switch (n.channel) {
                case FEED -> {
                    Messages.Rendered r = messages.render(n, event);
                    keep(n, new Messages.Rendered(r.subject(), Messages.withoutFooter(r.text()), r.html()));
                    transitions.sent(n, null);
                }
                case EMAIL -> {
                    Messages.Rendered r = messages.render(n, event);
                    mail.send(
                            n.recipient,
                            r.subject(),
                            r.text(),
                            r.html(),
                            n.id.toString(),
                            MailLinks.headers(links.unsubscribe(n)),
                            invitations.attachments(n, event));
                    keep(n, r);
                    transitions.sent(n, null);
                }
                case WEBHOOK -> webhook(n, event);
            }
        } catch (Messages.Broken e) {
            transitions.failed(n, e.getMessage(), null);
        } catch (Messages.NotReady e) {
            transitions.retry(n, e.getMessage(), null, null);
        } catch (RuntimeException e) {
            transitions.retry(n, n.channel + " delivery failed: " + rootCause(e), null, null);
        }
    }

    private void webhook(Notification n, SourceEvent event) {
        Subscription s = Subscription.findById(n.subscriptionId);
        if (s == null || s.disabledAt != null) {
            transitions.failed(n, "subscription disabled" + (s == null ? "" : ": " + s.disabledReason), null);
            return;
        }
        // Resolved once: the sender connects to the address checked here, never to a second DNS answer.
        WebhookEndpoints.Checked checked = endpoints.check(s.address);
        if (checked.refusal() != null) {
            transitions.failed(n, "endpoint refused: " + checked.refusal(), null);
            return;
        }
        WebhookSender.Answer answer = webhooks.post(
                checked.target(), secrets.openAll(s, OffsetDateTime.now(clock)), "msg_" + n.id, payload(n, event));
        switch (policy.verdict(answer.status())) {
            case DELIVERED -> transitions.sent(n, answer.status());
            case DISABLE -> {
                subscriptions.disable(s.id, "endpoint answered 410 Gone at " + OffsetDateTime.now(clock));
                transitions.failed(n, "endpoint answered 410 Gone; subscription disabled", answer.status());
            }
            case RETRY ->
                transitions.retry(
                        n,
                        answer.error(),
                        policy.retryAfter(answer.status(), answer.retryAfter(), clock.instant())
                                .orElse(null),
                        answer.status() == 0 ? null : answer.status());
        }
    }

    /** Thin payload (Standard Webhooks shape): what happened, the ids, and where to fetch the details. */
    String payload(Notification n, SourceEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("eventId", n.eventId);
        data.put("eventType", n.eventType);
        data.put("subject", event.subject);
        data.put("kommunenummer", n.kommunenummer);
        data.put("trackId", n.trackId);
        String enrollmentId = n.eventType.startsWith("no.ks.ehelse.enrollment.")
                ? event.data.path("id").asText(null)
                : null;
        data.put("enrollmentId", enrollmentId);
        data.put("solution", event.data.path("solution").asText(null));
        String base = config.links().enrollmentApi();
        data.put(
                "link",
                enrollmentId != null
                        ? base + "/api/v1/enrollments/" + enrollmentId
                        : n.trackId != null ? base + "/api/v1/tracks/" + n.trackId : null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", n.eventType);
        body.put("timestamp", (event.occurredAt != null ? event.occurredAt : n.createdAt).toString());
        body.put("data", data);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void keep(Notification n, Messages.Rendered r) {
        n.subject = r.subject();
        // The opt-in link is for the address alone: the subscriber reads the delivery log and must not find it there.
        n.body = n.kind == MessageKind.SUBSCRIPTION_CONFIRMATION
                ? "Bekreftelseslenke sendt til " + n.recipient + " (lenken lagres ikke)."
                : r.text();
    }

    static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
