package no.ks.ehelse.platform.web;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The redirect URI of the code flow ({@code quarkus.oidc.authentication.redirect-path}, {@code /logg-inn} locally,
 * e.g. {@code /kontakter/logg-inn} for registry-service on the production host). The OIDC mechanism takes the code
 * there and sends the browser on to the page it asked for; a person who follows a plain "Logg inn" link lands here
 * signed in, and goes on to {@code ehelse.pages.signed-in-path}.
 *
 * <p>A route rather than a REST resource because its path is configuration: on one host each service has its own
 * redirect URI under its page prefix. It is ordered before the REST handler (so {@code /kontakter/{kommunenummer}}
 * does not take {@code /kontakter/logg-inn}) and after the HTTP security handlers, so the permission in the platform
 * config still sends a browser without a session to the login first.
 */
@ApplicationScoped
public class SignIn {

    private final String redirectPath;
    private final String signedInPath;

    SignIn(
            @ConfigProperty(name = "quarkus.oidc.authentication.redirect-path") String redirectPath,
            @ConfigProperty(name = "ehelse.pages.signed-in-path") String signedInPath) {
        this.redirectPath = redirectPath;
        this.signedInPath = signedInPath;
    }

    void route(@Observes Router router) {
        router.get(redirectPath)
                .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(rc -> rc.response()
                        .setStatusCode(303)
                        .putHeader("Location", signedInPath)
                        .putHeader("Cache-Control", "no-store")
                        .end());
    }
}
