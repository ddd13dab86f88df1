package no.ks.ehelse.adoption.domain;

/**
 * NHN's adoption levels, kept distinct: ordered (bestilt), technically ready (teknisk tilrettelagt), active (i
 * bruk), discontinued. NONE is the absence of any report.
 */
public enum AdoptionLevel {
    ORDERED,
    TECHNICALLY_READY,
    ACTIVE,
    DISCONTINUED,
    NONE
}
