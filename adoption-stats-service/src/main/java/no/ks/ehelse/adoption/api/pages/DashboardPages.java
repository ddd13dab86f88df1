package no.ks.ehelse.adoption.api.pages;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.ks.ehelse.adoption.domain.AdoptionQueries;
import no.ks.ehelse.adoption.domain.SolutionProjection;
import no.ks.ehelse.platform.api.ProblemException;

/**
 * The solution dashboard {@code /tall/{solution}}: the seeds' slides as a page. National figures about
 * municipalities only, never about people, so with {@code ehelse.dashboards.public=true} (the default) anyone may
 * read it; with {@code false} it needs a signed-in person of any role, as the API does.
 */
@Path("/tall")
@Produces(MediaType.TEXT_HTML)
public class DashboardPages {

    private final AdoptionQueries queries;
    private final SecurityIdentity identity;
    private final boolean publicDashboards;
    private final Template dashboard;

    DashboardPages(
            AdoptionQueries queries,
            SecurityIdentity identity,
            @ConfigProperty(name = "ehelse.dashboards.public", defaultValue = "true") boolean publicDashboards,
            @Location("pages/dashboard.html") Template dashboard) {
        this.queries = queries;
        this.identity = identity;
        this.publicDashboards = publicDashboards;
        this.dashboard = dashboard;
    }

    @GET
    @Path("{solution}")
    public TemplateInstance solution(@PathParam("solution") String solution) {
        mayRead();
        SolutionProjection known = SolutionProjection.findById(solution);
        if (known == null) {
            throw ProblemException.notFound("Solution", solution);
        }
        AdoptionQueries.NonAdopters nonAdopters = queries.nonAdopters(solution);
        return dashboard.data("solution", known).data("nonAdopters", nonAdopters);
    }

    /** Anonymous readers are turned away only when the dashboards are not public: the 401 page offers sign-in. */
    private void mayRead() {
        if (!publicDashboards && identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
    }
}
