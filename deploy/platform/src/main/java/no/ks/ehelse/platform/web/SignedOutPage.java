package no.ks.ehelse.platform.web;

import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    SignedOutPage(
            @Location("ehelse/logget-ut.html") Template page,
            // Empty in production (one host); the local run names enrollment-service's own URL (PageLinks).
            @ConfigProperty(name = "ehelse.pages.base-url.enrollment") Optional<String> enrollment) {
        this.page = page;
        this.startPage = enrollment.map(String::strip).orElse("").replaceFirst("/$", "") + "/";
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
