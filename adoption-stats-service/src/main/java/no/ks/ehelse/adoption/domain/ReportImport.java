package no.ks.ehelse.adoption.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * NHN's reports sent over REST in bulk, with the same rules as the Kafka contract. Each row is judged on its
 * own; a dry run applies everything in a transaction that is rolled back, so its summary is exactly what a real
 * import would do.
 */
@ApplicationScoped
public class ReportImport {

    public record Rejected(int row, String reason) {}

    public record Summary(boolean dryRun, int rows, int imported, int updated, int ignored, List<Rejected> rejected) {}

    /** One row as sent: field name → text, and the row number the caller will recognise. */
    public record Row(int number, Map<String, String> fields) {}

    private final AdoptionLedger ledger;
    private final EffectiveDates effectiveDates;

    ReportImport(AdoptionLedger ledger, EffectiveDates effectiveDates) {
        this.ledger = ledger;
        this.effectiveDates = effectiveDates;
    }

    public Summary statuses(List<Row> rows, boolean dryRun) {
        var range = effectiveDates.today();
        return run(
                rows,
                dryRun,
                row -> new AdoptionLedger.StatusReportInput(
                        "import:" + UUID.randomUUID(),
                        ReportFields.kommunenummer(row.get("kommunenummer")),
                        ReportFields.solution(row.get("solution")),
                        ReportFields.level(row.get("status")),
                        ReportFields.date(row.get("effectiveDate"), range)));
    }

    public Summary usage(List<Row> rows, boolean dryRun) {
        var range = effectiveDates.today();
        return run(
                rows,
                dryRun,
                row -> new AdoptionLedger.UsageReportInput(
                        "import:" + UUID.randomUUID(),
                        ReportFields.kommunenummer(row.get("kommunenummer")),
                        ReportFields.solution(row.get("solution")),
                        ReportFields.metric(row.get("metric")),
                        ReportFields.period(row.get("period"), range),
                        ReportFields.value(row.get("value"))));
    }

    /** Rows whose fields are wrong are rejected here; the ledger judges the rest as one batch, in row order. */
    private Summary run(List<Row> rows, boolean dryRun, Function<Map<String, String>, AdoptionLedger.Report> parse) {
        List<Rejected> rejected = new ArrayList<>();
        List<AdoptionLedger.Report> reports = new ArrayList<>();
        List<Integer> rowNumbers = new ArrayList<>();
        for (Row row : rows) {
            try {
                reports.add(parse.apply(row.fields()));
                rowNumbers.add(row.number());
            } catch (RejectedReport e) {
                rejected.add(new Rejected(row.number(), e.getMessage()));
            }
        }
        QuarkusTransaction.begin();
        try {
            // Every import row is a report of its own (fresh ids): none is a redelivery.
            List<AdoptionLedger.Result> results = ledger.apply(reports, HashSet::new);
            int imported = 0;
            int updated = 0;
            int ignored = 0;
            for (int i = 0; i < results.size(); i++) {
                AdoptionLedger.Result result = results.get(i);
                if (result.isRejected()) {
                    rejected.add(new Rejected(rowNumbers.get(i), result.rejection()));
                    continue;
                }
                switch (result.outcome()) {
                    case IMPORTED -> imported++;
                    case UPDATED -> updated++;
                    case IGNORED_DUPLICATE, IGNORED_STALE -> ignored++;
                }
            }
            if (dryRun) {
                QuarkusTransaction.rollback();
            } else {
                QuarkusTransaction.commit();
            }
            rejected.sort(Comparator.comparingInt(Rejected::row));
            return new Summary(dryRun, rows.size(), imported, updated, ignored, rejected);
        } catch (RuntimeException e) {
            if (QuarkusTransaction.isActive()) {
                QuarkusTransaction.rollback();
            }
            throw e;
        }
    }
}
