package no.ks.ehelse.enrollment.domain;

import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;

/**
 * Who may act on a track or an enrollment: admins always, leads for their solutions, a municipality for itself, a
 * network (kontaktperson e-helse) for the municipalities the registry gives its network.
 */
final class Access {

    private Access() {}

    static boolean manages(Caller caller, Track track) {
        return caller.has(Roles.ADMIN)
                || caller.has(Roles.LEAD) && caller.solutions().contains(track.solution);
    }

    static boolean isMunicipality(Caller caller, String kommunenummer) {
        return caller.has(Roles.MUNICIPALITY) && kommunenummer.equals(caller.kommunenummer());
    }

    /** A network token whose network is the municipality's Diginettverk in the registry's projection. */
    static boolean inNetwork(Caller caller, String kommunenummer) {
        if (!caller.has(Roles.NETWORK) || caller.network() == null) {
            return false;
        }
        MunicipalityProjection municipality = MunicipalityProjection.findById(kommunenummer);
        return municipality != null && caller.network().equals(municipality.network);
    }

    /** Reading a municipality's enrollments: every role but network, which reads only its own municipalities'. */
    static void requireMayRead(Caller caller, String kommunenummer) {
        if (caller.has(Roles.NETWORK)
                && !caller.has(Roles.ADMIN)
                && !caller.has(Roles.LEAD)
                && !caller.has(Roles.READER)
                && !inNetwork(caller, kommunenummer)) {
            throw outsideNetwork(caller, kommunenummer);
        }
    }

    private static ProblemException outsideNetwork(Caller caller, String kommunenummer) {
        return new ProblemException(
                403,
                "forbidden",
                "Forbidden",
                "As network " + caller.network() + " you act only for its municipalities; " + kommunenummer
                        + " is not one of them");
    }

    static void requireManager(Caller caller, Track track) {
        if (!manages(caller, track)) {
            throw new ProblemException(
                    403,
                    "forbidden",
                    "Forbidden",
                    caller.has(Roles.LEAD)
                            ? "As lead you manage only the tracks of your solutions " + caller.solutions()
                            : "Only an admin or the track's lead may do this");
        }
    }

    /**
     * A municipality's own page: the municipality itself, any lead (who acts on the tracks of their solutions
     * there) and admins.
     */
    static void requireMayViewMunicipality(Caller caller, String kommunenummer) {
        if (caller.has(Roles.ADMIN) || caller.has(Roles.LEAD)) {
            return;
        }
        if (caller.has(Roles.MUNICIPALITY) && kommunenummer.equals(caller.kommunenummer())) {
            return;
        }
        if (inNetwork(caller, kommunenummer)) {
            return;
        }
        if (caller.has(Roles.NETWORK)) {
            throw outsideNetwork(caller, kommunenummer);
        }
        throw new ProblemException(
                403,
                "forbidden",
                "Forbidden",
                caller.has(Roles.MUNICIPALITY)
                        ? "Your token acts for municipality " + caller.kommunenummer() + ", not " + kommunenummer
                        : "Only the municipality itself, its network, a lead or an admin may see this");
    }

    /**
     * Enrolling: as {@link #requireManagerOrMunicipality}, and a network for its municipalities (which may, like a
     * lead, enroll one late with a reason).
     */
    static void requireMayEnroll(Caller caller, Track track, String kommunenummer) {
        if (inNetwork(caller, kommunenummer)) {
            return;
        }
        if (caller.has(Roles.NETWORK) && !manages(caller, track) && !caller.has(Roles.MUNICIPALITY)) {
            throw outsideNetwork(caller, kommunenummer);
        }
        requireManagerOrMunicipality(caller, track, kommunenummer);
    }

    static void requireManagerOrMunicipality(Caller caller, Track track, String kommunenummer) {
        if (manages(caller, track)) {
            return;
        }
        if (caller.has(Roles.MUNICIPALITY) && kommunenummer.equals(caller.kommunenummer())) {
            return;
        }
        throw new ProblemException(
                403,
                "forbidden",
                "Forbidden",
                caller.has(Roles.MUNICIPALITY)
                        ? "Your token acts for municipality " + caller.kommunenummer() + ", not " + kommunenummer
                        : "Only the municipality itself, the track's lead or an admin may do this");
    }
}
