package no.ks.ehelse.platform.web;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * The CSRF filter protects the pages' forms and judges every form-encoded request as one: it would refuse an API
 * call that merely says it is a form, such as a bodiless POST from a client that labels every POST that way
 * ({@code curl -d ''}, REST Assured). The API takes JSON and CSV and no forms, and is called with bearer tokens,
 * which a browser never adds by itself, so CSRF does not apply to it: a form label on an {@code /api/} request is
 * dropped before the CSRF filter runs. A body the label was for then meets the operation's own
 * {@code @Consumes} (415), as before.
 */
public class ApiIsNotAForm {

    @ServerRequestFilter(preMatching = true)
    public void dropFormLabelOnApiRequests(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/")) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type != null
                && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE))) {
            request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
    }
}
