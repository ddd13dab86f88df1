package no.ks.ehelse.notification.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The daily and weekly digests: all of a recipient's due digest messages in one mail (on the weekly day, the week's
 * messages and the day's go out together). One transaction per recipient, under an
 * advisory lock on the address, so two replicas never split one person's digest in two.
 */
@ApplicationScoped
public class Digests {

    private final EntityManager em;
    private final Messages messages;
    private final StatusTransitions transitions;
    private final Recipients recipients;
    private final MailSender mail;
    private final Clock clock;
    private final Preferences preferences;
    private final MailLinks links;

    Digests(
            EntityManager em,
            Messages messages,
            StatusTransitions transitions,
            Recipients recipients,
            MailSender mail,
            Clock clock,
            Preferences preferences,
            MailLinks links) {
        this.preferences = preferences;
        this.links = links;
        this.em = em;
        this.messages = messages;
        this.transitions = transitions;
        this.recipients = recipients;
        this.mail = mail;
        this.clock = clock;
    }

    @SuppressWarnings("unchecked")
    void sendDue() {
        List<String> recipients = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT DISTINCT recipient FROM notification WHERE digest AND channel = 'EMAIL' "
                                + "AND status IN ('PENDING', 'RETRYING') AND next_attempt_at <= :now LIMIT 200")
                .setParameter("now", OffsetDateTime.now(clock))
                .getResultList());
        for (String recipient : recipients) {
            QuarkusTransaction.requiringNew().run(() -> sendTo(recipient));
        }
    }

    @SuppressWarnings("unchecked")
    private void sendTo(String recipient) {
        Object locked = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext(:r))")
                .setParameter("r", "digest:" + recipient)
                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return;
        }
        List<Notification> due = em.createNativeQuery(
                        "SELECT * FROM notification WHERE recipient = :r AND digest "
                                + "AND channel = 'EMAIL' AND status IN ('PENDING', 'RETRYING') AND next_attempt_at <= :now "
                                + "ORDER BY created_at FOR UPDATE SKIP LOCKED",
                        Notification.class)
                .setParameter("r", recipient)
                .setParameter("now", OffsetDateTime.now(clock))
                .getResultList();
        List<Notification> included = new ArrayList<>();
        List<Messages.Rendered> items = new ArrayList<>();
        String name = null;
        for (Notification n : due) {
            n.attempts++;
            String skip = recipients.skipReason(n);
            skip = skip != null ? skip : preferences.offReason(n);
            if (skip != null) {
                transitions.skipped(n, skip);
                continue;
            }
            try {
                items.add(messages.render(n, SourceEvent.findById(n.eventId)));
                included.add(n);
                name = name == null ? n.recipientName : name;
            } catch (Messages.Broken e) {
                transitions.failed(n, e.getMessage(), null);
            } catch (Messages.NotReady e) {
                transitions.retry(n, e.getMessage(), null, null);
            }
        }
        if (included.isEmpty()) {
            return;
        }
        UUID digestId = UUID.randomUUID();
        try {
            Messages.Rendered digest = messages.digest(recipient, name, items);
            mail.send(
                    recipient,
                    digest.subject(),
                    digest.text(),
                    digest.html(),
                    "digest-" + digestId,
                    MailLinks.headers(links.unsubscribeDigest(recipient)),
                    List.of());
        } catch (Messages.Broken e) {
            included.forEach(n -> transitions.failed(n, e.getMessage(), null));
            return;
        } catch (RuntimeException e) {
            included.forEach(n -> transitions.retry(n, "EMAIL digest failed: " + Dispatcher.rootCause(e), null, null));
            return;
        }
        for (int i = 0; i < included.size(); i++) {
            Notification n = included.get(i);
            n.digestId = digestId;
            n.subject = items.get(i).subject();
            n.body = items.get(i).text();
            transitions.sent(n, null);
        }
    }
}
