package no.ks.ehelse.registry.domain;

/**
 * A municipality's official målform: the written form of Norwegian it has chosen (or is neutral, which counts as
 * bokmål here). Messages to the municipality are written in it.
 */
public enum Language {
    BOKMAL,
    NYNORSK
}
