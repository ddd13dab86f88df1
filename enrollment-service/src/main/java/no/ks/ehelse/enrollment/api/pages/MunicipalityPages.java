package no.ks.ehelse.enrollment.api.pages;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
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
import no.ks.ehelse.enrollment.domain.Catalogue;
import no.ks.ehelse.enrollment.domain.Enrollments;
import no.ks.ehelse.enrollment.domain.Track;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.web.FormErrors;

/**
 * A municipality's own page: its enrollments with their status, and sign-up for an open track with one click
 * (a form that posts and redirects to the new enrollment's page). The municipality itself, its network, leads and
 * admins. Whoever may enroll it after a track's deadline (the track's lead, an admin, its network) gets a page
 * per track that asks for the reason first.
 */
@Path("/kommuner/{kommunenummer: [0-9]{4}}")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class MunicipalityPages {

    private final Catalogue catalogue;
    private final Enrollments enrollments;
    private final Caller caller;
    private final Template page;
    private final Template late;

    MunicipalityPages(
            Catalogue catalogue,
            Enrollments enrollments,
            Caller caller,
            @Location("pages/municipality.html") Template page,
            @Location("pages/late-enrollment.html") Template late) {
        this.catalogue = catalogue;
        this.enrollments = enrollments;
        this.caller = caller;
        this.page = page;
        this.late = late;
    }

    @GET
    public TemplateInstance show(
            @PathParam("kommunenummer") String kommunenummer, @QueryParam("melding") String notice) {
        return render(kommunenummer, null, "avbud".equals(notice) ? "Avbudet er registrert." : null);
    }

    @POST
    @Path("pameldinger")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signUp(@PathParam("kommunenummer") String kommunenummer, @FormParam("track") String track) {
        Optional<UUID> trackId = uuid(track);
        Optional<Track> chosen = trackId.flatMap(catalogue::track);
        if (chosen.isEmpty()) {
            return Response.status(422)
                    .entity(render(kommunenummer, "Innføringsløpet du valgte finnes ikke. Velg et løp i listen.", null))
                    .build();
        }
        return signedUp(
                () -> enrollments.enroll(trackId.get(), kommunenummer, null, caller),
                chosen.get(),
                kommunenummer,
                explained -> render(kommunenummer, explained, null));
    }

    /** A host signs up one of its partners in the track of its own enrollment {@code enrollment}. */
    @POST
    @Path("pameldinger/{enrollment}/partnere")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signUpPartner(
            @PathParam("kommunenummer") String kommunenummer,
            @PathParam("enrollment") String enrollment,
            @FormParam("partner") String partner) {
        Optional<UUID> hostEnrollment = uuid(enrollment);
        if (hostEnrollment.isEmpty() || partner == null || !partner.matches("[0-9]{4}")) {
            return Response.status(422)
                    .entity(render(kommunenummer, "Velg en samarbeidskommune i listen.", null))
                    .build();
        }
        return signedUp(
                () -> enrollments.enrollPartner(hostEnrollment.get(), partner, null, caller),
                catalogue.trackOf(hostEnrollment.get()).orElse(null),
                partner,
                explained -> render(kommunenummer, explained, null));
    }

    /** The late sign-up of one track: what it is and the reason the history and the lead will see. */
    @GET
    @Path("pameldinger/sen/{track}")
    public TemplateInstance lateSignUp(
            @PathParam("kommunenummer") String kommunenummer, @PathParam("track") String track) {
        return latePage(kommunenummer, track, "", FormErrors.none(), null);
    }

    @POST
    @Path("pameldinger/sen/{track}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signUpLate(
            @PathParam("kommunenummer") String kommunenummer,
            @PathParam("track") String track,
            @FormParam("lateReason") String reason) {
        FormErrors errors = FormErrors.none()
                .required("lateReason", reason, "Skriv hvorfor kommunen meldes på etter fristen.")
                .maxLength(
                        "lateReason",
                        reason,
                        EnrollmentPages.MAX_REASON,
                        "Begrunnelsen kan være på høyst " + EnrollmentPages.MAX_REASON + " tegn.");
        if (errors.any()) {
            return Response.status(422)
                    .entity(latePage(kommunenummer, track, reason, errors, null))
                    .build();
        }
        Catalogue.TrackPlaces chosen = lateTrack(catalogue.municipality(kommunenummer, caller), track);
        return signedUp(
                () -> enrollments.enroll(chosen.track().id, kommunenummer, reason.strip(), caller),
                chosen.track(),
                kommunenummer,
                explained -> latePage(kommunenummer, track, reason, FormErrors.none(), explained));
    }

    /**
     * Every sign-up's ending: to the new enrollment's page, or the form again with the refusal in Norwegian; a refusal
     * the page cannot explain (403, 404) goes on to the error pages.
     */
    private static Response signedUp(
            java.util.function.Supplier<Enrollments.Placed> enroll,
            Track track,
            String municipality,
            java.util.function.Function<String, TemplateInstance> refused) {
        try {
            Enrollments.Placed placed = enroll.get();
            return Response.seeOther(URI.create("/pameldinger/" + placed.enrollment().id + "?melding=pameldt"))
                    .build();
        } catch (ProblemException refusal) {
            String explained = Refusals.explain(refusal, track, municipality);
            if (explained == null) {
                throw refusal;
            }
            return Response.status(refusal.status())
                    .entity(refused.apply(explained))
                    .build();
        }
    }

    private TemplateInstance latePage(
            String kommunenummer, String track, String reason, FormErrors errors, String refusal) {
        Catalogue.MunicipalityPage data = catalogue.municipality(kommunenummer, caller);
        Catalogue.TrackPlaces chosen = lateTrack(data, track);
        return late.data("page", data)
                .data("open", chosen)
                .data("solution", catalogue.solutionName(chosen.track().solution))
                .data("reason", reason == null ? "" : reason)
                .data("errors", errors)
                .data("refusal", refusal)
                .data("maxReason", EnrollmentPages.MAX_REASON);
    }

    /** The track among those this caller may enroll the municipality in late; 404 for any other. */
    private static Catalogue.TrackPlaces lateTrack(Catalogue.MunicipalityPage page, String track) {
        Optional<UUID> id = uuid(track);
        return page.lateJoin().stream()
                .filter(t -> id.isPresent() && t.track().id.equals(id.get()))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("Late sign-up", track));
    }

    private TemplateInstance render(String kommunenummer, String refusal, String notice) {
        Catalogue.MunicipalityPage data = catalogue.municipality(kommunenummer, caller);
        return page.data("page", data).data("refusal", refusal).data("notice", notice);
    }

    static Optional<UUID> uuid(String value) {
        if (value == null || value.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
