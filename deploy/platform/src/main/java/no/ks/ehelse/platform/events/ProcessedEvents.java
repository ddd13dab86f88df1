package no.ks.ehelse.platform.events;

import java.time.Clock;
import java.time.OffsetDateTime;

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
}
