package no.ks.ehelse.platform.web;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /logget-ut}: where the IdP sends the browser after sign-out (public). */
@Path("/logget-ut")
public class SignedOutPage {

    private final Template page;
    private final String startPage;

    SignedOutPage(@Location("ehelse/logget-ut.html") Template page, PageLinks links) {
        this.page = page;
        // The start page belongs to enrollment-service: the same host in production, its own port locally.
        this.startPage = links.url("enrollment", "/");
    }

    @GET
    @Operation(hidden = true) // a page for people, not part of the API
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get(
            // The IdP echoes the state of the logout request; nothing here depends on it (the session is gone).
            @QueryParam("state") String state) {
        return page.data("startPage", startPage);
    }
}
