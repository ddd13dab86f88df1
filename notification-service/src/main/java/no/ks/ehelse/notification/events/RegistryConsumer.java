package no.ks.ehelse.notification.events;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.notification.domain.Contact;
import no.ks.ehelse.notification.domain.Municipality;
import no.ks.ehelse.notification.domain.Notifier;
import no.ks.ehelse.platform.events.CloudEvent;
import no.ks.ehelse.platform.events.Consumption;
import no.ks.ehelse.platform.events.PoisonRecordException;
import no.ks.ehelse.platform.events.ProcessedEvents;

/**
 * The registry's municipalities and contacts (compacted topics, whole state per key): who is who, and where to
 * write. Subscribers to registry event types are told as well.
 */
@ApplicationScoped
public class RegistryConsumer {

    static final String MUNICIPALITIES = "notification-service.municipalities";
    static final String CONTACTS = "notification-service.contacts";

    private final Consumption consumption;
    private final ProcessedEvents processed;
    private final Notifier notifier;
    private final Clock clock;

    RegistryConsumer(Consumption consumption, ProcessedEvents processed, Notifier notifier, Clock clock) {
        this.consumption = consumption;
        this.processed = processed;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Incoming("registry-municipalities")
    @Blocking
    public void municipality(String value) {
        consumption.apply(() -> municipalityNow(value));
    }

    @Incoming("registry-contacts")
    @Blocking
    public void contacts(String value) {
        consumption.apply(() -> contactsNow(value));
    }

    private void municipalityNow(String value) {
        CloudEvent event = CloudEvent.parse(value);
        if (!event.type().startsWith("no.ks.ehelse.municipality.")) {
            throw new PoisonRecordException(
                    "unexpected event type '" + event.type() + "' on registry.municipalities.v1");
        }
        String number = event.text("kommunenummer");
        String name = event.text("name");
        LocalDate validTo = optionalDate(event.data().path("validTo"));
        if (!processed.firstDelivery(MUNICIPALITIES, event.id())) {
            return;
        }
        Municipality m = Municipality.findById(number);
        if (m == null) {
            m = new Municipality();
            m.kommunenummer = number;
        }
        m.name = name;
        m.network = event.data().path("network").asText(null);
        m.validTo = validTo;
        m.updatedAt = OffsetDateTime.now(clock);
        m.persist();
        notifier.plan(event);
    }

    private void contactsNow(String value) {
        CloudEvent event = CloudEvent.parse(value);
        if (!event.type().startsWith("no.ks.ehelse.contacts.")) {
            throw new PoisonRecordException("unexpected event type '" + event.type() + "' on registry.contacts.v1");
        }
        String kommunenummer = event.data().path("kommunenummer").asText(null);
        String network = event.data().path("network").asText(null);
        if ((kommunenummer == null) == (network == null)) {
            throw new PoisonRecordException("exactly one of 'kommunenummer' and 'network' must be set");
        }
        JsonNode contacts = event.data().path("contacts");
        if (!contacts.isArray()) {
            throw new PoisonRecordException("'contacts' must be an array");
        }
        for (JsonNode c : contacts) {
            if (!c.path("email").isTextual() || !c.path("role").isTextual()) {
                throw new PoisonRecordException("every contact needs 'role' and 'email'");
            }
        }
        if (!processed.firstDelivery(CONTACTS, event.id())) {
            return;
        }
        if (kommunenummer != null) {
            Contact.delete("kommunenummer", kommunenummer);
        } else {
            Contact.delete("network", network);
        }
        for (JsonNode c : contacts) {
            Contact contact = new Contact();
            contact.kommunenummer = kommunenummer;
            contact.network = network;
            contact.role = c.get("role").asText();
            contact.name = c.path("name").asText(null);
            contact.email = c.get("email").asText().strip().toLowerCase(java.util.Locale.ROOT);
            contact.persist();
        }
        notifier.plan(event);
    }

    private static LocalDate optionalDate(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw new PoisonRecordException("not a date: " + node.asText());
        }
    }
}
