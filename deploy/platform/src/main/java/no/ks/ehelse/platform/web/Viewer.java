package no.ks.ehelse.platform.web;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;

/** The person a page is rendered for, as the layout's header shows them ({@code inject:viewer}). */
@RequestScoped
@Named("viewer")
public class Viewer {

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    JsonWebToken token;

    @Inject
    Caller caller;

    public boolean signedIn() {
        SecurityIdentity identity = identity();
        return identity != null && !identity.isAnonymous();
    }

    /** The name the identity provider gives, else the user name. */
    public String name() {
        if (!signedIn()) {
            return null;
        }
        Object name = token.getClaim("name");
        return name != null ? name.toString().replace("\"", "") : caller.name();
    }

    /** The municipality a municipality's user acts for, or null for everyone else. */
    public String kommunenummer() {
        SecurityIdentity identity = identity();
        if (identity == null || identity.isAnonymous() || !identity.hasRole(Roles.MUNICIPALITY)) {
            return null;
        }
        return caller.kommunenummer();
    }

    /**
     * With lazy authentication the identity may still be unresolved; resolving it blocks, which only a worker
     * thread may do. A page rendered on the event loop (an error page for an unmatched path) shows the header as
     * for someone not signed in rather than failing.
     */
    private SecurityIdentity identity() {
        if (Context.isOnEventLoopThread()) {
            return null;
        }
        return identities.getIdentity();
    }
}
