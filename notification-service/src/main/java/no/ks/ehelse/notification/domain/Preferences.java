package no.ks.ehelse.notification.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Each e-mail address's cadence: every notification at once, or one daily digest. */
@ApplicationScoped
public class Preferences {

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
}
