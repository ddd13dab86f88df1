package no.ks.ehelse.registry.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.platform.events.Outbox;

/**
 * {@code no.ks.ehelse.contacts.changed.v1} on the compacted {@code registry.contacts.v1}: the complete list of
 * contacts of one municipality (key = kommunenummer) or one network (key = network code) after any change.
 * The topic carries e-mail addresses; its ACLs give it to the notification service only (docs/operations.md).
 */
@ApplicationScoped
public class ContactEvents {

    public static final String TOPIC = "registry.contacts.v1";
    public static final String CHANGED = "no.ks.ehelse.contacts.changed.v1";

    public record ContactState(UUID id, ContactRole role, String name, String email, String phone) {
        static ContactState of(Contact c) {
            return new ContactState(c.id, c.role, c.name, c.email, c.phone);
        }
    }

    public record ContactsState(String kommunenummer, String network, List<ContactState> contacts) {}

    private final Outbox outbox;

    ContactEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Announces the owner's (municipality or network) contacts as they are now. */
    public void changed(String kommunenummer, String network, List<Contact> contacts) {
        String key = kommunenummer != null ? kommunenummer : network;
        outbox.publish(
                TOPIC,
                key,
                CHANGED,
                key,
                new ContactsState(
                        kommunenummer,
                        network,
                        contacts.stream().map(ContactState::of).toList()));
    }
}
