package no.ks.ehelse.adoption.domain;

import java.util.List;

/**
 * NHN's adoption levels, kept distinct: ordered (bestilt), technically ready (teknisk tilrettelagt), active (i
 * bruk), discontinued. NONE is the absence of any report.
 */
public enum AdoptionLevel {
    ORDERED,
    TECHNICALLY_READY,
    ACTIVE,
    DISCONTINUED,
    NONE;

    /** The levels a figure or an ambition can count: reached when a municipality is at that level or a later one. */
    public static final List<AdoptionLevel> COUNTABLE = List.of(ORDERED, TECHNICALLY_READY, ACTIVE);

    /**
     * Whether a municipality at this level counts for {@code counted}: ACTIVE was made available before it was used,
     * so it counts for TECHNICALLY_READY ("made available") too; DISCONTINUED and NONE count for nothing.
     */
    public boolean reaches(AdoptionLevel counted) {
        if (this == DISCONTINUED || this == NONE) {
            return false;
        }
        return ordinal() >= counted.ordinal();
    }

    /** For a former number reported only through its successors: the strongest of their levels. */
    static AdoptionLevel strongest(AdoptionLevel a, AdoptionLevel b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(AdoptionLevel level) {
        return switch (level) {
            case NONE -> 0;
            case DISCONTINUED -> 1;
            case ORDERED -> 2;
            case TECHNICALLY_READY -> 3;
            case ACTIVE -> 4;
        };
    }
}
