package no.ks.ehelse.enrollment.api.pages;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.ehelse.enrollment.api.MeetingResource;
import no.ks.ehelse.enrollment.domain.Meeting;
import no.ks.ehelse.enrollment.domain.MeetingRegistration;
import no.ks.ehelse.enrollment.domain.Meetings;
import no.ks.ehelse.enrollment.domain.MunicipalityProjection;
import no.ks.ehelse.enrollment.domain.SolutionProjection;
import no.ks.ehelse.enrollment.domain.Track;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.web.FormErrors;
import no.ks.ehelse.platform.web.PageNotice;

/**
 * The lead's pages for information meetings (signed in; admin or the lead of the solution, as the API): the
 * solution's meetings with "attended but not enrolled", scheduling, changing and cancelling a meeting, and the
 * attendee list with its counts and a CSV download.
 */
@Path("/informasjonsmoter/ledelse")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class MeetingLeadPages {

    /** The meeting form as typed: dates and times apart, as the browser's date and time fields give them. */
    @TemplateData
    public record Form(
            String title,
            String description,
            String date,
            String startTime,
            String endTime,
            String onlineUrl,
            String place,
            String capacity,
            String closesDate,
            String closesTime,
            String trackId,
            String organizerName,
            String organizerEmail,
            String reason) {

        static Form of(Meeting m) {
            return new Form(
                    m.title,
                    orEmpty(m.description),
                    m.start().toLocalDate().toString(),
                    m.start().toLocalTime().toString(),
                    m.end().toLocalTime().toString(),
                    orEmpty(m.onlineUrl),
                    orEmpty(m.place),
                    m.capacity == null ? "" : m.capacity.toString(),
                    m.closes().toLocalDate().toString(),
                    m.closes().toLocalTime().toString(),
                    m.trackId == null ? "" : m.trackId.toString(),
                    m.organizerName,
                    m.organizerEmail,
                    "");
        }
    }

    /** One row of the attendee list, with the municipality's name. */
    @TemplateData
    public record Row(MeetingRegistration registration, String municipalityName) {}

    private final Meetings meetings;
    private final Caller caller;
    private final Template overview;
    private final Template form;
    private final Template cancelForm;
    private final Template attendees;

    MeetingLeadPages(
            Meetings meetings,
            Caller caller,
            @Location("pages/meeting-lead.html") Template overview,
            @Location("pages/meeting-form.html") Template form,
            @Location("pages/meeting-lead-cancel.html") Template cancelForm,
            @Location("pages/meeting-attendees.html") Template attendees) {
        this.meetings = meetings;
        this.caller = caller;
        this.overview = overview;
        this.form = form;
        this.cancelForm = cancelForm;
        this.attendees = attendees;
    }

    @GET
    @Path("losninger/{code}")
    public TemplateInstance overview(@PathParam("code") String code, @QueryParam("melding") String notice) {
        SolutionProjection solution = solution(code);
        return overview.data("solution", solution)
                .data("meetings", meetings.list(code, null).list())
                .data("attended", meetings.attendedNotEnrolled(code, caller))
                .data(
                        "notice",
                        PageNotice.textOf(
                                notice,
                                new PageNotice("opprettet", "Møtet er opprettet og kunngjort."),
                                new PageNotice("avlyst", "Møtet er avlyst. De påmeldte får beskjed på e-post.")));
    }

    @GET
    @Path("ny")
    public TemplateInstance newMeeting(@QueryParam("losning") String code) {
        SolutionProjection solution = solution(code);
        requireManager(code);
        Form empty = new Form("", "", "", "", "", "", "", "", "", "", "", "", "", "");
        return formPage(solution, null, empty, FormErrors.none());
    }

    @POST
    @Path("ny")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(
            @QueryParam("losning") String code,
            @FormParam("title") String title,
            @FormParam("description") String description,
            @FormParam("date") String date,
            @FormParam("startTime") String startTime,
            @FormParam("endTime") String endTime,
            @FormParam("onlineUrl") String onlineUrl,
            @FormParam("place") String place,
            @FormParam("capacity") String capacity,
            @FormParam("closesDate") String closesDate,
            @FormParam("closesTime") String closesTime,
            @FormParam("trackId") String trackId,
            @FormParam("organizerName") String organizerName,
            @FormParam("organizerEmail") String organizerEmail) {
        SolutionProjection solution = solution(code);
        Form typed = new Form(
                orEmpty(title),
                orEmpty(description),
                orEmpty(date),
                orEmpty(startTime),
                orEmpty(endTime),
                orEmpty(onlineUrl),
                orEmpty(place),
                orEmpty(capacity),
                orEmpty(closesDate),
                orEmpty(closesTime),
                orEmpty(trackId),
                orEmpty(organizerName),
                orEmpty(organizerEmail),
                "");
        FormErrors errors = FormErrors.none();
        Meetings.Draft draft = draft(code, typed, errors);
        if (errors.any()) {
            return Response.status(422)
                    .entity(formPage(solution, null, typed, errors))
                    .build();
        }
        try {
            Meeting created = meetings.create(draft, caller);
            return Response.seeOther(URI.create("/informasjonsmoter/ledelse/" + created.id + "?melding=opprettet"))
                    .build();
        } catch (ProblemException refused) {
            return refusedForm(refused, solution, null, typed);
        }
    }

    @GET
    @Path("{id: " + MeetingPages.UUID_PATTERN + "}/endre")
    public TemplateInstance edit(@PathParam("id") UUID id) {
        Meeting m = managed(id);
        return formPage(solution(m.solution), m, Form.of(m), FormErrors.none());
    }

    @POST
    @Path("{id: " + MeetingPages.UUID_PATTERN + "}/endre")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(
            @PathParam("id") UUID id,
            @FormParam("title") String title,
            @FormParam("description") String description,
            @FormParam("date") String date,
            @FormParam("startTime") String startTime,
            @FormParam("endTime") String endTime,
            @FormParam("onlineUrl") String onlineUrl,
            @FormParam("place") String place,
            @FormParam("capacity") String capacity,
            @FormParam("closesDate") String closesDate,
            @FormParam("closesTime") String closesTime,
            @FormParam("trackId") String trackId,
            @FormParam("organizerName") String organizerName,
            @FormParam("organizerEmail") String organizerEmail) {
        Meeting m = managed(id);
        SolutionProjection solution = solution(m.solution);
        Form typed = new Form(
                orEmpty(title),
                orEmpty(description),
                orEmpty(date),
                orEmpty(startTime),
                orEmpty(endTime),
                orEmpty(onlineUrl),
                orEmpty(place),
                orEmpty(capacity),
                orEmpty(closesDate),
                orEmpty(closesTime),
                orEmpty(trackId),
                orEmpty(organizerName),
                orEmpty(organizerEmail),
                "");
        FormErrors errors = FormErrors.none();
        Meetings.Draft draft = draft(m.solution, typed, errors);
        if (errors.any()) {
            return Response.status(422)
                    .entity(formPage(solution, m, typed, errors))
                    .build();
        }
        try {
            meetings.change(id, draft, caller);
            return Response.seeOther(URI.create("/informasjonsmoter/ledelse/" + id + "?melding=endret"))
                    .build();
        } catch (ProblemException refused) {
            return refusedForm(refused, solution, m, typed);
        }
    }

    @GET
    @Path("{id: " + MeetingPages.UUID_PATTERN + "}/avlys")
    public TemplateInstance cancelPage(@PathParam("id") UUID id) {
        Meeting m = managed(id);
        return cancelForm.data("meeting", m).data("reason", "").data("errors", FormErrors.none());
    }

    @POST
    @Path("{id: " + MeetingPages.UUID_PATTERN + "}/avlys")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") UUID id, @FormParam("reason") String reason) {
        Meeting m = managed(id);
        FormErrors errors =
                FormErrors.none().maxLength("reason", reason, 1000, "Begrunnelsen kan være på høyst 1000 tegn.");
        if (errors.any() || m.status == Meeting.Status.CANCELLED) {
            if (!errors.any()) {
                errors.add("reason", "Møtet er allerede avlyst.");
            }
            return Response.status(errors.has("reason") && m.status == Meeting.Status.CANCELLED ? 409 : 422)
                    .entity(cancelForm
                            .data("meeting", m)
                            .data("reason", orEmpty(reason))
                            .data("errors", errors))
                    .build();
        }
        meetings.cancel(id, reason, caller);
        return Response.seeOther(URI.create("/informasjonsmoter/ledelse/losninger/" + m.solution + "?melding=avlyst"))
                .build();
    }

    @GET
    @Path("{id: " + MeetingPages.UUID_PATTERN + "}")
    public TemplateInstance attendees(@PathParam("id") UUID id, @QueryParam("melding") String notice) {
        Meeting m = managed(id);
        Map<String, String> names = MunicipalityProjection.<MunicipalityProjection>listAll().stream()
                .collect(Collectors.toMap(x -> x.kommunenummer, x -> x.name));
        List<Row> rows = meetings.attendees(id, caller).list().stream()
                .map(r -> new Row(r, names.getOrDefault(r.kommunenummer, r.kommunenummer)))
                .toList();
        return attendees
                .data("meeting", m)
                .data("solution", solution(m.solution))
                .data("rows", rows)
                .data("counts", meetings.counts(id))
                .data(
                        "notice",
                        PageNotice.textOf(
                                notice,
                                new PageNotice("opprettet", "Møtet er opprettet og kunngjort."),
                                new PageNotice(
                                        "endret", "Endringen er lagret. De påmeldte får en oppdatert invitasjon.")));
    }

    @GET
    @Path("{id: " + MeetingPages.UUID_PATTERN + "}/pameldte.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("id") UUID id) {
        Meeting m = managed(id);
        return Response.ok(
                        MeetingResource.attendeeCsv(
                                meetings.attendees(id, caller).list()),
                        "text/csv; charset=UTF-8")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"pameldte-" + m.start().toLocalDate() + ".csv\"")
                .build();
    }

    private Response refusedForm(ProblemException refused, SolutionProjection solution, Meeting m, Form typed) {
        if (refused.status() != 400 && refused.status() != 409) {
            throw refused;
        }
        FormErrors errors = FormErrors.none();
        var violations = refused.toProblem(null).violations();
        String field = violations == null || violations.isEmpty()
                ? "title"
                : violations.get(0).field();
        String formField =
                switch (field) {
                    case "start", "end" -> "endTime";
                    case "registrationClosesAt" -> "closesDate";
                    case "solution" -> "title";
                    default -> field;
                };
        errors.add(formField, norwegian(field, refused));
        return Response.status(refused.status() == 409 ? 409 : 422)
                .entity(formPage(solution, m, typed, errors))
                .build();
    }

    private static String norwegian(String field, ProblemException refused) {
        return switch (field) {
            case "end" -> "Møtet må slutte etter at det starter.";
            case "onlineUrl" ->
                refused.getMessage().contains("https")
                        ? "Lenken må begynne med https://."
                        : "Oppgi en lenke til nettmøtet eller et sted (eller begge).";
            case "registrationClosesAt" -> "Påmeldingen må stenge senest når møtet starter.";
            case "trackId" -> "Velg et innføringsløp for denne løsningen.";
            case "organizerEmail" ->
                "Oppgi arrangørens e-postadresse (innføringsløpet har ingen innføringsleder med e-postadresse).";
            default -> "Møtet kan ikke lagres: " + refused.getMessage();
        };
    }

    private Meetings.Draft draft(String solution, Form f, FormErrors errors) {
        errors.required("title", f.title(), "Skriv en tittel.")
                .maxLength("title", f.title(), 200, "Tittelen kan være på høyst 200 tegn.")
                .maxLength("description", f.description(), 4000, "Beskrivelsen kan være på høyst 4000 tegn.");
        LocalDate date = date(f.date(), "date", "Velg dato for møtet.", errors);
        LocalTime start = time(f.startTime(), "startTime", "Skriv når møtet starter, for eksempel 10:00.", errors);
        LocalTime end = time(f.endTime(), "endTime", "Skriv når møtet slutter, for eksempel 11:30.", errors);
        Integer capacity = null;
        if (!f.capacity().isBlank()) {
            try {
                capacity = Integer.valueOf(f.capacity().strip());
                if (capacity < 1) {
                    errors.add("capacity", "Antall plasser må være minst 1, eller tomt for ingen grense.");
                }
            } catch (NumberFormatException e) {
                errors.add("capacity", "Antall plasser må være et helt tall, eller tomt for ingen grense.");
            }
        }
        LocalDateTime closes = null;
        if (!f.closesDate().isBlank() || !f.closesTime().isBlank()) {
            LocalDate cd = date(f.closesDate(), "closesDate", "Velg datoen påmeldingen stenger.", errors);
            LocalTime ct = f.closesTime().isBlank()
                    ? LocalTime.of(23, 59)
                    : time(f.closesTime(), "closesTime", "Skriv klokkeslettet påmeldingen stenger.", errors);
            closes = cd == null || ct == null ? null : cd.atTime(ct);
        }
        UUID track = null;
        if (!f.trackId().isBlank()) {
            track = MunicipalityPages.uuid(f.trackId()).orElse(null);
            if (track == null) {
                errors.add("trackId", "Velg et innføringsløp i listen.");
            }
        }
        if (errors.any()) {
            return null;
        }
        return new Meetings.Draft(
                solution,
                track,
                f.title(),
                f.description(),
                date.atTime(start),
                date.atTime(end),
                f.onlineUrl(),
                f.place(),
                capacity,
                closes,
                f.organizerName(),
                f.organizerEmail());
    }

    private static LocalDate date(String value, String field, String message, FormErrors errors) {
        if (value == null || value.isBlank()) {
            errors.add(field, message);
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(field, "Skriv datoen som åååå-mm-dd.");
            return null;
        }
    }

    private static LocalTime time(String value, String field, String message, FormErrors errors) {
        if (value == null || value.isBlank()) {
            errors.add(field, message);
            return null;
        }
        try {
            return LocalTime.parse(value.strip().replace('.', ':'));
        } catch (DateTimeParseException e) {
            errors.add(field, "Skriv klokkeslettet som tt:mm, for eksempel 10:00.");
            return null;
        }
    }

    private TemplateInstance formPage(SolutionProjection solution, Meeting m, Form typed, FormErrors errors) {
        return form.data("solution", solution)
                .data("meeting", m)
                .data("form", typed)
                .data("errors", errors)
                .data("tracks", Track.<Track>list("solution", solution.code));
    }

    private Meeting managed(UUID id) {
        Meeting m = meetings.get(id);
        if (!meetings.mayManage(caller, m)) {
            throw new ProblemException(403, "forbidden", "Forbidden", "Only an admin or the solution's lead");
        }
        return m;
    }

    private void requireManager(String solution) {
        Meeting probe = new Meeting();
        probe.solution = solution;
        if (!meetings.mayManage(caller, probe)) {
            throw new ProblemException(403, "forbidden", "Forbidden", "Only an admin or the solution's lead");
        }
    }

    private static SolutionProjection solution(String code) {
        SolutionProjection s = code == null ? null : SolutionProjection.findById(code);
        if (s == null) {
            throw ProblemException.notFound("Solution", String.valueOf(code));
        }
        return s;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
