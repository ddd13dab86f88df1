package no.ks.ehelse.enrollment.api.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.ks.ehelse.enrollment.domain.Catalogue;
import no.ks.ehelse.enrollment.domain.Meetings;

/** The public pages: the start page (solutions by priority area, what is open now) and a page per solution. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class CataloguePages {

    /** The solutions of one priority area, for the start page. */
    @TemplateData
    public record Area(String name, List<Catalogue.SolutionEntry> solutions) {}

    private final Catalogue catalogue;
    private final Meetings meetings;
    private final Template start;
    private final Template solution;

    CataloguePages(
            Catalogue catalogue,
            Meetings meetings,
            @Location("pages/start.html") Template start,
            @Location("pages/solution.html") Template solution) {
        this.catalogue = catalogue;
        this.meetings = meetings;
        this.start = start;
        this.solution = solution;
    }

    @GET
    public TemplateInstance start() {
        Map<String, List<Catalogue.SolutionEntry>> byArea = new LinkedHashMap<>();
        for (String area : Norwegian.AREAS) {
            byArea.put(area, new ArrayList<>());
        }
        for (Catalogue.SolutionEntry entry : catalogue.solutions()) {
            String area = Norwegian.AREAS.contains(entry.solution().area) ? entry.solution().area : null;
            byArea.computeIfAbsent(area, a -> new ArrayList<>()).add(entry);
        }
        List<Area> areas = new ArrayList<>();
        byArea.forEach((code, entries) -> {
            if (!entries.isEmpty()) {
                areas.add(new Area(Norwegian.area(code), entries));
            }
        });
        return start.data("areas", areas);
    }

    @GET
    @Path("losninger/{code}")
    public TemplateInstance solution(@PathParam("code") String code) {
        Catalogue.SolutionEntry entry = catalogue.solution(code);
        return solution.data("entry", entry).data("meetings", meetings.upcoming(code));
    }
}
