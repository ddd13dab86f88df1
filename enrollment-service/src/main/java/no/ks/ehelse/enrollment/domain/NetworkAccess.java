package no.ks.ehelse.enrollment.domain;

import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;

/**
 * Who may read a network's worklist and its municipalities' readiness: admins, leads and readers everywhere, a
 * network's e-health contact (role network) for its own network only, a municipality for itself.
 */
public final class NetworkAccess {

    private NetworkAccess() {}

    private static boolean readsEverything(Caller caller) {
        return caller.has(Roles.ADMIN) || caller.has(Roles.LEAD) || caller.has(Roles.READER);
    }

    /** The network the caller asks about: its own when a network role names none; another network is a 403. */
    public static String requireNetwork(Caller caller, String network) {
        if (readsEverything(caller)) {
            return network;
        }
        if (caller.has(Roles.NETWORK) && (network == null || network.equals(caller.network()))) {
            return caller.network();
        }
        throw new ProblemException(
                403,
                "forbidden",
                "Forbidden",
                caller.has(Roles.NETWORK)
                        ? "Your token acts for network " + caller.network() + ", not " + network
                        : "Only a network's own contact, a lead, a reader or an admin may see this");
    }

    public static void requireMunicipality(Caller caller, String kommunenummer) {
        if (readsEverything(caller)) {
            return;
        }
        if (caller.has(Roles.MUNICIPALITY) && kommunenummer.equals(caller.kommunenummer())) {
            return;
        }
        MunicipalityProjection m = MunicipalityProjection.findById(kommunenummer);
        if (caller.has(Roles.NETWORK) && m != null && m.network != null && m.network.equals(caller.network())) {
            return;
        }
        throw new ProblemException(
                403,
                "forbidden",
                "Forbidden",
                caller.has(Roles.NETWORK)
                        ? kommunenummer + " is not a municipality of network " + caller.network()
                        : "Your token acts for municipality " + caller.kommunenummer() + ", not " + kommunenummer);
    }
}
