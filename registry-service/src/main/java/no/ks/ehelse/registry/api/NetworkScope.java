package no.ks.ehelse.registry.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;
import no.ks.ehelse.registry.domain.Municipality;
import no.ks.ehelse.registry.domain.MunicipalityRegistry;

/**
 * The network role's scope: the municipalities whose Diginettverk (the registry's current {@code network} of the
 * municipality) is the one in the caller's {@code network} claim. A former number has no network, so no network
 * covers it. Answers are kept for the request, as a contact list asks once per contact.
 */
@RequestScoped
public class NetworkScope {

    private final Caller caller;
    private final MunicipalityRegistry registry;
    private final Map<String, Optional<Municipality>> municipalities = new HashMap<>();

    NetworkScope(Caller caller, MunicipalityRegistry registry) {
        this.caller = caller;
        this.registry = registry;
    }

    /** The caller's network code when it has the network role, else null. */
    String network() {
        return caller.has(Roles.NETWORK) ? caller.network() : null;
    }

    /**
     * Whether the network role is what limits the caller (with or without a usable claim): an admin who also has it
     * is not limited by it.
     */
    boolean isNetworkRole() {
        return caller.has(Roles.NETWORK) && !caller.has(Roles.ADMIN);
    }

    /** Whether the caller is the network of this municipality. */
    boolean covers(String kommunenummer) {
        String network = network();
        return network != null
                && kommunenummer != null
                && municipality(kommunenummer)
                        .map(m -> network.equals(m.network))
                        .orElse(false);
    }

    /** Whether the caller is this network itself. */
    boolean isOwn(String networkCode) {
        String network = network();
        return network != null && network.equals(networkCode);
    }

    /**
     * Refuses (403) a network caller acting for a municipality outside its network. An unknown number is left to the
     * operation, which answers 404 as it does for everyone.
     */
    void requireCovered(String kommunenummer) {
        if (isNetworkRole() && municipality(kommunenummer).isPresent() && !covers(kommunenummer)) {
            throw new ProblemException(
                    403,
                    "forbidden",
                    "Forbidden",
                    "Municipality " + kommunenummer + " is not in the caller's network (" + network() + ")");
        }
    }

    private Optional<Municipality> municipality(String kommunenummer) {
        return municipalities.computeIfAbsent(kommunenummer, registry::find);
    }
}
