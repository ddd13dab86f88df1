package no.ks.ehelse.notification.api;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.ehelse.notification.domain.Acknowledgement;
import no.ks.ehelse.notification.domain.AcknowledgementLinks;
import no.ks.ehelse.notification.domain.Acknowledgements;
import no.ks.ehelse.notification.domain.MunicipalityProjection;
import no.ks.ehelse.notification.domain.TrackProjection;

/**
 * "Bekreft at dere har mottatt påmeldingen": the page the confirmation mail links to. Public (whoever has the
 * mail has the signed link); opening it changes nothing (mail scanners open links), the button POSTs. The POST
 * carries the signed token besides the CSRF field, so a forged cross-site form cannot confirm someone else's
 * enrollment even without a session.
 */
@Path("/bekreft/{enrollmentId}")
@Produces(MediaType.TEXT_HTML)
public class AcknowledgementPages {

    public record AcknowledgementPage(
            UUID enrollmentId, String token, String municipality, String track, Acknowledgement acknowledgement) {

        public boolean acknowledged() {
            return acknowledgement.status == Acknowledgement.Status.ACKNOWLEDGED;
        }

        public boolean closed() {
            return acknowledgement.status == Acknowledgement.Status.CLOSED;
        }

        public String acknowledgedAt() {
            return EventTypeText.norskTid(acknowledgement.acknowledgedAt);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance acknowledgement(AcknowledgementPage page);
    }

    private final Acknowledgements acknowledgements;
    private final AcknowledgementLinks links;

    AcknowledgementPages(Acknowledgements acknowledgements, AcknowledgementLinks links) {
        this.acknowledgements = acknowledgements;
        this.links = links;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance show(@PathParam("enrollmentId") String enrollmentId, @QueryParam("t") String token) {
        UUID id = checked(enrollmentId, token);
        Acknowledgement a = acknowledgements.find(id);
        if (a == null) {
            throw new NotFoundException();
        }
        MunicipalityProjection m = MunicipalityProjection.findById(a.kommunenummer);
        TrackProjection t = TrackProjection.findById(a.trackId);
        return Templates.acknowledgement(new AcknowledgementPage(
                id,
                token,
                m == null ? "kommune " + a.kommunenummer : m.name,
                t == null ? "innføringsløpet" : t.name,
                a));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response acknowledge(@PathParam("enrollmentId") String enrollmentId, @RestForm("t") String token) {
        UUID id = checked(enrollmentId, token);
        acknowledgements.acknowledge(id);
        return Response.seeOther(
                        URI.create("/bekreft/" + id + "?t=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build();
    }

    /** A wrong or missing token is answered like an unknown enrollment: the page says nothing about which exist. */
    private UUID checked(String enrollmentId, String token) {
        UUID id;
        try {
            id = UUID.fromString(enrollmentId);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
        if (!links.valid(id, token)) {
            throw new NotFoundException();
        }
        return id;
    }
}
