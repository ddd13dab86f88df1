package no.ks.ehelse.notification.domain;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * Webhook secrets as stored: encrypted with the configured key ({@link SecretCipher}), opened only to sign. At
 * start-up, before the dispatcher runs, every secret not yet under the current key (plain text from before
 * encryption, or a previous key during a rotation) is re-encrypted; a secret under a key that is not configured
 * stops the start, since every delivery of it would fail.
 */
@ApplicationScoped
public class WebhookSecrets {

    static final String KEY_VARIABLE = "EHELSE_WEBHOOK_SECRET_KEY";

    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);

    private final SecretCipher cipher;
    private final EntityManager em;

    @Inject
    WebhookSecrets(NotificationConfig config, EntityManager em) {
        this(
                new SecretCipher(
                        config.webhooks().secretKey().orElse(null),
                        config.webhooks().previousSecretKeys().orElse(List.of()),
                        KEY_VARIABLE),
                em);
    }

    /** With a cipher given directly: a re-keying run outside the service's own configuration. */
    public WebhookSecrets(SecretCipher cipher, EntityManager em) {
        this.cipher = cipher;
        this.em = em;
    }

    void atStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent startup) {
        int changed = encryptAtRest();
        if (changed > 0) {
            LOG.infof("encrypted %d webhook secret(s) with key %s", changed, cipher.currentKeyId());
        }
    }

    String seal(UUID subscription, String plain) {
        return cipher.seal(plain, subscription.toString());
    }

    String open(Subscription s) {
        return cipher.open(s.secret, s.id.toString());
    }

    /**
     * The secrets a call is signed with: the current one and, during a rotation's overlap, the one before it
     * (Standard Webhooks sends several signatures separated by spaces; a receiver accepts any that verifies).
     */
    List<String> openAll(Subscription s, java.time.OffsetDateTime now) {
        String current = open(s);
        if (s.previousSecret == null || s.previousSecretUntil == null || !now.isBefore(s.previousSecretUntil)) {
            return List.of(current);
        }
        return List.of(current, cipher.open(s.previousSecret, s.id.toString()));
    }

    /**
     * Re-encrypts every secret not under the current key (plain text, or a previous key), in one transaction that
     * locks those rows; returns how many. Idempotent: a second run finds nothing to do.
     */
    public int encryptAtRest() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Subscription> stale = em.createQuery(
                            "FROM Subscription WHERE secret IS NOT NULL AND secret NOT LIKE :current",
                            Subscription.class)
                    .setParameter("current", "v1:" + cipher.currentKeyId() + ":%")
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList();
            Map<String, Integer> unknown = new TreeMap<>();
            for (Subscription s : stale) {
                String keyId = SecretCipher.keyIdOf(s.secret);
                if (keyId != null && !cipher.knows(keyId)) {
                    unknown.merge(keyId, 1, Integer::sum);
                }
            }
            if (!unknown.isEmpty()) {
                throw new SecretCipher.KeyProblem("webhook secrets are encrypted with key(s) " + unknown
                        + " (key id: subscriptions), but " + KEY_VARIABLE + " is key " + cipher.currentKeyId()
                        + " and " + KEY_VARIABLE + "_PREVIOUS holds none of them: the wrong key is configured");
            }
            for (Subscription s : stale) {
                String plain = SecretCipher.keyIdOf(s.secret) == null ? s.secret : open(s);
                s.secret = seal(s.id, plain);
            }
            // A rotation's previous secret is only signed with for its overlap: re-encrypted if the key is still
            // known, dropped if not (the new secret is what the receiver has by then).
            List<Subscription> previous = em.createQuery(
                            "FROM Subscription WHERE previousSecret IS NOT NULL AND previousSecret NOT LIKE :current",
                            Subscription.class)
                    .setParameter("current", "v1:" + cipher.currentKeyId() + ":%")
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList();
            for (Subscription s : previous) {
                String keyId = SecretCipher.keyIdOf(s.previousSecret);
                if (keyId != null && cipher.knows(keyId)) {
                    s.previousSecret = seal(s.id, cipher.open(s.previousSecret, s.id.toString()));
                } else if (keyId == null) {
                    s.previousSecret = seal(s.id, s.previousSecret);
                } else {
                    s.previousSecret = null;
                    s.previousSecretUntil = null;
                }
            }
            return stale.size();
        });
    }
}
