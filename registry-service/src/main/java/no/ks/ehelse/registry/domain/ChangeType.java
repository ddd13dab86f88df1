package no.ks.ehelse.registry.domain;

/** How a municipality number ended: renummerert, sammenslått (merged) or delt (split). */
public enum ChangeType {
    RENUMBERED,
    MERGED,
    SPLIT
}
