package no.ks.ehelse.notification.api;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import no.ks.ehelse.notification.domain.Acknowledgement;
import no.ks.ehelse.notification.domain.Acknowledgements;
import no.ks.ehelse.notification.domain.TrackProjection;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;

/**
 * An enrollment's acknowledgement of receipt: admins all, a lead those of its solutions' tracks, a municipality its
 * own (docs/security.md). Another caller's is answered as not found.
 */
@Path("/api/v1/acknowledgements")
@Tag(name = "Acknowledgements", description = "Did the municipality confirm it received its enrollment's confirmation")
@RolesAllowed({Roles.ADMIN, Roles.LEAD, Roles.MUNICIPALITY})
public class AcknowledgementResource {

    private final Acknowledgements acknowledgements;
    private final Caller caller;

    AcknowledgementResource(Acknowledgements acknowledgements, Caller caller) {
        this.acknowledgements = acknowledgements;
        this.caller = caller;
    }

    @GET
    @Path("{enrollmentId}")
    @Operation(
            operationId = "getAcknowledgement",
            summary = "Whether the municipality confirmed receipt of the enrollment's confirmation; reminder and "
                    + "escalation times")
    @APIResponse(
            responseCode = "200",
            description = "The acknowledgement's state",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = AcknowledgementView.class)))
    @APIResponse(responseCode = "404", description = "No confirmation was sent for this enrollment, or not yours")
    public AcknowledgementView get(@PathParam("enrollmentId") UUID enrollmentId) {
        Acknowledgement a = acknowledgements.find(enrollmentId);
        if (a == null || !inScope(a)) {
            throw ProblemException.notFound("Acknowledgement", enrollmentId.toString());
        }
        return AcknowledgementView.of(a);
    }

    private boolean inScope(Acknowledgement a) {
        if (caller.has(Roles.ADMIN)) {
            return true;
        }
        if (caller.has(Roles.LEAD)) {
            TrackProjection track = TrackProjection.findById(a.trackId);
            return track != null && caller.solutions().contains(track.solution);
        }
        return a.kommunenummer.equals(caller.kommunenummer());
    }
}
