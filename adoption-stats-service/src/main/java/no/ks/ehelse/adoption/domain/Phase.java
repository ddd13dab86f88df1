package no.ks.ehelse.adoption.domain;

/** A track's phases in their order (glossary: fase), as enrollment-service names them. */
public enum Phase {
    ANCHOR_AND_PREPARE,
    CARRY_OUT,
    CLOSE_AND_REALISE
}
