package no.ks.ehelse.platform.web;

import java.util.Map;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;

/**
 * {@code /innlogget}: who is signed in to this service, with sign-out. Every service has it, so sign-in can be
 * checked on each; the HTTP permission in the platform config sends a browser without a session to the login.
 */
@Path("/innlogget")
public class SignedInPage {

    /** The roles as people know them. */
    static final Map<String, String> ROLE_NAMES = Map.of(
            Roles.ADMIN, "administrator",
            Roles.LEAD, "innføringsleder",
            Roles.MUNICIPALITY, "kommunekontakt",
            Roles.NHN, "Norsk helsenett",
            Roles.READER, "lesetilgang");

    private final Template page;
    private final Caller caller;
    private final JsonWebToken token;

    SignedInPage(@Location("ehelse/innlogget.html") Template page, Caller caller, JsonWebToken token) {
        this.page = page;
        this.caller = caller;
        this.token = token;
    }

    @GET
    @Operation(hidden = true) // a page for people, not part of the API
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get() {
        Object claim = token.getClaim("name");
        String name = claim == null ? caller.name() : claim.toString().replace("\"", "");
        String role = ROLE_NAMES.keySet().stream()
                .filter(caller::has)
                .sorted()
                .map(ROLE_NAMES::get)
                .findFirst()
                .orElse("ingen rolle");
        return page.data("name", name)
                .data("role", role)
                .data("kommunenummer", caller.has(Roles.MUNICIPALITY) ? caller.kommunenummer() : null);
    }
}
