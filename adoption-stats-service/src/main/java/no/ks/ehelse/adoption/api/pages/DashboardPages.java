package no.ks.ehelse.adoption.api.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.ehelse.adoption.api.AdoptionTables;
import no.ks.ehelse.adoption.domain.AdoptionLevel;
import no.ks.ehelse.adoption.domain.AdoptionQueries;
import no.ks.ehelse.adoption.domain.AdoptionQueries.GroupBy;
import no.ks.ehelse.adoption.domain.Ambition;
import no.ks.ehelse.adoption.domain.Ambitions;
import no.ks.ehelse.adoption.domain.Funnel;
import no.ks.ehelse.adoption.domain.MunicipalityProjection;
import no.ks.ehelse.adoption.domain.SolutionProjection;
import no.ks.ehelse.adoption.domain.Solutions;
import no.ks.ehelse.adoption.domain.UsageMonths;
import no.ks.ehelse.platform.answers.KeptAnswers;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.api.TableExport;

/**
 * The solution dashboard {@code /tall/{solution}}: the seeds' slides as a page (who has not adopted it, per
 * Diginettverk; municipalities per level by network, county and health region; the share of inhabitants; usage per
 * 1000 inhabitants per month; the year's ambition against status), every table downloadable, and a municipality's
 * history. Figures about municipalities only, never about people, so with {@code ehelse.dashboards.public=true}
 * (the default) anyone may read them; with {@code false} they need a signed-in person of any role, as the API does.
 */
@Path("/tall")
@Produces(MediaType.TEXT_HTML)
public class DashboardPages {

    /** How many months of usage the dashboard shows per metric. */
    static final int USAGE_MONTHS = 12;

    /** The downloads of the dashboard's tables, by the path segment their links use. */
    enum Download {
        IKKE_TATT_I_BRUK("ikke-tatt-i-bruk"),
        DEKNING_NETTVERK("dekning-nettverk"),
        DEKNING_FYLKE("dekning-fylke"),
        DEKNING_HELSEREGION("dekning-helseregion"),
        DEKNING_LANDET("dekning-landet"),
        BRUK_PER_MANED("bruk-per-maned"),
        INNFORINGSLOP("innforingslop");

        final String segment;

        Download(String segment) {
            this.segment = segment;
        }

        static Download of(String segment) {
            for (Download d : values()) {
                if (d.segment.equals(segment)) {
                    return d;
                }
            }
            throw ProblemException.notFound("Table", segment);
        }
    }

    @TemplateData
    public record Listed(String kommunenummer, String name, String level) {}

    @TemplateData
    public record NetworkList(String code, String name, long count, List<Listed> municipalities) {}

    /** A bar's piece: one level's municipalities, placed in SVG user units. */
    @TemplateData
    public record Segment(String level, String colour, long count, double x, double width) {}

    @TemplateData
    public record Bar(
            String code,
            String name,
            long municipalities,
            List<Long> counts,
            List<Segment> segments,
            double y,
            double labelY,
            double endX,
            String share) {}

    @TemplateData
    public record Chart(
            String id,
            String title,
            String groupHeader,
            String summary,
            String download,
            double height,
            List<Bar> bars) {}

    @TemplateData
    public record LevelKey(String label, String colour) {}

    @TemplateData
    public record UsageLine(String metric, String period, String total, long municipalities, String per1000) {}

    @TemplateData
    public record AmbitionStatus(
            int year, int target, long activeNow, long remaining, String achieved, String counts, String note) {}

    @TemplateData
    public record Dashboard(
            String code,
            String name,
            long count,
            long of,
            List<NetworkList> networks,
            List<LevelKey> levels,
            List<Chart> charts,
            long inhabitantsActive,
            long inhabitants,
            String share,
            List<UsageLine> usage,
            AmbitionStatus ambition,
            int year,
            List<TrackLine> tracks) {}

    /** A track of the funnel, by name, linking to its progress page. */
    @TemplateData
    public record TrackLine(String id, String name, long enrolled, long live, long alreadyLive, String median) {}

    @TemplateData
    public record HistoryLine(String effectiveDate, String status, String reportedAs, String receivedAt) {}

    @TemplateData
    public record History(
            String code, String name, String kommunenummer, String municipality, List<HistoryLine> rows) {}

    static final Map<AdoptionLevel, String> COLOURS = Map.of(
            AdoptionLevel.ACTIVE, "#0a7a3e",
            AdoptionLevel.TECHNICALLY_READY, "#2d6eb5",
            AdoptionLevel.ORDERED, "#a86f00",
            AdoptionLevel.DISCONTINUED, "#7a4b9c",
            AdoptionLevel.NONE, "#7d8590");

    /** Each bar under its label, so long names (counties' Sámi and Kven forms) need no room beside it. */
    private static final double BAR_WIDTH = 560;

    private static final double ROW_HEIGHT = 46;

    private final AdoptionQueries queries;
    private final AdoptionTables tables;
    private final UsageMonths usageMonths;
    private final Ambitions ambitions;
    private final KeptAnswers kept;
    private final Funnel funnel;
    private final Clock clock;
    private final SecurityIdentity identity;
    private final boolean publicDashboards;
    private final Template dashboard;
    private final Template history;

    DashboardPages(
            AdoptionQueries queries,
            AdoptionTables tables,
            UsageMonths usageMonths,
            Ambitions ambitions,
            KeptAnswers kept,
            Funnel funnel,
            Clock clock,
            SecurityIdentity identity,
            @ConfigProperty(name = "ehelse.dashboards.public", defaultValue = "true") boolean publicDashboards,
            @Location("pages/dashboard.html") Template dashboard,
            @Location("pages/history.html") Template history) {
        this.queries = queries;
        this.tables = tables;
        this.usageMonths = usageMonths;
        this.ambitions = ambitions;
        this.kept = kept;
        this.funnel = funnel;
        this.clock = clock;
        this.identity = identity;
        this.publicDashboards = publicDashboards;
        this.dashboard = dashboard;
        this.history = history;
    }

    @GET
    @Path("{solution}")
    public String solution(@PathParam("solution") String solution) {
        mayRead();
        // Rendering the page costs more than its figures (a flight recording under 50 req/s: most samples in
        // Qute, docs/performance.md), and everyone not signed in gets the same bytes; so theirs are kept too.
        if (identity.isAnonymous()) {
            return kept.answer(
                    "dashboard-page", solution, List.of(), html -> 1 + html.length() / 1000, () -> render(solution));
        }
        return render(solution);
    }

    private String render(String solution) {
        return dashboard
                .data(
                        "page",
                        kept.answer(
                                "dashboard",
                                solution,
                                List.of(),
                                d -> 1 + (int) d.count() + d.charts().size() * 20,
                                () -> build(solution)))
                .render();
    }

    private Dashboard build(String solution) {
        SolutionProjection known = solutionOf(solution);
        AdoptionQueries.NonAdopters nonAdopters = queries.nonAdopters(solution);
        List<NetworkList> networks = nonAdopters.byNetwork().stream()
                .map(g -> new NetworkList(
                        g.network(),
                        tables.networkName("null".equals(g.network()) ? null : g.network()),
                        g.count(),
                        g.municipalities().stream()
                                .map(m -> new Listed(m.kommunenummer(), m.name(), AdoptionTables.label(m.level())))
                                .toList()))
                .sorted(Comparator.comparing(NetworkList::name))
                .toList();
        AdoptionQueries.Coverage nation = queries.coverage(solution, GroupBy.NATION, null);
        List<Chart> charts = List.of(
                chart(
                        known,
                        queries.coverage(solution, GroupBy.NETWORK, null),
                        "nettverk",
                        "Diginettverk",
                        "per Diginettverk",
                        Download.DEKNING_NETTVERK),
                chart(
                        known,
                        queries.coverage(solution, GroupBy.HEALTH_REGION, null),
                        "helseregion",
                        "Helseregion",
                        "per helseregion",
                        Download.DEKNING_HELSEREGION),
                chart(
                        known,
                        queries.coverage(solution, GroupBy.COUNTY, null),
                        "fylke",
                        "Fylke",
                        "per fylke",
                        Download.DEKNING_FYLKE));
        long inhabitantsActive = nation.groups().stream()
                .mapToLong(AdoptionQueries.CoverageGroup::inhabitantsActive)
                .sum();
        long inhabitants = nation.groups().stream()
                .mapToLong(AdoptionQueries.CoverageGroup::inhabitants)
                .sum();
        List<UsageLine> usage = usageMonths.latest(solution, USAGE_MONTHS).stream()
                .map(m -> new UsageLine(
                        m.metric(),
                        Norwegian.month(m.period()),
                        Norwegian.decimal(m.total()),
                        m.municipalities(),
                        m.per1000() == null ? "–" : Norwegian.decimal(m.per1000())))
                .toList();
        int year = LocalDate.now(clock).getYear();
        AmbitionStatus ambition =
                ambitions.find(solution, year).map(this::status).orElse(null);
        List<LevelKey> levels = AdoptionTables.LEVELS.stream()
                .map(l -> new LevelKey(AdoptionTables.label(l), COLOURS.get(l)))
                .toList();
        return new Dashboard(
                known.code,
                known.name,
                nonAdopters.count(),
                nonAdopters.of(),
                networks,
                levels,
                charts,
                inhabitantsActive,
                inhabitants,
                Norwegian.percent(inhabitants == 0 ? 0 : (double) inhabitantsActive / inhabitants),
                usage,
                ambition,
                year,
                trackLines(funnel.of(solution)));
    }

    /** The address enrollment-service's solution pages link to ("Se hvor mange kommuner…"): the dashboard. */
    @GET
    @Path("losninger/{solution}")
    public Response fromCatalogue(@PathParam("solution") String solution) {
        return Response.status(Response.Status.MOVED_PERMANENTLY)
                .location(java.net.URI.create("/tall/" + solutionOf(solution).code))
                .build();
    }

    /** A table of the dashboard as a file: {@code ?format=xlsx} (the default) or {@code csv}. */
    @GET
    @Path("{solution}/tabeller/{table}")
    @Produces({TableExport.XLSX_MEDIA_TYPE, TableExport.CSV_MEDIA_TYPE, MediaType.TEXT_HTML})
    public Response download(
            @PathParam("solution") String solution,
            @PathParam("table") String table,
            @QueryParam("format") String format) {
        mayRead();
        solutionOf(solution);
        Download which = Download.of(table);
        TableExport.Format chosen = formatOf(format);
        TableExport.Table built =
                switch (which) {
                    case IKKE_TATT_I_BRUK -> tables.nonAdopters(solution, queries.nonAdopters(solution));
                    case DEKNING_NETTVERK ->
                        tables.coverage(solution, queries.coverage(solution, GroupBy.NETWORK, null));
                    case DEKNING_FYLKE -> tables.coverage(solution, queries.coverage(solution, GroupBy.COUNTY, null));
                    case DEKNING_HELSEREGION ->
                        tables.coverage(solution, queries.coverage(solution, GroupBy.HEALTH_REGION, null));
                    case DEKNING_LANDET -> tables.coverage(solution, queries.coverage(solution, GroupBy.NATION, null));
                    case BRUK_PER_MANED -> tables.usageMonths(solution, usageMonths.latest(solution, USAGE_MONTHS));
                    case INNFORINGSLOP -> tables.funnel(solution, funnel.of(solution));
                };
        return TableExport.download(built, chosen);
    }

    /** A municipality's status history for the solution as NHN reported it; {@code ?format=} downloads it. */
    @GET
    @Path("{solution}/kommuner/{kommunenummer}")
    @Produces({MediaType.TEXT_HTML, TableExport.XLSX_MEDIA_TYPE, TableExport.CSV_MEDIA_TYPE})
    public Response municipality(
            @PathParam("solution") String solution,
            @PathParam("kommunenummer") String kommunenummer,
            @QueryParam("format") String format) {
        mayRead();
        SolutionProjection known = solutionOf(solution);
        MunicipalityProjection municipality =
                kommunenummer.matches("[0-9]{4}") ? MunicipalityProjection.findById(kommunenummer) : null;
        if (municipality == null) {
            throw ProblemException.notFound("Municipality", kommunenummer);
        }
        List<AdoptionQueries.HistoryRow> rows = queries.history(solution, kommunenummer);
        if (format != null) {
            return TableExport.download(
                    tables.history(solution, kommunenummer, municipality.name, rows), formatOf(format));
        }
        List<HistoryLine> lines = rows.stream()
                .map(r -> new HistoryLine(
                        Norwegian.date(r.effectiveDate()),
                        AdoptionTables.label(r.status()),
                        r.reportedAs(),
                        r.receivedAt() == null
                                ? ""
                                : Norwegian.date(r.receivedAt().toLocalDate())))
                .toList();
        String html = history.data("page", new History(known.code, known.name, kommunenummer, municipality.name, lines))
                .render();
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private static List<TrackLine> trackLines(Funnel.SolutionFunnel f) {
        return f.tracks().stream()
                .map(t -> new TrackLine(
                        t.trackId().toString(),
                        AdoptionTables.trackName(t),
                        t.enrolled(),
                        t.live(),
                        t.alreadyLive(),
                        t.medianDaysToLive() == null ? "–" : Norwegian.decimal(t.medianDaysToLive())))
                .toList();
    }

    private AmbitionStatus status(Ambition a) {
        Ambitions.Status s = ambitions.status(a);
        long goal = s.goal();
        long reached = s.reachedNow();
        return new AmbitionStatus(
                a.year,
                (int) goal,
                reached,
                Math.max(0, goal - reached),
                Norwegian.percent(goal == 0 ? 1.0 : (double) reached / goal),
                a.level == AdoptionLevel.ACTIVE
                        ? "i aktiv bruk"
                        : "gjort tilgjengelig (" + AdoptionTables.label(a.level).toLowerCase(java.util.Locale.ROOT)
                                + " eller mer)",
                a.note);
    }

    private Chart chart(
            SolutionProjection solution,
            AdoptionQueries.Coverage coverage,
            String id,
            String groupHeader,
            String per,
            Download download) {
        long widest = coverage.groups().stream()
                .mapToLong(AdoptionQueries.CoverageGroup::municipalities)
                .max()
                .orElse(1);
        List<Bar> bars = new ArrayList<>();
        AdoptionQueries.CoverageGroup most = null;
        AdoptionQueries.CoverageGroup least = null;
        List<AdoptionQueries.CoverageGroup> groups = coverage.groups().stream()
                .sorted(Comparator.comparing(g -> tables.groupName(coverage.groupBy(), g.group())))
                .toList();
        for (AdoptionQueries.CoverageGroup g : groups) {
            double y = bars.size() * ROW_HEIGHT;
            double x = 0;
            List<Segment> segments = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            for (AdoptionLevel level : AdoptionTables.LEVELS) {
                long count = g.byLevel().getOrDefault(level, 0L);
                counts.add(count);
                if (count > 0) {
                    double width = BAR_WIDTH * count / widest;
                    segments.add(new Segment(
                            AdoptionTables.label(level), COLOURS.get(level), count, round(x), round(width)));
                    x += width;
                }
            }
            bars.add(new Bar(
                    g.group(),
                    tables.groupName(coverage.groupBy(), g.group()),
                    g.municipalities(),
                    counts,
                    segments,
                    round(y + 22),
                    round(y + 16),
                    round(x + 6),
                    Norwegian.percent(g.shareOfInhabitantsActive())));
            if (most == null || activeShare(g) > activeShare(most)) {
                most = g;
            }
            if (least == null || activeShare(g) < activeShare(least)) {
                least = g;
            }
        }
        String summary;
        if (most == null) {
            summary = "Ingen kommuner er kjent ennå.";
        } else if (most == least || activeShare(most) == activeShare(least)) {
            summary = "Andelen kommuner der " + solution.name + " er i aktiv bruk, er lik " + per + ": "
                    + Norwegian.percent(activeShare(most)) + ".";
        } else {
            summary = "Størst andel kommuner med " + solution.name + " i aktiv bruk har "
                    + tables.groupName(coverage.groupBy(), most.group()) + " (" + active(most) + " av "
                    + most.municipalities() + "), minst har "
                    + tables.groupName(coverage.groupBy(), least.group()) + " (" + active(least) + " av "
                    + least.municipalities() + ").";
        }
        return new Chart(
                id,
                "Kommuner per status, " + per,
                groupHeader,
                summary,
                download.segment,
                round(Math.max(1, bars.size()) * ROW_HEIGHT + 4),
                bars);
    }

    private static long active(AdoptionQueries.CoverageGroup g) {
        return g.byLevel().getOrDefault(AdoptionLevel.ACTIVE, 0L);
    }

    private static double activeShare(AdoptionQueries.CoverageGroup g) {
        return g.municipalities() == 0 ? 0 : (double) active(g) / g.municipalities();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static TableExport.Format formatOf(String format) {
        TableExport.Format chosen = TableExport.Format.of(format);
        return chosen == null ? TableExport.Format.XLSX : chosen;
    }

    private static SolutionProjection solutionOf(String code) {
        return Solutions.require(code);
    }

    /** Anonymous readers are turned away only when the dashboards are not public: the 401 page offers sign-in. */
    private void mayRead() {
        if (!publicDashboards && identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
    }
}
