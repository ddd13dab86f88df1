package no.ks.ehelse.notification.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Each e-mail address's cadence: every notification at once, or one daily digest. */
@ApplicationScoped
public class Preferences {

    /** A registry contact's address, their name, and how they hear. */
    public record ContactChoice(String address, String name, Cadence cadence) {}

    private final Clock clock;

    Preferences(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Cadence preference(String address) {
        RecipientPreference p = RecipientPreference.findById(address.toLowerCase(Locale.ROOT));
        return p == null ? Cadence.IMMEDIATE : p.cadence;
    }

    @Transactional
    public Cadence prefer(String address, Cadence cadence, String by) {
        String key = address.strip().toLowerCase(Locale.ROOT);
        RecipientPreference p = RecipientPreference.findById(key);
        if (p == null) {
            p = new RecipientPreference();
            p.address = key;
        }
        p.cadence = cadence;
        p.updatedBy = by;
        p.updatedAt = OffsetDateTime.now(clock);
        p.persist();
        return p.cadence;
    }

    /** Is the address a registry contact of the municipality? (A municipality may set its contacts' choice.) */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isContactOf(String address, String kommunenummer) {
        return ContactProjection.count(
                        "kommunenummer = ?1 and email = ?2",
                        kommunenummer,
                        address.strip().toLowerCase(Locale.ROOT))
                > 0;
    }

    /** The municipality's registry contacts (one row per address) with each one's choice. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ContactChoice> ofContacts(String kommunenummer) {
        Map<String, ContactChoice> byAddress = new TreeMap<>();
        for (ContactProjection c : ContactProjection.<ContactProjection>list("kommunenummer", kommunenummer)) {
            String address = c.email.strip().toLowerCase(Locale.ROOT);
            byAddress.putIfAbsent(address, new ContactChoice(address, c.name, preference(address)));
        }
        return List.copyOf(byAddress.values());
    }
}
