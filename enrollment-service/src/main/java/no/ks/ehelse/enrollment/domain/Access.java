package no.ks.ehelse.enrollment.domain;

import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;

/** Who may act on a track or an enrollment: admins always, leads for their solutions, a municipality for itself. */
final class Access {

    private Access() {}

    static boolean manages(Caller caller, Track track) {
        return caller.has(Roles.ADMIN)
                || caller.has(Roles.LEAD) && caller.solutions().contains(track.solution);
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
        throw new ProblemException(
                403,
                "forbidden",
                "Forbidden",
                caller.has(Roles.MUNICIPALITY)
                        ? "Your token acts for municipality " + caller.kommunenummer() + ", not " + kommunenummer
                        : "Only the municipality itself, a lead or an admin may see this");
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
