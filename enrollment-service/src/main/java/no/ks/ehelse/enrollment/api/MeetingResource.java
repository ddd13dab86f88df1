package no.ks.ehelse.enrollment.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.ehelse.enrollment.domain.Meeting;
import no.ks.ehelse.enrollment.domain.MeetingRegistration;
import no.ks.ehelse.enrollment.domain.Meetings;
import no.ks.ehelse.enrollment.domain.MeetingsConfig;
import no.ks.ehelse.enrollment.domain.MunicipalityProjection;
import no.ks.ehelse.enrollment.domain.RequestLimits;
import no.ks.ehelse.platform.api.Page;
import no.ks.ehelse.platform.api.PageRequest;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;

@Path("/api/v1")
@Tag(name = "Meetings", description = "Information meetings (informasjonsmøter) and registrations for them")
public class MeetingResource {

    static final String CSV = "text/csv";
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final Meetings meetings;
    private final RequestLimits limits;
    private final MeetingsConfig config;
    private final Caller caller;

    MeetingResource(Meetings meetings, RequestLimits limits, MeetingsConfig config, Caller caller) {
        this.meetings = meetings;
        this.limits = limits;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @Path("meetings")
    @Authenticated
    @Operation(
            operationId = "listMeetings",
            summary = "Information meetings, of one solution, ending at or after `from`")
    public Page<MeetingView> list(
            @Parameter(description = "solution code, e.g. digihelse") @QueryParam("solution") String solution,
            @Parameter(description = "ISO-8601 with offset, e.g. 2027-01-01T00:00:00+01:00") @QueryParam("from")
                    OffsetDateTime from,
            @BeanParam @Valid PageRequest page) {
        return Page.of(meetings.list(solution, from), page, MeetingView::of);
    }

    @GET
    @Path("meetings/{id}")
    @Authenticated
    @Operation(operationId = "getMeeting", summary = "One information meeting")
    public MeetingView get(@PathParam("id") UUID id) {
        return MeetingView.of(meetings.get(id));
    }

    @POST
    @Path("meetings")
    @RolesAllowed({Roles.ADMIN, Roles.LEAD})
    @Operation(
            operationId = "scheduleMeeting",
            summary =
                    "Schedule an information meeting (admin, or the lead of its solution); announces meeting.scheduled")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers =
                    @Header(
                            name = "Location",
                            required = true,
                            description = "the new meeting",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MeetingView.class)))
    public Response create(@NotNull(message = "a body is required") @Valid MeetingRequest request) {
        MeetingView created = MeetingView.of(meetings.create(request.draft(), caller));
        return Response.created(URI.create("/api/v1/meetings/" + created.id()))
                .entity(created)
                .build();
    }

    @PUT
    @Path("meetings/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.LEAD})
    @Operation(
            operationId = "changeMeeting",
            summary =
                    "Change a meeting (admin or its lead): its sequence goes up and meeting.changed tells the registrants; a larger capacity promotes from the waiting list")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MeetingView.class)))
    @APIResponse(responseCode = "409", description = "The meeting is cancelled (`meeting-cancelled`)")
    public MeetingView change(
            @PathParam("id") UUID id, @NotNull(message = "a body is required") @Valid MeetingRequest request) {
        return MeetingView.of(meetings.change(id, request.draft(), caller));
    }

    @POST
    @Path("meetings/{id}/cancellation")
    @RolesAllowed({Roles.ADMIN, Roles.LEAD})
    @Operation(
            operationId = "cancelMeeting",
            summary =
                    "Cancel a meeting (admin or its lead): meeting.cancelled, and registration-cancelled (MEETING_CANCELLED) for every registration")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MeetingView.class)))
    @APIResponse(responseCode = "409", description = "The meeting is cancelled already (`meeting-cancelled`)")
    public MeetingView cancel(
            @PathParam("id") UUID id, @NotNull(message = "a body is required") @Valid MeetingRequests.Cancel request) {
        return MeetingView.of(meetings.cancel(id, request.reason(), caller));
    }

    @GET
    @Path("meetings/{id}/registrations")
    @RolesAllowed({Roles.ADMIN, Roles.LEAD})
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(
            operationId = "listMeetingRegistrations",
            summary =
                    "The attendee list (admin or the solution's lead) in the order people registered; `format=csv` for a spreadsheet (UTF-8 with BOM, `;`)")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = AttendeePage.class)),
                @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))
            })
    public Response registrations(
            @PathParam("id") UUID id,
            @Parameter(description = "json (default) or csv") @QueryParam("format") String format,
            @BeanParam @Valid PageRequest page) {
        if (format != null && !List.of("json", "csv").contains(format)) {
            throw ProblemException.invalidField("format", "must be json or csv")
                    .with("allowed", List.of("json", "csv"));
        }
        var query = meetings.attendees(id, caller);
        Function<MeetingRegistration, MeetingRequests.Attendee> row = attendee(names());
        if ("csv".equals(format)) {
            Meeting meeting = meetings.get(id);
            List<MeetingRequests.Attendee> all = query.list().stream().map(row).toList();
            return Response.ok(csv(all), CSV + "; charset=UTF-8")
                    .header(
                            "Content-Disposition",
                            "attachment; filename=\"pameldte-" + meeting.start().toLocalDate() + ".csv\"")
                    .build();
        }
        return Response.ok(Page.of(query, page, row), MediaType.APPLICATION_JSON)
                .build();
    }

    @GET
    @Path("meetings/{id}/attendance")
    @RolesAllowed({Roles.ADMIN, Roles.LEAD})
    @Operation(
            operationId = "getMeetingAttendance",
            summary =
                    "How many registered (admin or the solution's lead): distinct people by e-mail and distinct municipalities, cancellations left out")
    public MeetingRequests.Attendance attendance(@PathParam("id") UUID id) {
        meetings.attendees(id, caller);
        return MeetingRequests.Attendance.of(meetings.counts(id));
    }

    @GET
    @Path("meetings/attended-not-enrolled")
    @RolesAllowed({Roles.ADMIN, Roles.LEAD})
    @Operation(
            operationId = "listAttendedNotEnrolled",
            summary =
                    "Municipalities with a confirmed registration for a past meeting of the solution and no enrollment in its open tracks (any track when none is open)")
    public MeetingRequests.AttendedNotEnrolled attendedNotEnrolled(
            @Parameter(description = "solution code", required = true) @QueryParam("solution") String solution) {
        if (solution == null || solution.isBlank()) {
            throw ProblemException.invalidField("solution", "is required");
        }
        return MeetingRequests.AttendedNotEnrolled.of(meetings.attendedNotEnrolled(solution, caller));
    }

    @POST
    @Path("meetings/{id}/registrations")
    @PermitAll
    @Operation(
            operationId = "registerForMeeting",
            summary =
                    "Register for a meeting, no sign-in: CONFIRMED, or WAITLISTED with position when full; an address registered already gets `existed` and the mail with its link again")
    @APIResponse(
            responseCode = "201",
            description = "Registered (or, with `existed`, registered before)",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = MeetingRequests.Registration.class)))
    @APIResponse(
            responseCode = "409",
            description = "Registration is closed (`registration-closed`) or the meeting cancelled")
    @APIResponse(responseCode = "429", description = "Too many requests for this e-mail address or client address")
    public Response register(
            @PathParam("id") UUID id,
            @NotNull(message = "a body is required") @Valid MeetingRequests.Register request,
            @Context HttpServerRequest http) {
        meetings.get(id);
        limits.take(request.email().strip().toLowerCase(java.util.Locale.ROOT), clientAddress(http, config));
        MeetingRequests.Registration answer =
                MeetingRequests.Registration.of(meetings.register(id, request.registrant()));
        return Response.status(201).entity(answer).build();
    }

    @POST
    @Path("meeting-registrations/cancellation")
    @PermitAll
    @Operation(
            operationId = "cancelMeetingRegistration",
            summary =
                    "Cancel a registration with the signed token of its cancel link, no sign-in; a second time is a no-op")
    @APIResponse(
            responseCode = "200",
            description = "Cancelled",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = MeetingRequests.Registration.class)))
    @APIResponse(responseCode = "410", description = "The link expired (`link-expired`)")
    public MeetingRequests.Registration cancelRegistration(
            @NotNull(message = "a body is required") @Valid MeetingRequests.Token request) {
        return MeetingRequests.Registration.of(meetings.cancelByToken(request.token()));
    }

    /** The client: X-Forwarded-For's first hop behind the trusted proxy, else the connection's address. */
    public static String clientAddress(HttpServerRequest http, MeetingsConfig config) {
        if (config.trustForwardedFor()) {
            String forwarded = http.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].strip();
            }
        }
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }

    static Map<String, String> names() {
        return MunicipalityProjection.<MunicipalityProjection>listAll().stream()
                .collect(Collectors.toMap(m -> m.kommunenummer, m -> m.name));
    }

    static Function<MeetingRegistration, MeetingRequests.Attendee> attendee(Map<String, String> names) {
        return r -> new MeetingRequests.Attendee(
                r.id,
                r.name,
                r.email,
                r.kommunenummer,
                names.getOrDefault(r.kommunenummer, r.kommunenummer),
                r.role,
                r.status,
                r.createdAt.atZoneSameInstant(Meeting.ZONE).toOffsetDateTime());
    }

    /** The attendee list as CSV, for the lead's page as for the API. */
    public static byte[] attendeeCsv(List<MeetingRegistration> registrations) {
        return csv(registrations.stream().map(attendee(names())).toList());
    }

    /** Excel in Norway reads `;`-separated UTF-8 with a BOM; a cell starting like a formula is made text. */
    static byte[] csv(List<MeetingRequests.Attendee> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append("Navn;E-post;Kommunenummer;Kommune;Rolle;Status;Påmeldt\r\n");
        for (MeetingRequests.Attendee a : rows) {
            out.append(String.join(
                            ";",
                            cell(a.name()),
                            cell(a.email()),
                            cell(a.kommunenummer()),
                            cell(a.municipalityName()),
                            cell(a.role()),
                            cell(status(a.status())),
                            cell(CSV_TIME.format(a.registeredAt()))))
                    .append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String status(MeetingRegistration.Status status) {
        return switch (status) {
            case CONFIRMED -> "Bekreftet";
            case WAITLISTED -> "Venteliste";
            case CANCELLED -> "Avmeldt";
        };
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /** The attendee list's JSON page, for the API document. */
    @Schema(name = "AttendeePage")
    public record AttendeePage(
            List<MeetingRequests.Attendee> items, int page, int size, long totalItems, int totalPages) {}
}
