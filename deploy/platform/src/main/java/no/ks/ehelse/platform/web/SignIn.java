package no.ks.ehelse.platform.web;

import java.net.URI;

import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * {@code /logg-inn}: the redirect URI of the code flow. The OIDC mechanism takes the code there and sends the browser
 * on to the page it asked for; a person who follows a plain "Logg inn" link lands here signed in, and goes on to
 * {@code /innlogget}.
 */
@Path("/logg-inn")
public class SignIn {

    @GET
    @Operation(hidden = true) // a page for people, not part of the API
    public Response get() {
        return Response.seeOther(URI.create("/innlogget")).build();
    }
}
