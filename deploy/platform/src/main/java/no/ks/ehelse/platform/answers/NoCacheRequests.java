package no.ks.ehelse.platform.answers;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * {@code Cache-Control: no-cache} (what a browser sends on a forced reload) has the answers computed afresh from
 * the tables instead of taken from the kept ones (docs/performance.md): the same as the first reader after a
 * change gets, so it costs what every request cost before answers were kept.
 */
public class NoCacheRequests {

    @Inject
    Recompute recompute;

    @ServerRequestFilter
    public void askForFreshAnswers(ContainerRequestContext request) {
        String cacheControl = request.getHeaderString(HttpHeaders.CACHE_CONTROL);
        if (cacheControl != null
                && cacheControl.toLowerCase(java.util.Locale.ROOT).contains("no-cache")) {
            recompute.ask();
        }
    }
}
