package no.ks.ehelse.platform.events;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Idempotent consumption: call {@link #firstDelivery} in the transaction that applies an event. It records the
 * event id for this consumer and says whether it was new; a redelivery (rebalance, restart, producer retry)
 * returns false and the caller skips the effect.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager em;
    private final Clock clock;

    ProcessedEvents(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        int inserted = em.createNativeQuery("INSERT INTO processed_event (consumer, event_id, processed_at) "
                        + "VALUES (:consumer, :id, :at) ON CONFLICT DO NOTHING")
                .setParameter("consumer", consumer)
                .setParameter("id", eventId)
                .setParameter("at", OffsetDateTime.now(clock))
                .executeUpdate();
        return inserted == 1;
    }

    /**
     * The batch form of {@link #firstDelivery}: records all the ids in one statement and returns those that were
     * new. An id that occurs twice in {@code eventIds} is returned once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstDeliveries(String consumer, Collection<String> eventIds) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            Set<String> fresh = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO processed_event (consumer, event_id, "
                    + "processed_at) SELECT ?, id, ? FROM unnest(?::text[]) AS t(id) ON CONFLICT DO NOTHING "
                    + "RETURNING event_id")) {
                s.setString(1, consumer);
                s.setObject(2, OffsetDateTime.now(clock));
                s.setArray(3, c.createArrayOf("text", eventIds.toArray(String[]::new)));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        fresh.add(rs.getString(1));
                    }
                }
            }
            return fresh;
        });
    }
}
