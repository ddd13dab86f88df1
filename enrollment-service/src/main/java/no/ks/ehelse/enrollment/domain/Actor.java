package no.ks.ehelse.enrollment.domain;

import java.util.List;

import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;

/** Who made a change: a name (for a person, the token's name, usually an e-mail address) and the role they used. */
record Actor(String name, String role) {

    /** A change NHN's adoption data made, through adoption-stats-service. */
    static final Actor ADOPTION_DATA = new Actor("adoption-stats", "system");

    private static final List<String> STRONGEST_FIRST =
            List.of(Roles.ADMIN, Roles.LEAD, Roles.MUNICIPALITY, Roles.NETWORK, Roles.NHN, Roles.READER);

    static Actor of(Caller caller) {
        String role = STRONGEST_FIRST.stream().filter(caller::has).findFirst().orElse("unknown");
        return new Actor(caller.name(), role);
    }
}
