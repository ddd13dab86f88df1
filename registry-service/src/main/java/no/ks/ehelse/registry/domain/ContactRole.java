package no.ks.ehelse.registry.domain;

/** The roles a contact can have in a municipality or a network. */
public enum ContactRole {
    /** Kontaktperson e-helse */
    EHEALTH_CONTACT,
    /** Innføringsleder */
    IMPLEMENTATION_LEAD,
    /** Systemeier EPJ */
    EPJ_SYSTEM_OWNER,
    /** Systemeier velferdsteknologi */
    VFT_SYSTEM_OWNER,
    /** IT-ressurs (brannmur, DNS) */
    IT_CONTACT,
    /** Den som bestiller HelseID */
    HELSEID_ORDERER,
    /** Postmottak */
    GENERAL_INBOX
}
