package no.ks.ehelse.platform.security;

/** The suite's roles, read from the token's {@code groups} claim. */
public final class Roles {

    /** KS administrators: everything. */
    public static final String ADMIN = "admin";
    /** National implementation leads, scoped to the solutions in their {@code solutions} claim. */
    public static final String LEAD = "lead";
    /** A municipality, scoped to the {@code kommunenummer} claim. */
    public static final String MUNICIPALITY = "municipality";
    /**
     * A Diginettverk's e-health contact (kontaktperson e-helse), scoped to the municipalities of the network in its
     * {@code network} claim (the network's code, e.g. {@code digi-vestland}).
     */
    public static final String NETWORK = "network";
    /** Norsk helsenett's integration. */
    public static final String NHN = "nhn";
    /** Read-only access. */
    public static final String READER = "reader";

    private Roles() {}
}
