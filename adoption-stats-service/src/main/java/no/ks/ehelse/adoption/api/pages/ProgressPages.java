package no.ks.ehelse.adoption.api.pages;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.ehelse.adoption.domain.AdoptionLevel;
import no.ks.ehelse.adoption.domain.AdoptionQueries;
import no.ks.ehelse.adoption.domain.Ambition;
import no.ks.ehelse.adoption.domain.Ambitions;
import no.ks.ehelse.adoption.domain.Figures;
import no.ks.ehelse.adoption.domain.Forecasts;
import no.ks.ehelse.adoption.domain.SolutionProjection;
import no.ks.ehelse.adoption.domain.Solutions;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.api.TableExport;

/**
 * "When are we done?" as pages: the national overview {@code /tall} (one row per solution) and a solution's progress
 * {@code /tall/{solution}/fremdrift} (burn-up chart with the ambition line, the series and the forecast as tables).
 * Every figure says the day it is for and the moment it is as known at, with a permanent link that recomputes it
 * ({@code ?kjent=}, and {@code fra}/{@code til} for the months). Public like the solution dashboard.
 */
@Path("/tall")
@Produces(MediaType.TEXT_HTML)
public class ProgressPages {

    /** A row of the national overview. */
    public record OverviewRow(
            String code,
            String name,
            long municipalities,
            long activeNow,
            String ambition,
            String gap,
            String trend,
            String forecast) {}

    /** A month of the burn-up table. */
    public record MonthRow(String month, String label, long reached, long change, long municipalities) {}

    /** A forecast row in words. */
    public record ProjectionRow(
            String target, String goal, long reachedNow, String projected, String earliest, String latest) {}

    private final Figures figures;
    private final Forecasts forecasts;
    private final Ambitions ambitions;
    private final SecurityIdentity identity;
    private final boolean publicDashboards;
    private final Template overview;
    private final Template progress;

    ProgressPages(
            Figures figures,
            Forecasts forecasts,
            Ambitions ambitions,
            SecurityIdentity identity,
            @ConfigProperty(name = "ehelse.dashboards.public", defaultValue = "true") boolean publicDashboards,
            @Location("pages/overview.html") Template overview,
            @Location("pages/progress.html") Template progress) {
        this.figures = figures;
        this.forecasts = forecasts;
        this.ambitions = ambitions;
        this.identity = identity;
        this.publicDashboards = publicDashboards;
        this.overview = overview;
        this.progress = progress;
    }

    @GET
    public TemplateInstance overview(@QueryParam("kjent") String kjent) {
        mayRead();
        OffsetDateTime known = knownAt(kjent);
        List<OverviewRow> rows = overviewRows(known);
        return overview.data("rows", rows)
                .data("knownAt", Words.moment(known))
                .data("permalink", "/tall?kjent=" + known)
                .data("kjent", known.toString())
                .data("windowMonths", forecastsWindow());
    }

    @GET
    @Path("{solution}/fremdrift")
    public TemplateInstance progress(
            @PathParam("solution") String solution,
            @QueryParam("fra") String fra,
            @QueryParam("til") String til,
            @QueryParam("kjent") String kjent) {
        mayRead();
        TemplateInstance page = progress.instance();
        progressData(solution, fra, til, kjent).forEach(page::data);
        return page;
    }

    private Map<String, Object> progressData(String solution, String fra, String til, String kjent) {
        SolutionProjection known = Solutions.require(solution);
        OffsetDateTime at = knownAt(kjent);
        YearMonth current = YearMonth.from(figures.today());
        YearMonth to = month("til", til, current);
        YearMonth from = month("fra", fra, YearMonth.of(current.getYear() - 1, 1));
        Optional<Ambition> ambition = ambitions.find(solution, to.getYear());
        AdoptionLevel level = ambition.map(a -> a.level).orElse(AdoptionLevel.ACTIVE);
        Figures.Series series = figures.series(solution, from, to, AdoptionQueries.GroupBy.NATION, level, at);
        Forecasts.Forecast forecast = forecasts.of(solution, at);

        List<MonthRow> months = new ArrayList<>();
        List<BurnUpChart.Point> points = new ArrayList<>();
        long previous = -1;
        for (Figures.SeriesPoint p : series.points()) {
            months.add(new MonthRow(
                    p.month(),
                    Words.month(p.month()),
                    p.reached(),
                    previous < 0 ? 0 : p.reached() - previous,
                    p.municipalities()));
            points.add(new BurnUpChart.Point(YearMonth.parse(p.month()), p.reached()));
            previous = p.reached();
        }
        Forecasts.Projection amb = find(forecast, Forecasts.Target.AMBITION);
        Long goal = amb.goal();
        YearMonth projected = amb.projectedMonth() == null ? null : YearMonth.parse(amb.projectedMonth());
        String chartTitle = "Kommuner som har " + Words.reached(level) + " " + known.name + " per måned";
        String chart = BurnUpChart.svg(
                chartTitle, points, goal, goal == null ? "" : "Ambisjon " + to.getYear() + ": " + goal, projected);

        List<ProjectionRow> projections = new ArrayList<>();
        for (Forecasts.Projection p : forecast.projections()) {
            projections.add(new ProjectionRow(
                    Words.target(p.target()) + (p.level() == AdoptionLevel.ACTIVE ? "" : " (gjort tilgjengelig)"),
                    p.goal() == null ? "Ikke satt" : String.valueOf(p.goal()),
                    p.reachedNow(),
                    p.reached() ? "Nådd" : p.goal() == null ? "" : monthOr(p.projectedMonth(), forecast),
                    p.reached() ? "" : monthOr(p.earliestMonth(), forecast),
                    p.reached() ? "" : monthOr(p.latestMonth(), forecast)));
        }
        long last = points.isEmpty() ? 0 : points.get(points.size() - 1).reached();
        long inAll = series.points().isEmpty()
                ? 0
                : series.points().get(series.points().size() - 1).municipalities();
        String summary = last + " av " + inAll + " kommuner har " + Words.reached(level) + " " + known.name + " i "
                + Words.month(to) + ". " + forecastSentence(amb, forecast, to.getYear());
        String permalink = "/tall/" + solution + "/fremdrift?fra=" + from + "&til=" + to + "&kjent=" + at;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("solution", known);
        data.put("summary", summary);
        data.put("chart", chart);
        data.put("chartTitle", chartTitle);
        data.put("months", months);
        data.put("projections", projections);
        data.put("forecast", forecast);
        data.put("perMonth", Words.decimal(forecast.active().perMonth()));
        data.put("low", Words.decimal(forecast.active().low()));
        data.put("high", Words.decimal(forecast.active().high()));
        data.put("levelWords", Words.reached(level));
        data.put("from", Words.month(from));
        data.put("to", Words.month(to));
        data.put("asOf", Words.date(forecast.asOf()));
        data.put("knownAt", Words.moment(at));
        data.put("approximations", series.approximations());
        data.put("permalink", permalink);
        data.put("query", "fra=" + from + "&til=" + to + "&kjent=" + at);
        return data;
    }

    /** The overview's table as a download ({@code ?format=xlsx|csv|csv-comma}), as known at {@code kjent}. */
    @GET
    @Path("oversikt")
    @Produces({TableExport.XLSX_MEDIA_TYPE, TableExport.CSV_MEDIA_TYPE})
    public Response overviewDownload(@QueryParam("format") String format, @QueryParam("kjent") String kjent) {
        mayRead();
        TableExport.Format f = requiredFormat(format);
        OffsetDateTime known = knownAt(kjent);
        TableExport.Builder table = TableExport.Table.named(
                "nasjonal-oversikt",
                "Nasjonal oversikt",
                TableExport.Column.text("Løsning (kode)"),
                TableExport.Column.text("Løsning"),
                TableExport.Column.integer("I aktiv bruk nå"),
                TableExport.Column.integer("Kommuner"),
                TableExport.Column.text("Årets ambisjon"),
                TableExport.Column.text("Gjenstår"),
                TableExport.Column.text("Takt"),
                TableExport.Column.text("Anslag"));
        for (OverviewRow r : overviewRows(known)) {
            table.row(
                    r.code(),
                    r.name(),
                    r.activeNow(),
                    r.municipalities(),
                    r.ambition(),
                    r.gap(),
                    r.trend(),
                    r.forecast());
        }
        return TableExport.download(table.build(), f);
    }

    /**
     * A table of the progress page as a download: {@code maneder} (the burn-up chart's months) or {@code prognose}
     * (the forecast), for the same months and moment as the page's permanent link.
     */
    @GET
    @Path("{solution}/fremdrift/{table}")
    @Produces({TableExport.XLSX_MEDIA_TYPE, TableExport.CSV_MEDIA_TYPE})
    public Response progressDownload(
            @PathParam("solution") String solution,
            @PathParam("table") String table,
            @QueryParam("format") String format,
            @QueryParam("fra") String fra,
            @QueryParam("til") String til,
            @QueryParam("kjent") String kjent) {
        mayRead();
        TableExport.Format f = requiredFormat(format);
        if (!table.equals("maneder") && !table.equals("prognose")) {
            throw ProblemException.notFound("Table", table);
        }
        Map<String, Object> page = progressData(solution, fra, til, kjent);
        if (table.equals("maneder")) {
            @SuppressWarnings("unchecked")
            List<MonthRow> months = (List<MonthRow>) page.get("months");
            TableExport.Builder t = TableExport.Table.named(
                    solution + "-per-maned",
                    "Per måned",
                    TableExport.Column.text("Måned"),
                    TableExport.Column.integer("Kommuner som har nådd nivået"),
                    TableExport.Column.integer("Endring"),
                    TableExport.Column.integer("Kommuner i alt"));
            months.forEach(m -> t.row(m.month(), m.reached(), m.change(), m.municipalities()));
            return TableExport.download(t.build(), f);
        }
        @SuppressWarnings("unchecked")
        List<ProjectionRow> projections = (List<ProjectionRow>) page.get("projections");
        TableExport.Builder t = TableExport.Table.named(
                solution + "-anslag",
                "Anslag",
                TableExport.Column.text("Mål"),
                TableExport.Column.text("Kommuner"),
                TableExport.Column.integer("Nådd nå"),
                TableExport.Column.text("Anslått"),
                TableExport.Column.text("Tidligst"),
                TableExport.Column.text("Senest"));
        projections.forEach(p -> t.row(p.target(), p.goal(), p.reachedNow(), p.projected(), p.earliest(), p.latest()));
        return TableExport.download(t.build(), f);
    }

    private static TableExport.Format requiredFormat(String format) {
        if (format == null) {
            throw ProblemException.invalidField(
                            "format", "must be one of " + String.join(", ", TableExport.Format.PARAMS))
                    .with("allowed", TableExport.Format.PARAMS);
        }
        return TableExport.Format.of(format);
    }

    private List<OverviewRow> overviewRows(OffsetDateTime known) {
        List<OverviewRow> rows = new ArrayList<>();
        List<SolutionProjection> solutions = SolutionProjection.listAll(io.quarkus.panache.common.Sort.by("name"));
        for (SolutionProjection s : solutions) {
            Forecasts.Forecast f = forecasts.of(s.code, known);
            Forecasts.Projection all = find(f, Forecasts.Target.ALL);
            Forecasts.Projection amb = find(f, Forecasts.Target.AMBITION);
            String ambition = amb.goal() == null
                    ? "Ikke satt"
                    : amb.goal() + (amb.level() == AdoptionLevel.ACTIVE ? " i bruk" : " gjort tilgjengelig");
            String gap = amb.goal() == null ? "" : String.valueOf(Math.max(0, amb.goal() - amb.reachedNow()));
            String trend =
                    f.active().enoughData() ? Words.decimal(f.active().perMonth()) + " i måneden" : "For lite data";
            rows.add(new OverviewRow(
                    s.code, s.name, all.goal(), all.reachedNow(), ambition, gap, trend, forecastText(amb, all)));
        }
        return rows;
    }

    private static String forecastSentence(Forecasts.Projection amb, Forecasts.Forecast f, int year) {
        if (amb.goal() == null) {
            return "Det er ikke satt noen nasjonal ambisjon for " + year + ".";
        }
        if (amb.reached()) {
            return "Ambisjonen for " + year + " på " + amb.goal() + " kommuner er nådd.";
        }
        if (!f.active().enoughData()) {
            return "Det er for lite data til å anslå når ambisjonen for " + year + " på " + amb.goal()
                    + " kommuner nås.";
        }
        if (amb.projectedMonth() == null) {
            return "Med takten de siste " + f.windowMonths() + " månedene nås ikke ambisjonen for " + year + " på "
                    + amb.goal() + " kommuner.";
        }
        return "Med takten de siste " + f.windowMonths() + " månedene nås ambisjonen for " + year + " på " + amb.goal()
                + " kommuner i " + Words.month(amb.projectedMonth()) + ".";
    }

    private static String forecastText(Forecasts.Projection amb, Forecasts.Projection all) {
        Forecasts.Projection p = amb.goal() != null ? amb : all;
        String what = amb.goal() != null ? "Ambisjonen: " : "Alle: ";
        if (p.reached()) {
            return what + "nådd";
        }
        if (p.projectedMonth() == null) {
            return what + "kan ikke anslås";
        }
        return what + Words.month(p.projectedMonth());
    }

    private static String monthOr(String month, Forecasts.Forecast f) {
        if (!f.active().enoughData()) {
            return "For lite data";
        }
        return month == null ? "Ikke med denne takten" : Words.month(month);
    }

    private static Forecasts.Projection find(Forecasts.Forecast f, Forecasts.Target target) {
        return f.projections().stream()
                .filter(p -> p.target() == target)
                .findFirst()
                .orElseThrow();
    }

    private int forecastsWindow() {
        return forecasts.windowMonths();
    }

    /** Without {@code kjent}: now, so the permanent link fixes the moment the page was shown. */
    private OffsetDateTime knownAt(String kjent) {
        if (kjent == null || kjent.isBlank()) {
            return figures.now().withOffsetSameInstant(ZoneOffset.UTC);
        }
        try {
            return OffsetDateTime.parse(kjent);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("kjent", "må være et tidspunkt som 2024-03-01T12:00:00Z");
        }
    }

    private static YearMonth month(String name, String value, YearMonth fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "må være en måned som 2024-01");
        }
    }

    private void mayRead() {
        if (!publicDashboards && identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
    }
}
