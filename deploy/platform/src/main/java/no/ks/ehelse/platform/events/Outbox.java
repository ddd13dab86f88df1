package no.ks.ehelse.platform.events;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/**
 * Publishes a domain event by writing it to the outbox in the caller's transaction: the event exists if and only
 * if the state change it announces was committed. {@link OutboxRelay} sends it to Kafka afterwards.
 */
@ApplicationScoped
public class Outbox {

    /** Fired inside the transaction; the relay observes it after a successful commit to publish at once. */
    public record Written() {
    }

    private final ObjectMapper json;
    private final Clock clock;
    private final EventsConfig config;
    private final Event<Written> written;

    Outbox(ObjectMapper json, Clock clock, EventsConfig config, Event<Written> written) {
        this.json = json;
        this.clock = clock;
        this.config = config;
        this.written = written;
    }

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
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        ObjectNode envelope = json.createObjectNode()
                .put("specversion", CloudEvent.SPEC_VERSION)
                .put("id", id.toString())
                .put("source", config.source())
                .put("type", type)
                .put("subject", subject)
                .put("time", now.toString())
                .put("datacontenttype", "application/json");
        envelope.set("data", json.valueToTree(data));

        OutboxEvent event = new OutboxEvent();
        event.eventId = id;
        event.topic = topic;
        event.recordKey = key;
        event.type = type;
        event.payload = envelope.toString();
        event.createdAt = now;
        event.persist();
        written.fire(new Written());
        return id;
    }
}
