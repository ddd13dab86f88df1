package no.ks.ehelse.enrollment.api;

import java.net.URI;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import no.ks.ehelse.enrollment.domain.Enrollments;
import no.ks.ehelse.platform.api.Page;
import no.ks.ehelse.platform.api.PageRequest;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;

@Path("/api/v1/enrollments/{id}")
@Tag(name = "Enrollments", description = "A municipality's enrollment in a track and its progress")
@Authenticated
public class EnrollmentResource {

    private final Enrollments enrollments;
    private final Caller caller;

    EnrollmentResource(Enrollments enrollments, Caller caller) {
        this.enrollments = enrollments;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getEnrollment", summary = "The enrollment with everything the municipality committed to")
    public EnrollmentView get(@PathParam("id") UUID id) {
        return EnrollmentView.of(enrollments.get(id, caller));
    }

    @GET
    @Path("history")
    @Operation(operationId = "listEnrollmentHistory", summary = "Every change of the enrollment: who, when, why")
    public Page<HistoryView> history(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page) {
        Enrollments.History history = enrollments.history(id, caller);
        return Page.of(
                history.entries().stream()
                        .map(h -> HistoryView.of(h, history.actorsShown()))
                        .toList(),
                page);
    }

    @POST
    @Path("withdrawal")
    @RolesAllowed({Roles.ADMIN, Roles.LEAD, Roles.MUNICIPALITY})
    @Operation(
            operationId = "withdrawEnrollment",
            summary =
                    "Withdraw (the municipality before kick-off; the lead or admin with a reason); the first on the waiting list is promoted")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EnrollmentView.class)))
    @APIResponse(
            responseCode = "409",
            description =
                    "Only a confirmed or waitlisted enrollment is withdrawn, and after kick-off only by the lead or admin")
    public EnrollmentView withdraw(@PathParam("id") UUID id, @Valid EnrollmentRequests.Withdraw request) {
        return EnrollmentView.of(enrollments.withdraw(id, request == null ? null : request.reason(), caller));
    }

    @POST
    @Path("partners")
    @RolesAllowed({Roles.ADMIN, Roles.LEAD, Roles.MUNICIPALITY})
    @Operation(
            operationId = "enrollPartner",
            summary =
                    "A host municipality enrolls a partner in the track of its own enrollment {id}, under a host arrangement (vertskommune) valid today that covers the partner and the solution: a partner enrollment linked to the host's, counted as any other")
    @APIResponse(
            responseCode = "201",
            description = "Created: the partner's enrollment, CONFIRMED or WAITLISTED with position",
            headers =
                    @Header(
                            name = "Location",
                            required = true,
                            description = "the partner's new enrollment",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EnrollmentView.class)))
    @APIResponse(
            responseCode = "409",
            description =
                    "No arrangement valid today covers the partner for the solution (`partners`: whom the host acts for), the host's enrollment was withdrawn or is itself a partner enrollment, or as for enrolling: registration closed, the partner enrolled already or live")
    public Response enrollPartner(
            @PathParam("id") UUID id,
            @NotNull(message = "a body is required") @Valid EnrollmentRequests.Enroll request) {
        EnrollmentView partner =
                EnrollmentView.of(enrollments.enrollPartner(id, request.kommunenummer(), request.lateReason(), caller));
        return Response.created(URI.create("/api/v1/enrollments/" + partner.id()))
                .entity(partner)
                .build();
    }

    @PUT
    @Path("prerequisites")
    @RolesAllowed({Roles.ADMIN, Roles.LEAD, Roles.MUNICIPALITY})
    @Operation(
            operationId = "markPrerequisites",
            summary = "The prerequisite items done (by id); all done announces enrollment.prerequisites-completed")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EnrollmentView.class)))
    @APIResponse(responseCode = "409", description = "The enrollment was withdrawn")
    public EnrollmentView prerequisites(
            @PathParam("id") UUID id,
            @NotNull(message = "a body is required") @Valid EnrollmentRequests.Prerequisites request) {
        return EnrollmentView.of(enrollments.markPrerequisites(id, request.done(), caller));
    }

    @PUT
    @Path("phase")
    @RolesAllowed({Roles.ADMIN, Roles.LEAD})
    @Operation(operationId = "changePhase", summary = "Move the municipality to another phase (lead or admin)")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EnrollmentView.class)))
    @APIResponse(responseCode = "409", description = "The enrollment was withdrawn")
    public EnrollmentView phase(
            @PathParam("id") UUID id,
            @NotNull(message = "a body is required") @Valid EnrollmentRequests.Phase request) {
        return EnrollmentView.of(enrollments.changePhase(id, request.phase(), caller));
    }

    @POST
    @Path("went-live")
    @RolesAllowed({Roles.ADMIN, Roles.LEAD})
    @Operation(
            operationId = "recordWentLive",
            summary =
                    "Record that the municipality went live (lead or admin); also happens by itself when NHN's data shows it ACTIVE")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EnrollmentView.class)))
    @APIResponse(responseCode = "409", description = "Only a confirmed enrollment goes live")
    public EnrollmentView wentLive(
            @PathParam("id") UUID id,
            @NotNull(message = "a body is required") @Valid EnrollmentRequests.WentLive request) {
        return EnrollmentView.of(enrollments.recordWentLive(id, request.on(), caller));
    }

    @POST
    @Path("completion")
    @RolesAllowed({Roles.ADMIN, Roles.LEAD})
    @Operation(
            operationId = "completeEnrollment",
            summary = "Mark a live municipality as having completed the track (lead or admin)")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EnrollmentView.class)))
    @APIResponse(responseCode = "409", description = "Only a municipality that went live completes")
    public EnrollmentView complete(@PathParam("id") UUID id) {
        return EnrollmentView.of(enrollments.complete(id, caller));
    }
}
