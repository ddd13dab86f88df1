package no.ks.ehelse.platform.web;

import java.util.List;

import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The Norwegian error pages people see instead of problem+json: a page request (not under /api/ or /q/, from a
 * client that asks for HTML) that ends in 403, 404 or an unexpected error gets a page in the layout with the same
 * status. API clients keep problem+json; the platform's ProblemMappers decides which.
 */
@ApplicationScoped
public class ErrorPages {

    private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

    @Inject
    Engine engine;

    /** Whether the request at {@code path} is a person's page request rather than an API call. */
    public static boolean wantsPage(String path, HttpHeaders headers) {
        if (path == null || headers == null || path.startsWith("/api/") || path.startsWith("/q/")) {
            return false;
        }
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        for (MediaType type : accepted) {
            if ("text".equals(type.getType()) && "html".equals(type.getSubtype())) {
                return true;
            }
        }
        return false;
    }

    /** The page for {@code status}; {@code incident} (may be null) is the id an unexpected error was logged with. */
    public Response page(int status, String incident) {
        return page(status, incident, null);
    }

    /** As {@link #page(int, String)}, with a 403 that says who may see the kind of page at {@code path}. */
    public Response page(int status, String incident, String path) {
        String title;
        String message;
        switch (status) {
            case 401 -> {
                title = "Du må logge inn";
                message = "Denne siden krever at du er logget inn. Velg «Logg inn» øverst på siden.";
            }
            case 403 -> {
                title = "Du har ikke tilgang til denne siden";
                message = "Du er logget inn, men har ikke tilgang til denne siden. " + whoMaySee(path);
            }
            case 404 -> {
                title = "Vi finner ikke siden";
                message = "Siden finnes ikke, eller adressen er skrevet feil.";
            }
            case 409 -> {
                title = "Det du ville gjøre, gikk ikke";
                message = "Noe er endret siden siden ble vist. Gå tilbake, last siden på nytt og prøv igjen.";
            }
            case 400, 422 -> {
                title = "Vi kan ikke lese forespørselen";
                message = "Noe i adressen eller i skjemaet er ikke gyldig. Gå tilbake og prøv igjen.";
            }
            case 503 -> {
                title = "Tjenesten er midlertidig utilgjengelig";
                message = "Det du ba om ble ikke gjort. Prøv igjen om noen sekunder.";
            }
            default -> {
                title = "Noe gikk galt";
                message = "Det oppstod en feil hos oss, og det du ba om ble ikke gjort. Prøv igjen om litt.";
            }
        }
        String html = engine.getTemplate("error/page")
                .data("title", title)
                .data("message", message)
                .data("incident", incident)
                .render();
        return Response.status(status).type(HTML).entity(html).build();
    }

    /** Who may see the pages under {@code path}, as the 403 page tells it; the roles follow docs/security.md. */
    static String whoMaySee(String path) {
        String p = path == null ? "" : path;
        if (p.startsWith("/nettverk/")) {
            return "Et Diginettverks arbeidsliste kan bare nettverkets egen kontaktperson e-helse, innføringsledere,"
                    + " lesere i KS og administratorer se.";
        }
        if (p.startsWith("/varsler")) {
            return "En kommunes varsler, kalender og innstillinger kan bare kommunen selv og administratorer se.";
        }
        if (p.startsWith("/kommuner/") || p.startsWith("/pameldinger/") || p.startsWith("/kontakter/")) {
            return "En kommunes sider kan bare kommunen selv, kontaktpersonen e-helse i kommunens Diginettverk,"
                    + " innføringsledere og administratorer se.";
        }
        return "Rollen du er logget inn med, gir ikke tilgang til det denne siden viser.";
    }
}
