package no.ks.ehelse.enrollment.domain;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.api.ProblemException;

/**
 * The abuse limits on the public registration form: so many registration or resend requests per e-mail address and
 * per client address within a sliding window, counted in PostgreSQL so that every replica sees the same count. A
 * refused request is not counted, so a blocked address does not keep itself blocked.
 */
@ApplicationScoped
public class RequestLimits {

    private final EntityManager em;
    private final MeetingsConfig config;
    private final Clock clock;

    RequestLimits(EntityManager em, MeetingsConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    /** Counts one request of the address and the client, or refuses with 429 when either is at its limit. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void take(String email, String client) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime since = now.minus(config.limitWindow());
        // Addresses are kept only as hashes: the counts need no personal data.
        String clientKey = hash(client);
        String emailKey = hash(email);
        check("client", clientKey, config.limitPerClient(), since);
        check("email", emailKey, config.limitPerEmail(), since);
        record("client", clientKey, now);
        record("email", emailKey, now);
    }

    private void check(String scope, String key, int limit, OffsetDateTime since) {
        // Serialises the requests of one key across replicas, so two at once cannot both take the last one.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, scope + ":" + key)
                .getSingleResult();
        long count = ((Number) em.createNativeQuery(
                                "SELECT count(*) FROM meeting_request WHERE scope = ?1 AND key = ?2 AND at > ?3")
                        .setParameter(1, scope)
                        .setParameter(2, key)
                        .setParameter(3, since)
                        .getSingleResult())
                .longValue();
        if (count >= limit) {
            throw new ProblemException(
                            429,
                            "too-many-requests",
                            "Too Many Requests",
                            "At most " + limit + " registration or resend requests per "
                                    + ("email".equals(scope) ? "e-mail address" : "client address") + " within "
                                    + config.limitWindow() + "; try again later")
                    .with("limit", limit)
                    .with("scope", scope);
        }
    }

    private void record(String scope, String key, OffsetDateTime now) {
        em.createNativeQuery("INSERT INTO meeting_request (scope, key, at) VALUES (?1, ?2, ?3)")
                .setParameter(1, scope)
                .setParameter(2, key)
                .setParameter(3, now)
                .executeUpdate();
    }

    private static String hash(String value) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(value).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Forgets requests older than the window (the retention job calls it). */
    @Transactional
    public int forgetOld() {
        return em.createNativeQuery("DELETE FROM meeting_request WHERE at <= ?1")
                .setParameter(1, OffsetDateTime.now(clock).minus(config.limitWindow()))
                .executeUpdate();
    }
}
