package no.ks.ehelse.registry.domain;

/** Innsatsområde: the five priority areas of the national e-health work. */
public enum PriorityArea {
    /** Legemiddelområdet */
    MEDICINES,
    /** Digital samhandling */
    DIGITAL_COLLABORATION,
    /** Digitale fellesløsninger */
    SHARED_DIGITAL_SERVICES,
    /** Innbyggertjenester */
    CITIZEN_SERVICES,
    /** Velferdsteknologi og digital hjemmeoppfølging */
    WELFARE_TECHNOLOGY
}
