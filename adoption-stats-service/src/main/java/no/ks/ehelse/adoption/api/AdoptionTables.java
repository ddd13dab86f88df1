package no.ks.ehelse.adoption.api;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.adoption.domain.AdoptionLevel;
import no.ks.ehelse.adoption.domain.AdoptionQueries;
import no.ks.ehelse.adoption.domain.Funnel;
import no.ks.ehelse.adoption.domain.ReferenceNames;
import no.ks.ehelse.adoption.domain.ReferenceNames.Kind;
import no.ks.ehelse.adoption.domain.UsageMonths;
import no.ks.ehelse.platform.api.TableExport;
import no.ks.ehelse.platform.api.TableExport.Column;
import no.ks.ehelse.platform.api.TableExport.Table;

/**
 * The service's tables as people download them, from the API ({@code ?format=}) and from the dashboard pages
 * alike: Norwegian headers, names beside codes, codes as text. Words follow docs/glossary.md.
 */
@ApplicationScoped
public class AdoptionTables {

    private final ReferenceNames names;

    AdoptionTables(ReferenceNames names) {
        this.names = names;
    }

    /** The Norwegian word for an adoption level, as the dashboards and downloads show it. */
    public static String label(AdoptionLevel level) {
        if (level == null) {
            return "";
        }
        return switch (level) {
            case ACTIVE -> "Aktiv (i bruk)";
            case TECHNICALLY_READY -> "Teknisk tilrettelagt";
            case ORDERED -> "Bestilt";
            case DISCONTINUED -> "Avsluttet";
            case NONE -> "Ikke startet";
        };
    }

    /** The levels in the order the dashboards show them, from in use to nothing. */
    public static final List<AdoptionLevel> LEVELS = List.of(
            AdoptionLevel.ACTIVE,
            AdoptionLevel.TECHNICALLY_READY,
            AdoptionLevel.ORDERED,
            AdoptionLevel.DISCONTINUED,
            AdoptionLevel.NONE);

    /** A track as people name it; one not yet announced on enrollment.tracks.v1 by its id. */
    public static String trackName(Funnel.Stage stage) {
        return stage.trackName() == null ? "Innføringsløp " + stage.trackId() : stage.trackName();
    }

    /** The funnel per track, by name with the id beside it for machines. */
    public Table funnel(String solution, Funnel.SolutionFunnel funnel) {
        TableExport.Builder table = Table.named(
                solution + "-innforingslop",
                "Innføringsløp",
                Column.text("Innføringsløp"),
                Column.text("Id"),
                Column.integer("Påmeldt"),
                Column.integer("I bruk"),
                Column.integer("Allerede i bruk da de meldte seg på"),
                Column.decimal("Median dager fra påmelding til i bruk"));
        for (Funnel.Stage t : funnel.tracks()) {
            table.row(
                    trackName(t),
                    t.trackId().toString(),
                    t.enrolled(),
                    t.live(),
                    t.alreadyLive(),
                    t.medianDaysToLive());
        }
        return table.build();
    }

    public Table nonAdopters(String solution, AdoptionQueries.NonAdopters nonAdopters) {
        TableExport.Builder table = Table.named(
                solution + "-ikke-tatt-i-bruk",
                "Ikke tatt i bruk",
                Column.text("Diginettverk"),
                Column.text("Kommunenummer"),
                Column.text("Kommune"),
                Column.text("Status"));
        for (AdoptionQueries.NonAdopterGroup g : nonAdopters.byNetwork()) {
            for (AdoptionQueries.Municipality m : g.municipalities()) {
                table.row(networkName(m.network()), m.kommunenummer(), m.name(), label(m.level()));
            }
        }
        return table.build();
    }

    public Table coverage(String solution, AdoptionQueries.Coverage coverage) {
        String group =
                switch (coverage.groupBy()) {
                    case NATION -> "Land";
                    case HEALTH_REGION -> "Helseregion";
                    case COUNTY -> "Fylke";
                    case NETWORK -> "Diginettverk";
                };
        boolean codes = coverage.groupBy() != AdoptionQueries.GroupBy.NATION;
        String suffix =
                switch (coverage.groupBy()) {
                    case NATION -> "landet";
                    case HEALTH_REGION -> "helseregion";
                    case COUNTY -> "fylke";
                    case NETWORK -> "nettverk";
                };
        List<Column> columns = new java.util.ArrayList<>();
        if (coverage.groupBy() == AdoptionQueries.GroupBy.COUNTY) {
            columns.add(Column.text("Fylkesnummer"));
        } else if (codes) {
            columns.add(Column.text(group + " (kode)"));
        }
        columns.add(Column.text(group));
        columns.add(Column.integer("Kommuner"));
        for (AdoptionLevel level : LEVELS) {
            columns.add(Column.integer(label(level)));
        }
        columns.add(Column.integer("Innbyggere der løsningen er aktiv"));
        columns.add(Column.integer("Innbyggere"));
        columns.add(Column.percent("Andel innbyggere der løsningen er aktiv"));
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (AdoptionQueries.CoverageGroup g : coverage.groups()) {
            List<Object> row = new java.util.ArrayList<>();
            if (codes) {
                row.add(g.group());
            }
            row.add(groupName(coverage.groupBy(), g.group()));
            row.add(g.municipalities());
            for (AdoptionLevel level : LEVELS) {
                row.add(g.byLevel().get(level));
            }
            row.add(g.inhabitantsActive());
            row.add(g.inhabitants());
            row.add(g.shareOfInhabitantsActive());
            rows.add(row);
        }
        String file = solution + "-dekning-" + suffix + (coverage.asOf() == null ? "" : "-" + coverage.asOf());
        return new Table(file, "Dekning per " + group.toLowerCase(java.util.Locale.ROOT), columns, rows);
    }

    public Table usage(String solution, AdoptionQueries.Usage usage) {
        TableExport.Builder table = Table.named(
                slug(solution + "-bruk-" + usage.metric() + "-" + usage.period()),
                "Bruk " + usage.period(),
                Column.text("Kommunenummer"),
                Column.text("Kommune"),
                Column.text("Måltall"),
                Column.text("Måned"),
                Column.decimal("Verdi"),
                Column.integer("Innbyggere"),
                Column.decimal("Per 1000 innbyggere"));
        for (AdoptionQueries.UsageRow r : usage.municipalities()) {
            table.row(r.group(), r.name(), usage.metric(), usage.period(), r.value(), r.inhabitants(), r.per1000());
        }
        return table.build();
    }

    public Table usageMonths(String solution, List<UsageMonths.Month> months) {
        TableExport.Builder table = Table.named(
                solution + "-bruk-per-maned",
                "Bruk per måned",
                Column.text("Måltall"),
                Column.text("Måned"),
                Column.decimal("Sum"),
                Column.integer("Kommuner som har rapportert"),
                Column.integer("Innbyggere i dem"),
                Column.decimal("Per 1000 innbyggere"));
        for (UsageMonths.Month m : months) {
            table.row(m.metric(), m.period(), m.total(), m.municipalities(), m.inhabitants(), m.per1000());
        }
        return table.build();
    }

    public Table history(String solution, String kommunenummer, String name, List<AdoptionQueries.HistoryRow> rows) {
        TableExport.Builder table = Table.named(
                solution + "-historikk-" + kommunenummer,
                "Historikk " + kommunenummer,
                Column.text("Kommunenummer"),
                Column.text("Kommune"),
                Column.date("Gjelder fra"),
                Column.text("Status"),
                Column.text("Rapportert som kommunenummer"),
                Column.date("Mottatt"));
        for (AdoptionQueries.HistoryRow r : rows) {
            table.row(
                    kommunenummer,
                    name,
                    r.effectiveDate(),
                    label(r.status()),
                    r.reportedAs(),
                    r.receivedAt() == null ? null : r.receivedAt().toLocalDate());
        }
        return table.build();
    }

    public String networkName(String code) {
        return code == null ? "Uten Diginettverk" : names.name(Kind.NETWORK, code);
    }

    public String groupName(AdoptionQueries.GroupBy by, String code) {
        if (code == null || "null".equals(code)) {
            return "Ukjent";
        }
        return switch (by) {
            case NATION -> "Hele landet";
            case HEALTH_REGION -> names.name(Kind.HEALTH_REGION, code);
            case COUNTY -> names.name(Kind.COUNTY, code);
            case NETWORK -> names.name(Kind.NETWORK, code);
        };
    }

    /** A file name from codes NHN chose (metric names): lower-case ASCII, other characters as '-'. */
    static String slug(String text) {
        String ascii = java.text.Normalizer.normalize(
                        text.toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFD)
                .replace("ø", "o")
                .replace("æ", "ae")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return ascii.isEmpty() ? "tabell" : ascii;
    }
}
