package no.ks.ehelse.registry.api;

import io.quarkus.qute.TemplateExtension;
import no.ks.ehelse.registry.domain.ContactRole;

/** How the pages name each contact role, and what it is for, in Norwegian. */
@TemplateExtension
public final class ContactRoleText {

    private ContactRoleText() {}

    /** {@code {role.label}} in a template. */
    static String label(ContactRole role) {
        return switch (role) {
            case EHEALTH_CONTACT -> "Kontaktperson e-helse";
            case IMPLEMENTATION_LEAD -> "Innføringsleder";
            case EPJ_SYSTEM_OWNER -> "Systemeier EPJ";
            case VFT_SYSTEM_OWNER -> "Systemeier velferdsteknologi";
            case IT_CONTACT -> "IT-ressurs";
            case HELSEID_ORDERER -> "Bestiller av HelseID";
            case GENERAL_INBOX -> "Postmottak";
        };
    }

    /** {@code {role.purpose}}: what the suite and KS use the role for. */
    static String purpose(ContactRole role) {
        return switch (role) {
            case EHEALTH_CONTACT -> "Får bekreftelser, frister og nyheter om innføringene kommunen er med i.";
            case IMPLEMENTATION_LEAD -> "Leder innføringen lokalt og følger opp fremdriftsplanen.";
            case EPJ_SYSTEM_OWNER -> "Ansvarlig for kommunens journalsystem (EPJ).";
            case VFT_SYSTEM_OWNER -> "Ansvarlig for kommunens velferdsteknologi.";
            case IT_CONTACT -> "Tar seg av det tekniske, som brannmur og DNS.";
            case HELSEID_ORDERER -> "Bestiller HelseID-klienter på vegne av kommunen.";
            case GENERAL_INBOX -> "Kommunens felles postmottak.";
        };
    }
}
