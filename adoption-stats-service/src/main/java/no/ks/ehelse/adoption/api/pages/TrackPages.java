package no.ks.ehelse.adoption.api.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
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
import no.ks.ehelse.adoption.api.AdoptionTables;
import no.ks.ehelse.adoption.domain.AdoptionLevel;
import no.ks.ehelse.adoption.domain.Phase;
import no.ks.ehelse.adoption.domain.TrackPlan;
import no.ks.ehelse.adoption.domain.TrackProgress;
import no.ks.ehelse.adoption.domain.TrackProjection;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.api.TableExport;

/**
 * A track's progress {@code /tall/spor/{trackId}}: its municipalities through the phases against the plan, those
 * behind plan named with why, a chart (SVG with its table and a one-sentence summary) and the tables as downloads.
 * Public like the other {@code /tall} pages.
 */
@Path("/tall/spor")
@Produces(MediaType.TEXT_HTML)
public class TrackPages {

    /** How a municipality can stand, in the chart's order and colours (each at least 3:1 on white). */
    enum Standing {
        LIVE("I bruk", "#0a7a3e"),
        ON_PLAN("I rute", "#2d6eb5"),
        AHEAD("Foran planen", "#7a4b9c"),
        BEHIND("Bak planen", "#a86f00");

        final String label;
        final String colour;

        Standing(String label, String colour) {
            this.label = label;
            this.colour = colour;
        }
    }

    @TemplateData
    public record Key(String label, String colour) {}

    @TemplateData
    public record Piece(String label, String colour, long count, double x, double width) {}

    @TemplateData
    public record PhaseBar(
            String phase,
            boolean plannedNow,
            long municipalities,
            List<Long> counts,
            List<Piece> pieces,
            double y,
            double labelY,
            double endX) {}

    @TemplateData
    public record PlanLine(String phase, String starts, String ends, boolean now) {}

    @TemplateData
    public record Row(
            String kommunenummer,
            String name,
            String phase,
            String level,
            String liveSince,
            String assessment,
            boolean behind,
            String why) {}

    @TemplateData
    public record View(
            String id,
            String name,
            String about,
            String solution,
            String solutionName,
            String plannedNow,
            String summary,
            long enrolled,
            long live,
            long behind,
            long waitlisted,
            List<PlanLine> plan,
            List<Key> keys,
            List<PhaseBar> bars,
            double height,
            List<Row> behindRows,
            List<Row> rows,
            String today) {}

    private static final double BAR_WIDTH = 560;
    private static final double ROW_HEIGHT = 46;

    private final TrackProgress progress;
    private final SecurityIdentity identity;
    private final boolean publicDashboards;
    private final Template track;

    TrackPages(
            TrackProgress progress,
            SecurityIdentity identity,
            @ConfigProperty(name = "ehelse.dashboards.public", defaultValue = "true") boolean publicDashboards,
            @Location("pages/track.html") Template track) {
        this.progress = progress;
        this.identity = identity;
        this.publicDashboards = publicDashboards;
        this.track = track;
    }

    @GET
    @Path("{trackId}")
    public TemplateInstance track(@PathParam("trackId") String trackId) {
        mayRead();
        return track.data("page", view(progress.of(idOf(trackId))));
    }

    /**
     * The page's tables as files: {@code kommuner} (one row per municipality, with why when behind) or
     * {@code faser} (the chart's numbers); {@code ?format=xlsx} (the default), {@code csv} or {@code csv-comma}.
     */
    @GET
    @Path("{trackId}/tabeller/{table}")
    @Produces({TableExport.XLSX_MEDIA_TYPE, TableExport.CSV_MEDIA_TYPE, MediaType.TEXT_HTML})
    public Response download(
            @PathParam("trackId") String trackId,
            @PathParam("table") String table,
            @QueryParam("format") String format) {
        mayRead();
        if (!table.equals("kommuner") && !table.equals("faser")) {
            throw ProblemException.notFound("Table", table);
        }
        TableExport.Format chosen = TableExport.Format.of(format);
        TrackProgress.Progress p = progress.of(idOf(trackId));
        String file = fileName(p);
        if (table.equals("faser")) {
            TableExport.Builder t = TableExport.Table.named(
                    file + "-faser",
                    "Faser",
                    TableExport.Column.text("Fase"),
                    TableExport.Column.text("Planen i dag"),
                    TableExport.Column.integer("Kommuner"),
                    TableExport.Column.integer("I bruk"),
                    TableExport.Column.integer("I rute"),
                    TableExport.Column.integer("Foran planen"),
                    TableExport.Column.integer("Bak planen"));
            for (TrackProgress.PhaseCount c : p.phases()) {
                t.row(
                        phase(c.phase()),
                        c.plannedNow() ? "Ja" : "Nei",
                        c.municipalities(),
                        c.live(),
                        c.onPlan(),
                        c.ahead(),
                        c.behind());
            }
            return TableExport.download(t.build(), chosen == null ? TableExport.Format.XLSX : chosen);
        }
        TableExport.Builder t = TableExport.Table.named(
                file + "-kommuner",
                "Kommuner",
                TableExport.Column.text("Kommunenummer"),
                TableExport.Column.text("Kommune"),
                TableExport.Column.text("Fase"),
                TableExport.Column.text("Status hos Norsk helsenett"),
                TableExport.Column.date("I bruk fra"),
                TableExport.Column.text("Vurdering"),
                TableExport.Column.text("Hvorfor"));
        for (TrackProgress.Member m : p.municipalities()) {
            t.row(
                    m.kommunenummer(),
                    m.name(),
                    phaseOf(m),
                    AdoptionTables.label(m.level()),
                    m.liveSince(),
                    assessment(m.assessment()),
                    why(m));
        }
        return TableExport.download(t.build(), chosen == null ? TableExport.Format.XLSX : chosen);
    }

    private static View view(TrackProgress.Progress p) {
        List<PhaseBar> bars = new ArrayList<>();
        long widest = p.phases().stream()
                .mapToLong(TrackProgress.PhaseCount::municipalities)
                .max()
                .orElse(1);
        widest = Math.max(1, widest);
        for (TrackProgress.PhaseCount c : p.phases()) {
            double y = bars.size() * ROW_HEIGHT;
            double x = 0;
            List<Piece> pieces = new ArrayList<>();
            List<Long> counts = List.of(c.live(), c.onPlan(), c.ahead(), c.behind());
            Standing[] standings = Standing.values();
            for (int i = 0; i < standings.length; i++) {
                long n = counts.get(i);
                if (n > 0) {
                    double width = BAR_WIDTH * n / widest;
                    pieces.add(new Piece(standings[i].label, standings[i].colour, n, round(x), round(width)));
                    x += width;
                }
            }
            bars.add(new PhaseBar(
                    phase(c.phase()) + (c.plannedNow() ? " (planen i dag)" : ""),
                    c.plannedNow(),
                    c.municipalities(),
                    counts,
                    pieces,
                    round(y + 22),
                    round(y + 16),
                    round(x + 6)));
        }
        List<Key> keys = java.util.Arrays.stream(Standing.values())
                .map(s -> new Key(s.label, s.colour))
                .toList();
        List<Row> rows = p.municipalities().stream().map(TrackPages::row).toList();
        List<PlanLine> plan = p.plan().stream()
                .sorted(java.util.Comparator.comparing(TrackProjection.PlannedPhase::phase))
                .map(ph -> new PlanLine(
                        phase(ph.phase()),
                        Words.date(ph.starts()),
                        Words.date(ph.ends()),
                        TrackPlan.Stage.valueOf(ph.phase().name()) == p.plannedStage()))
                .toList();
        List<String> about = new ArrayList<>();
        if (p.cohort() != null) {
            about.add(p.cohort());
        }
        if (p.vendor() != null) {
            about.add("leverandør " + p.vendor());
        }
        return new View(
                p.trackId().toString(),
                p.name(),
                String.join(", ", about),
                p.solution(),
                p.solutionName(),
                plannedNow(p),
                summary(p),
                p.enrolled(),
                p.live(),
                p.behind(),
                p.waitlisted(),
                plan,
                keys,
                bars,
                round(Math.max(1, bars.size()) * ROW_HEIGHT + 4),
                rows.stream().filter(Row::behind).toList(),
                rows,
                Words.date(p.today()));
    }

    private static Row row(TrackProgress.Member m) {
        return new Row(
                m.kommunenummer(),
                m.name(),
                phaseOf(m),
                AdoptionTables.label(m.level()),
                Words.date(m.liveSince()),
                assessment(m.assessment()),
                m.assessment() == TrackPlan.Assessment.BEHIND,
                why(m));
    }

    /** The one sentence above the chart: how many are behind, what the plan says today, how many are live. */
    static String summary(TrackProgress.Progress p) {
        if (p.enrolled() == 0) {
            return "Ingen kommuner har plass i " + p.name() + " ennå"
                    + (p.waitlisted() > 0 ? ", " + p.waitlisted() + " står på venteliste." : ".");
        }
        String behind = p.behind() == 0
                ? "Ingen av de " + p.enrolled() + " kommunene er bak planen"
                : p.behind() + " av " + p.enrolled() + " kommuner er bak planen";
        return behind + "; " + plannedNow(p) + ", og " + p.live() + " er i bruk"
                + (p.alreadyLive() > 0 ? " (" + p.alreadyLive() + " var det allerede da de meldte seg på)" : "")
                + ".";
    }

    private static String plannedNow(TrackProgress.Progress p) {
        return switch (p.plannedStage()) {
            case NOT_STARTED -> "etter planen har løpet ikke startet ennå";
            case FINISHED -> "etter planen er løpet avsluttet (fra " + Words.date(p.plannedSince()) + ")";
            default ->
                "etter planen er kommunene i fasen "
                        + phase(Phase.valueOf(p.plannedStage().name())) + " (fra " + Words.date(p.plannedSince()) + ")";
        };
    }

    static String why(TrackProgress.Member m) {
        return m.reasons().stream()
                .map(r -> switch (r.kind()) {
                    case PHASE_BEHIND ->
                        "Er i fasen " + phaseOf(m) + ", men etter planen skulle den vært i "
                                + phase(Phase.valueOf(r.expected().name())) + " fra " + Words.date(r.date()) + ".";
                    case NOT_LIVE_BY_PLAN ->
                        "Skulle vært i bruk da Gjennomføre sluttet " + Words.date(r.date())
                                + ", men Norsk helsenett melder " + levelWords(m.level()) + ".";
                })
                .collect(Collectors.joining(" "));
    }

    private static String levelWords(AdoptionLevel level) {
        return level == null || level == AdoptionLevel.NONE
                ? "ingen status"
                : "«" + AdoptionTables.label(level).toLowerCase(Locale.ROOT) + "»";
    }

    private static String phaseOf(TrackProgress.Member m) {
        return m.phase() == null ? "" : phase(m.phase());
    }

    static String phase(Phase phase) {
        return switch (phase) {
            case ANCHOR_AND_PREPARE -> "Forankre og forberede";
            case CARRY_OUT -> "Gjennomføre";
            case CLOSE_AND_REALISE -> "Avslutte og realisere";
        };
    }

    static String assessment(TrackPlan.Assessment a) {
        return switch (a) {
            case ALREADY_LIVE -> "Allerede i bruk";
            case LIVE -> "I bruk";
            case AHEAD -> "Foran planen";
            case ON_PLAN -> "I rute";
            case BEHIND -> "Bak planen";
            case WAITLISTED -> "På venteliste";
        };
    }

    private static String fileName(TrackProgress.Progress p) {
        String slug = java.text.Normalizer.normalize(p.name().toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace("æ", "ae")
                .replace("ø", "o")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? p.solution() + "-innforingslop" : slug;
    }

    /** A malformed id names no track: the same 404 as an unknown one. */
    private static UUID idOf(String trackId) {
        try {
            return UUID.fromString(trackId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Track", trackId);
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private void mayRead() {
        if (!publicDashboards && identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
    }
}
