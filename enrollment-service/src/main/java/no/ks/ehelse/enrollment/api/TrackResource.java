package no.ks.ehelse.enrollment.api;

import java.net.URI;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import no.ks.ehelse.enrollment.domain.Tracks;
import no.ks.ehelse.platform.api.Page;
import no.ks.ehelse.platform.api.PageRequest;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;

@Path("/api/v1/tracks")
@Tag(name = "Tracks", description = "Implementation tracks (innføringsløp)")
@Authenticated
public class TrackResource {

    private final Tracks tracks;
    private final Caller caller;

    TrackResource(Tracks tracks, Caller caller) {
        this.tracks = tracks;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List tracks, optionally of one solution")
    public Page<TrackView> list(@QueryParam("solution") String solution, @BeanParam @Valid PageRequest page) {
        return Page.of(tracks.list(solution), page, TrackView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get one track")
    public TrackView get(@PathParam("id") UUID id) {
        return tracks.find(id).map(TrackView::of).orElseThrow(() -> ProblemException.notFound("Track", id.toString()));
    }

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.LEAD })
    @Operation(summary = "Create a track in status DRAFT (admin, or the lead of its solution); announces track.created")
    public Response create(@NotNull(message = "a body is required") @Valid TrackRequest request) {
        TrackView created = TrackView.of(tracks.create(request.plan(), caller));
        return Response.created(URI.create("/api/v1/tracks/" + created.id())).entity(created).build();
    }
}
