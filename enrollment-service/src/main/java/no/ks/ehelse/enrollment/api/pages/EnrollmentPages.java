package no.ks.ehelse.enrollment.api.pages;

import java.net.URI;
import java.util.List;
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
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.web.FormErrors;

/**
 * One enrollment: the confirmation page (what the municipality signed up for: plan, dates, deadline,
 * prerequisites, who leads, as the confirmation mail has it), ticking prerequisites done, and withdrawal with a
 * confirming step and a reason.
 */
@Path("/pameldinger/{id}")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class EnrollmentPages {

    static final int MAX_REASON = 1000;

    private final Enrollments enrollments;
    private final Catalogue catalogue;
    private final Caller caller;
    private final Template page;
    private final Template withdrawal;

    EnrollmentPages(
            Enrollments enrollments,
            Catalogue catalogue,
            Caller caller,
            @Location("pages/enrollment.html") Template page,
            @Location("pages/withdrawal.html") Template withdrawal) {
        this.enrollments = enrollments;
        this.catalogue = catalogue;
        this.caller = caller;
        this.page = page;
        this.withdrawal = withdrawal;
    }

    @GET
    public TemplateInstance show(@PathParam("id") UUID id, @QueryParam("melding") String notice) {
        String text = notice == null
                ? null
                : switch (notice) {
                    case "pameldt" -> "Påmeldingen er registrert. En bekreftelse er sendt på e-post.";
                    case "lagret" -> "Forutsetningene er lagret.";
                    default -> null;
                };
        return render(id, text, null);
    }

    @POST
    @Path("forutsetninger")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response prerequisites(@PathParam("id") UUID id, @FormParam("done") List<String> done) {
        try {
            enrollments.markPrerequisites(id, done == null ? List.of() : done, caller);
        } catch (ProblemException refusal) {
            if ("validation".equals(refusal.type())) {
                return Response.status(422)
                        .entity(render(id, null, "Listen over forutsetninger er endret. Se over og lagre på nytt."))
                        .build();
            }
            String explained = explain(refusal, id);
            if (explained == null) {
                throw refusal;
            }
            return Response.status(refusal.status())
                    .entity(render(id, null, explained))
                    .build();
        }
        return Response.seeOther(URI.create("/pameldinger/" + id + "?melding=lagret"))
                .build();
    }

    @GET
    @Path("avbud")
    public TemplateInstance withdrawal(@PathParam("id") UUID id) {
        return withdrawalPage(id, "", FormErrors.none(), null);
    }

    @POST
    @Path("avbud")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("id") UUID id, @FormParam("reason") String reason) {
        FormErrors errors = FormErrors.none()
                .required("reason", reason, "Skriv hvorfor dere melder avbud.")
                .maxLength("reason", reason, MAX_REASON, "Begrunnelsen kan være på høyst " + MAX_REASON + " tegn.");
        if (errors.any()) {
            return Response.status(422)
                    .entity(withdrawalPage(id, reason, errors, null))
                    .build();
        }
        Enrollments.Placed placed;
        try {
            placed = enrollments.withdraw(id, reason.strip(), caller);
        } catch (ProblemException refusal) {
            String explained = explain(refusal, id);
            if (explained == null) {
                throw refusal;
            }
            return Response.status(refusal.status())
                    .entity(withdrawalPage(id, reason, FormErrors.none(), explained))
                    .build();
        }
        return Response.seeOther(URI.create("/kommuner/" + placed.enrollment().kommunenummer + "?melding=avbud"))
                .build();
    }

    private String explain(ProblemException refusal, UUID id) {
        Enrollments.Placed placed = enrollments.getFor(id, caller);
        return Refusals.explain(refusal, placed.track(), placed.enrollment().kommunenummer);
    }

    private TemplateInstance render(UUID id, String notice, String refusal) {
        Enrollments.Placed placed = enrollments.getFor(id, caller);
        return page.data("placed", placed)
                .data("solution", catalogue.solutionName(placed.track().solution))
                .data("madeBy", catalogue.madeBy(placed.enrollment()))
                .data("mayAct", enrollments.mayAct(caller, placed))
                .data("notice", notice)
                .data("refusal", refusal);
    }

    private TemplateInstance withdrawalPage(UUID id, String reason, FormErrors errors, String refusal) {
        Enrollments.Placed placed = enrollments.getFor(id, caller);
        return withdrawal
                .data("placed", placed)
                .data("solution", catalogue.solutionName(placed.track().solution))
                .data("reason", reason == null ? "" : reason)
                .data("errors", errors)
                .data("refusal", refusal)
                .data("maxReason", MAX_REASON);
    }
}
