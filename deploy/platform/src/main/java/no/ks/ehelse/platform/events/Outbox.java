package no.ks.ehelse.platform.events;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.Session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Publishes a domain event by writing it to the outbox in the caller's transaction: the event exists if and only
 * if the state change it announces was committed. {@link OutboxRelay} sends it to Kafka afterwards.
 */
@ApplicationScoped
public class Outbox {

    /** Fired inside the transaction; the relay observes it after a successful commit to publish at once. */
    public record Written() {}

    private final ObjectMapper json;
    private final Clock clock;
    private final EventsConfig config;
    private final Event<Written> written;
    private final TransactionSynchronizationRegistry transaction;
    private final EntityManager em;

    Outbox(
            ObjectMapper json,
            Clock clock,
            EventsConfig config,
            Event<Written> written,
            TransactionSynchronizationRegistry transaction,
            EntityManager em) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.config = config;
        this.written = written;
        this.transaction = transaction;
    }

    /** An event to publish: what {@link #publish} takes, for {@link #publishAll}. */
    public record Pending(String topic, String key, String type, String subject, Object data) {}

    /**
     * @param topic   the topic, e.g. {@code registry.solutions.v1}
     * @param key     the record key: the aggregate key (kommunenummer for municipality-scoped events)
     * @param type    {@code no.ks.ehelse.<aggregate>.<event>.v1}
     * @param subject the CloudEvents subject (the aggregate's id)
     * @param data    the event data, serialised with the application's ObjectMapper
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String key, String type, String subject, Object data) {
        return publishAll(List.of(new Pending(topic, key, type, subject, data))).get(0);
    }

    /**
     * Writes the events in one statement, in order (the relay sends them in that order). A batch consumer that
     * announces many changes at once pays one round trip, not one per event.
     *
     * @return the event ids, in the order of {@code events}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> publishAll(List<Pending> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<UUID> ids = new ArrayList<>(events.size());
        String[][] columns = new String[5][events.size()];
        for (int i = 0; i < events.size(); i++) {
            Pending e = events.get(i);
            UUID id = UUID.randomUUID();
            ids.add(id);
            ObjectNode envelope = json.createObjectNode()
                    .put("specversion", CloudEvent.SPEC_VERSION)
                    .put("id", id.toString())
                    .put("source", config.source())
                    .put("type", e.type())
                    .put("subject", e.subject())
                    .put("time", now.toString())
                    .put("datacontenttype", "application/json");
            envelope.set("data", json.valueToTree(e.data()));
            columns[0][i] = id.toString();
            columns[1][i] = e.topic();
            columns[2][i] = e.key();
            columns[3][i] = e.type();
            columns[4][i] = envelope.toString();
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox_event (event_id, topic, record_key, "
                    + "type, payload, created_at) SELECT id::uuid, topic, record_key, type, payload, ? FROM "
                    + "unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
                    + "WITH ORDINALITY AS t(id, topic, record_key, type, payload, n) ORDER BY n")) {
                s.setObject(1, now);
                for (int col = 0; col < columns.length; col++) {
                    s.setArray(col + 2, c.createArrayOf("text", columns[col]));
                }
                s.executeUpdate();
            }
        });
        // One wake-up per transaction is enough (the relay sends everything waiting); a batch that publishes
        // thousands of events would otherwise register thousands of after-commit callbacks.
        if (transaction.getResource(Written.class) == null) {
            transaction.putResource(Written.class, Boolean.TRUE);
            written.fire(new Written());
        }
        return ids;
    }
}
