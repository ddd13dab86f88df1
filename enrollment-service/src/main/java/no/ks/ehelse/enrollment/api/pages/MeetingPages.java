package no.ks.ehelse.enrollment.api.pages;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.ehelse.enrollment.api.MeetingResource;
import no.ks.ehelse.enrollment.domain.Meeting;
import no.ks.ehelse.enrollment.domain.Meetings;
import no.ks.ehelse.enrollment.domain.MeetingsConfig;
import no.ks.ehelse.enrollment.domain.MunicipalityProjection;
import no.ks.ehelse.enrollment.domain.RequestLimits;
import no.ks.ehelse.enrollment.domain.SolutionProjection;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.web.FormErrors;
import no.ks.ehelse.platform.web.PageNotice;

/**
 * The public pages of information meetings, no sign-in: a meeting with its registration form, the confirmation at
 * once (status and waiting-list position, nobody's personal data), and cancelling by the signed link in the mail.
 */
@Path("/informasjonsmoter")
@Produces(MediaType.TEXT_HTML)
public class MeetingPages {

    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    static final int MAX_TEXT = 200;

    /** What the person typed, shown again beside the errors. */
    public record Form(String name, String email, String municipality, String role) {

        static final Form EMPTY = new Form("", "", "", "");
    }

    private final Meetings meetings;
    private final RequestLimits limits;
    private final MeetingsConfig config;
    private final Template meetingPage;
    private final Template confirmation;
    private final Template cancelPage;

    MeetingPages(
            Meetings meetings,
            RequestLimits limits,
            MeetingsConfig config,
            @Location("pages/meeting.html") Template meetingPage,
            @Location("pages/meeting-registration.html") Template confirmation,
            @Location("pages/meeting-cancel.html") Template cancelPage) {
        this.meetings = meetings;
        this.limits = limits;
        this.config = config;
        this.meetingPage = meetingPage;
        this.confirmation = confirmation;
        this.cancelPage = cancelPage;
    }

    @GET
    @Path("{id: " + UUID_PATTERN + "}")
    public TemplateInstance show(@PathParam("id") UUID id) {
        return render(meetings.get(id), Form.EMPTY, FormErrors.none(), null);
    }

    @POST
    @Path("{id: " + UUID_PATTERN + "}/pamelding")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(
            @PathParam("id") UUID id,
            @FormParam("name") String name,
            @FormParam("email") String email,
            @FormParam("municipality") String municipality,
            @FormParam("role") String role,
            @Context HttpServerRequest http) {
        Meeting meeting = meetings.get(id);
        Form form = new Form(orEmpty(name), orEmpty(email), orEmpty(municipality), orEmpty(role));
        FormErrors errors = FormErrors.none()
                .required("name", name, "Skriv navnet ditt.")
                .maxLength("name", name, MAX_TEXT, "Navnet kan være på høyst " + MAX_TEXT + " tegn.")
                .required("email", email, "Skriv e-postadressen din.");
        if (!errors.has("email") && !email.strip().matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
            errors.add("email", "Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.");
        }
        errors.required("municipality", municipality, "Velg kommunen du jobber i.");
        if (!errors.has("municipality")) {
            try {
                meetings.municipality(municipality);
            } catch (ProblemException notFound) {
                errors.add(
                        "municipality",
                        notFound.getMessage().contains("several")
                                ? "Flere kommuner passer til «" + municipality.strip()
                                        + "». Velg kommunen i listen, eller skriv kommunenummeret."
                                : "Finner ingen kommune som passer til «" + municipality.strip()
                                        + "». Velg kommunen i listen, eller skriv kommunenummeret (fire siffer).");
            }
        }
        errors.required("role", role, "Skriv rollen din, for eksempel fastlege eller kommuneoverlege.")
                .maxLength("role", role, MAX_TEXT, "Rollen kan være på høyst " + MAX_TEXT + " tegn.");
        if (errors.any()) {
            return Response.status(422)
                    .entity(render(meeting, form, errors, null))
                    .build();
        }
        try {
            limits.take(email.strip().toLowerCase(Locale.ROOT), MeetingResource.clientAddress(http, config));
            Meetings.Registered registered =
                    meetings.register(id, new Meetings.Registrant(name, email, municipality, role));
            return Response.seeOther(
                            URI.create("/informasjonsmoter/" + id + "/pamelding/" + registered.registration().id
                                    + "?melding=" + (registered.existed() ? "finnes" : "pameldt")))
                    .build();
        } catch (ProblemException refusal) {
            String text =
                    switch (refusal.type()) {
                        case "too-many-requests" ->
                            "Det er sendt for mange påmeldinger fra denne e-postadressen eller denne maskinen den siste"
                                    + " timen. Vent litt og prøv igjen senere.";
                        case "registration-closed" -> "Påmeldingen til dette møtet er stengt.";
                        case "meeting-cancelled" -> "Møtet er avlyst.";
                        default -> null;
                    };
            if (text == null) {
                throw refusal;
            }
            return Response.status(refusal.status())
                    .entity(render(meeting, form, FormErrors.none(), text))
                    .build();
        }
    }

    @GET
    @Path("{id: " + UUID_PATTERN + "}/pamelding/{registration: " + UUID_PATTERN + "}")
    public TemplateInstance confirmation(
            @PathParam("id") UUID id,
            @PathParam("registration") UUID registration,
            @QueryParam("melding") String notice) {
        Meetings.Registered r = meetings.registration(id, registration);
        return confirmation
                .data("r", r)
                .data("solution", solutionName(r.meeting()))
                .data(
                        "notice",
                        PageNotice.textOf(
                                notice,
                                new PageNotice(
                                        "pameldt", "Påmeldingen er registrert. Du får en bekreftelse på e-post."),
                                new PageNotice(
                                        "finnes",
                                        "Du er allerede påmeldt dette møtet. Vi har sendt e-posten med lenken til"
                                                + " avmelding på nytt.")))
                .data("existed", "finnes".equals(notice));
    }

    @GET
    @Path("avmelding")
    public Response cancelForm(@QueryParam("token") String token) {
        return cancelAnswer(token, false);
    }

    @POST
    @Path("avmelding")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@FormParam("token") String token) {
        return cancelAnswer(token, true);
    }

    private Response cancelAnswer(String token, boolean confirm) {
        Meetings.Registered r;
        try {
            r = confirm ? meetings.cancelByToken(token) : meetings.byToken(token);
        } catch (ProblemException refused) {
            if (refused.status() == 404 || refused.status() >= 500) {
                throw refused;
            }
            String text = "link-expired".equals(refused.type())
                    ? "Lenken til avmelding er utløpt. Den gjelder til dagen etter møtet."
                    : "Lenken til avmelding er ikke gyldig. Bruk lenken i e-posten du fikk da du meldte deg på.";
            return Response.status(refused.status())
                    .entity(cancelPage
                            .data("r", null)
                            .data("error", text)
                            .data("token", "")
                            .data("done", false))
                    .build();
        }
        if (confirm) {
            return Response.seeOther(URI.create("/informasjonsmoter/avmelding?token=" + token))
                    .build();
        }
        return Response.ok(cancelPage
                        .data("r", r)
                        .data("error", null)
                        .data("token", token)
                        .data("done", r.registration().status.name().equals("CANCELLED")))
                .build();
    }

    private TemplateInstance render(Meeting meeting, Form form, FormErrors errors, String refusal) {
        List<MunicipalityProjection> municipalities = meetings.municipalities();
        Meetings.Counts counts = meetings.counts(meeting.id);
        return meetingPage
                .data("meeting", meeting)
                .data("solution", solutionName(meeting))
                .data("open", meeting.takesRegistrations(meetings.now()))
                .data("full", meeting.capacity != null && counts.confirmed() >= meeting.capacity)
                .data("form", form)
                .data("errors", errors)
                .data("refusal", refusal)
                .data("municipalities", municipalities);
    }

    private static String solutionName(Meeting meeting) {
        SolutionProjection s = SolutionProjection.findById(meeting.solution);
        return s == null ? meeting.solution : s.name;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
