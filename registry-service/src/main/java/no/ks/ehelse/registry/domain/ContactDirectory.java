package no.ks.ehelse.registry.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.api.ProblemException;

/** Contacts by role of municipalities and networks. Every change announces the owner's whole contact list. */
@ApplicationScoped
public class ContactDirectory {

    public record Details(ContactRole role, String name, String email, String phone) {}

    private final ContactEvents events;
    private final Clock clock;

    ContactDirectory(ContactEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Contact> ofMunicipality(String kommunenummer) {
        if (Municipality.findById(kommunenummer) == null) {
            throw ProblemException.notFound("Municipality", kommunenummer);
        }
        return Contact.list("kommunenummer", Sort.by("role").and("name"), kommunenummer);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Contact> ofNetwork(String network) {
        if (Network.findById(network) == null) {
            throw ProblemException.notFound("Network", network);
        }
        return Contact.list("network", Sort.by("role").and("name"), network);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Contact find(UUID id) {
        return Contact.<Contact>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Contact", id.toString()));
    }

    @Transactional
    public Contact addToMunicipality(String kommunenummer, Details details) {
        ofMunicipality(kommunenummer);
        Contact contact = new Contact();
        contact.kommunenummer = kommunenummer;
        return add(contact, details);
    }

    @Transactional
    public Contact addToNetwork(String network, Details details) {
        ofNetwork(network);
        Contact contact = new Contact();
        contact.network = network;
        return add(contact, details);
    }

    @Transactional
    public Contact update(UUID id, Details details) {
        Contact contact = find(id);
        apply(contact, details);
        announce(contact);
        return contact;
    }

    @Transactional
    public void remove(UUID id) {
        Contact contact = find(id);
        contact.delete();
        Contact.flush();
        announce(contact);
    }

    private Contact add(Contact contact, Details details) {
        contact.id = UUID.randomUUID();
        apply(contact, details);
        contact.persist();
        Contact.flush();
        announce(contact);
        return contact;
    }

    private void apply(Contact contact, Details details) {
        contact.role = details.role();
        contact.name = details.name();
        contact.email = details.email().strip().toLowerCase();
        contact.phone = details.phone();
        contact.updatedAt = OffsetDateTime.now(clock);
    }

    private void announce(Contact changed) {
        if (changed.kommunenummer != null) {
            events.changed(changed.kommunenummer, null, Contact.list("kommunenummer", changed.kommunenummer));
        } else {
            events.changed(null, changed.network, Contact.list("network", changed.network));
        }
    }
}
