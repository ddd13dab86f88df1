package no.ks.ehelse.enrollment.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import no.ks.ehelse.enrollment.domain.EnrollmentQueries;
import no.ks.ehelse.enrollment.domain.EnrollmentStatus;
import no.ks.ehelse.enrollment.domain.Enrollments;
import no.ks.ehelse.enrollment.domain.NetworkAccess;
import no.ks.ehelse.enrollment.domain.Readiness;
import no.ks.ehelse.enrollment.domain.TrackStatus;
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
    private final Enrollments enrollments;
    private final EnrollmentQueries queries;
    private final Readiness readiness;
    private final Caller caller;

    TrackResource(
            Tracks tracks, Enrollments enrollments, EnrollmentQueries queries, Readiness readiness, Caller caller) {
        this.tracks = tracks;
        this.enrollments = enrollments;
        this.queries = queries;
        this.readiness = readiness;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listTracks", summary = "List tracks, optionally of one solution and one status")
    public Page<TrackView> list(
            @Parameter(description = "solution code, e.g. vkp") @QueryParam("solution") String solution,
            @Parameter(description = "DRAFT, OPEN, REGISTRATION_CLOSED, RUNNING, COMPLETED or CANCELLED")
                    @QueryParam("status")
                    TrackStatus status,
            @BeanParam @Valid PageRequest page) {
        boolean members = seesMemberAddresses();
        return Page.of(tracks.list(solution, status), page, t -> TrackView.of(t, members));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getTrack", summary = "Get one track")
    public TrackView get(@PathParam("id") UUID id) {
        return tracks.find(id)
                .map(t -> TrackView.of(t, seesMemberAddresses()))
                .orElseThrow(() -> ProblemException.notFound("Track", id.toString()));
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.LEAD})
    @Operation(
            operationId = "createTrack",
            summary = "Create a track in status DRAFT (admin, or the lead of its solution); announces track.created")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers =
                    @Header(
                            name = "Location",
                            required = true,
                            description = "the new track",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TrackView.class)))
    public Response create(@NotNull(message = "a body is required") @Valid TrackRequest request) {
        TrackView created = TrackView.of(tracks.create(request.draft(), caller), true);
        return Response.created(URI.create("/api/v1/tracks/" + created.id()))
                .entity(created)
                .build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.LEAD})
    @Operation(
            operationId = "replaceTrack",
            summary =
                    "Replace a track's plan (admin or its lead); announces track.changed. A larger capacity promotes from the waiting list")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TrackView.class)))
    @APIResponse(responseCode = "409", description = "The track is completed or cancelled and cannot change")
    public TrackView update(
            @PathParam("id") UUID id, @NotNull(message = "a body is required") @Valid TrackRequest request) {
        return TrackView.of(tracks.update(id, request.draft(), caller), true);
    }

    @PUT
    @Path("{id}/deadline")
    @RolesAllowed({Roles.ADMIN, Roles.LEAD})
    @Operation(
            operationId = "moveRegistrationDeadline",
            summary =
                    "Move the registration deadline (admin or its lead); announces track.deadline-extended and re-arms the reminders")
    public TrackView moveDeadline(
            @PathParam("id") UUID id, @NotNull(message = "a body is required") @Valid DeadlineRequest request) {
        return TrackView.of(tracks.moveDeadline(id, request.registrationDeadline(), request.reason(), caller), true);
    }

    @POST
    @Path("{id}/status")
    @RolesAllowed({Roles.ADMIN, Roles.LEAD})
    @Operation(
            operationId = "changeTrackStatus",
            summary =
                    "Move the track to another status: DRAFT → OPEN → REGISTRATION_CLOSED → RUNNING → COMPLETED, or CANCELLED")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TrackView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The track cannot go from its status to the one asked for; `detail` lists the allowed")
    public TrackView changeStatus(
            @PathParam("id") UUID id, @NotNull(message = "a body is required") @Valid StatusRequest request) {
        return TrackView.of(tracks.changeStatus(id, request.status(), caller), true);
    }

    @POST
    @Path("{id}/enrollments")
    @Operation(
            operationId = "enrollMunicipality",
            summary =
                    "Enroll a municipality (the municipality itself, or late with a reason by admin/lead); the answer is the confirmation: CONFIRMED or WAITLISTED with position")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers =
                    @Header(
                            name = "Location",
                            required = true,
                            description = "the new enrollment",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EnrollmentView.class)))
    @APIResponse(
            responseCode = "409",
            description =
                    "Registration is closed (`registrationDeadline`), not open yet (`registrationOpens`) or the track takes none; the municipality is enrolled already (`existing`), went live already, or its number is a former one (`successors`)")
    public Response enroll(
            @PathParam("id") UUID id,
            @NotNull(message = "a body is required") @Valid EnrollmentRequests.Enroll request) {
        EnrollmentView confirmation =
                EnrollmentView.of(enrollments.enroll(id, request.kommunenummer(), request.lateReason(), caller));
        return Response.created(URI.create("/api/v1/enrollments/" + confirmation.id()))
                .entity(confirmation)
                .build();
    }

    @GET
    @Path("{id}/enrollments")
    @Operation(
            operationId = "listTrackEnrollments",
            summary =
                    "The track's enrollments in the order they came, optionally of one status; for a network only its municipalities'")
    public Page<EnrollmentSummary> enrollments(
            @PathParam("id") UUID id,
            @QueryParam("status") EnrollmentStatus status,
            @BeanParam @Valid PageRequest page) {
        return Page.of(queries.ofTrack(id, status, caller), page, EnrollmentSummary::of);
    }

    @GET
    @Path("{id}/not-enrolled")
    @Operation(
            operationId = "listNotEnrolled",
            summary =
                    "Current municipalities (of a network, e.g. digi-vestland) with no active enrollment in the track: whom to follow up")
    public Page<MunicipalityView> notEnrolled(
            @PathParam("id") UUID id, @QueryParam("network") String network, @BeanParam @Valid PageRequest page) {
        return Page.of(
                queries.notEnrolled(id, network).stream()
                        .map(MunicipalityView::of)
                        .toList(),
                page);
    }

    @GET
    @Path("{id}/progress")
    @Operation(
            operationId = "getTrackProgress",
            summary = "How far the track has come: enrollments per status and the share of participants live")
    public EnrollmentQueries.Progress progress(@PathParam("id") UUID id) {
        return queries.progress(id);
    }

    /** Ordinary members' own addresses: for admins and leads, who work with them (docs/security.md). */
    private boolean seesMemberAddresses() {
        return caller.has(Roles.ADMIN) || caller.has(Roles.LEAD);
    }

    @GET
    @Path("{id}/invite-next")
    @RolesAllowed({Roles.ADMIN, Roles.LEAD, Roles.NETWORK, Roles.READER})
    @Operation(
            operationId = "getInviteNext",
            summary =
                    "Invite next: the municipalities of the network (a network's contact: its own) that are ready for the open track's solution and could join it but have not enrolled, each with its readiness")
    public List<ReadinessView> inviteNext(
            @PathParam("id") UUID id,
            @Parameter(description = "a Diginettverk's code; absent: every network (a network's contact: its own)")
                    @QueryParam("network")
                    String network) {
        String scope = NetworkAccess.requireNetwork(caller, network);
        return readiness.inviteNext(id, scope).stream().map(ReadinessView::of).toList();
    }
}
