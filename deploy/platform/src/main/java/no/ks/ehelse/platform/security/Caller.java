package no.ks.ehelse.platform.security;

import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** Who is calling, with the scope claims the roles depend on. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    /** The {@code kommunenummer} claim of a municipality token, or null. */
    public String kommunenummer() {
        Object claim = token.getClaim("kommunenummer");
        return claim == null ? null : claim.toString().replace("\"", "");
    }

    /** The {@code network} claim of a network token: the Diginettverk's code, e.g. {@code digi-vestland}; or null. */
    public String network() {
        Object claim = token.getClaim("network");
        return claim == null ? null : claim.toString().replace("\"", "");
    }

    /** The solution codes a lead token is scoped to ({@code solutions} claim). */
    public Set<String> solutions() {
        Object claim = token.getClaim("solutions");
        if (claim instanceof java.util.Collection<?> values) {
            java.util.Set<String> codes = new java.util.HashSet<>();
            for (Object value : values) {
                codes.add(value instanceof jakarta.json.JsonString s ? s.getString() : value.toString());
            }
            return codes;
        }
        return Set.of();
    }
}
