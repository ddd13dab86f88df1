package no.ks.ehelse.notification.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;

import org.hibernate.query.NativeQuery;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Which form of Norwegian a recipient reads: the person's own choice, else the official målform of the municipality
 * whose registry contact the address is (the registry's {@code language}; for a municipality's feed, that
 * municipality's), else bokmål. An address that is a contact of several municipalities gets nynorsk only when all
 * of them write nynorsk.
 */
@ApplicationScoped
public class Languages {

    /** Where a recipient's form comes from. */
    public enum Source {
        OWN_CHOICE,
        MUNICIPALITY,
        DEFAULT
    }

    /** The form in force for an address, where it comes from, and what it would be without the own choice. */
    public record Choice(Language language, Source source, Language withoutOwnChoice) {}

    private final Clock clock;

    Languages(Clock clock) {
        this.clock = clock;
    }

    /** The form a message to this recipient (an address, or a municipality's feed) is written in. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Language of(String recipient) {
        String feedOf = recipient.startsWith("kommune:") ? recipient.substring("kommune:".length()) : null;
        if (feedOf != null) {
            MunicipalityProjection m = MunicipalityProjection.findById(feedOf);
            return m == null ? Language.BOKMAL : m.language;
        }
        return choice(recipient).language();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Choice choice(String address) {
        String key = address.strip().toLowerCase(Locale.ROOT);
        Language municipalities = ofMunicipalities(key);
        RecipientLanguage own = RecipientLanguage.findById(key);
        if (own != null) {
            return new Choice(own.language, Source.OWN_CHOICE, municipalities);
        }
        return new Choice(
                municipalities,
                municipalities == Language.NYNORSK ? Source.MUNICIPALITY : Source.DEFAULT,
                municipalities);
    }

    /** Sets the address's own form, or (null) removes it so the municipality's applies again. */
    @Transactional
    public Choice choose(String address, Language language, String by) {
        String key = address.strip().toLowerCase(Locale.ROOT);
        RecipientLanguage own = RecipientLanguage.findById(key);
        if (language == null) {
            if (own != null) {
                own.delete();
            }
            return choice(key);
        }
        if (own == null) {
            own = new RecipientLanguage();
            own.address = key;
        }
        own.language = language;
        own.updatedBy = by;
        own.updatedAt = OffsetDateTime.now(clock);
        own.persist();
        return choice(key);
    }

    /**
     * Nynorsk when every municipality the address is a contact of writes nynorsk. One statement, and no flush of the
     * caller's session (it only reads contacts and municipalities): asked for every mail the dispatcher sends.
     */
    private static Language ofMunicipalities(String address) {
        Object[] counts = (Object[]) Panache.getEntityManager()
                .createNativeQuery("SELECT count(DISTINCT c.kommunenummer), "
                        + "count(DISTINCT c.kommunenummer) FILTER (WHERE m.language = 'NYNORSK') "
                        + "FROM contact c LEFT JOIN municipality m ON m.kommunenummer = c.kommunenummer "
                        + "WHERE c.email = :address AND c.kommunenummer IS NOT NULL")
                .unwrap(NativeQuery.class)
                .addSynchronizedEntityClass(ContactProjection.class)
                .addSynchronizedEntityClass(MunicipalityProjection.class)
                .setParameter("address", address)
                .getSingleResult();
        long municipalities = ((Number) counts[0]).longValue();
        long nynorsk = ((Number) counts[1]).longValue();
        return municipalities > 0 && nynorsk == municipalities ? Language.NYNORSK : Language.BOKMAL;
    }
}
