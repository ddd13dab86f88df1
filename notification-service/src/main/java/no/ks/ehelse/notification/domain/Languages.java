package no.ks.ehelse.notification.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

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

    private static Language ofMunicipalities(String address) {
        List<String> numbers =
                ContactProjection.<ContactProjection>list("email = ?1 and kommunenummer is not null", address).stream()
                        .map(c -> c.kommunenummer)
                        .distinct()
                        .toList();
        if (numbers.isEmpty()) {
            return Language.BOKMAL;
        }
        long nynorsk = MunicipalityProjection.count("kommunenummer in ?1 and language = ?2", numbers, Language.NYNORSK);
        return nynorsk == numbers.size() ? Language.NYNORSK : Language.BOKMAL;
    }
}
