package no.ks.ehelse.adoption.api;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.ks.ehelse.adoption.domain.TrackProgress;

@Path("/api/v1/adoption/tracks")
@Tag(name = "Progress", description = "Coverage over time and when the solution is projected to be adopted")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TrackResource {

    private final TrackProgress progress;

    TrackResource(TrackProgress progress) {
        this.progress = progress;
    }

    @GET
    @Path("{trackId}/progress")
    @Operation(
            operationId = "getTrackProgress",
            summary = "A track's municipalities through the phases against its plan today: the phase the plan puts"
                    + " them in, where each is (its enrollment's phase and NHN's status), and those behind plan"
                    + " with why (an earlier phase than the plan's, or not live when Gjennomføre ended)")
    public TrackProgress.Progress progress(@PathParam("trackId") UUID trackId) {
        return progress.of(trackId);
    }
}
