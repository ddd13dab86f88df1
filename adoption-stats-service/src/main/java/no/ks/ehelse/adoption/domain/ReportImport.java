package no.ks.ehelse.adoption.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * NHN's reports sent over REST in bulk, with the same rules as the Kafka contract. Each row is judged on its
 * own; a dry run applies everything in a transaction that is rolled back, so its summary is exactly what a real
 * import would do.
 */
@ApplicationScoped
public class ReportImport {

    public record Rejected(int row, String reason) {
    }

    public record Summary(boolean dryRun, int rows, int imported, int updated, int ignored, List<Rejected> rejected) {
    }

    /** One row as sent: field name → text, and the row number the caller will recognise. */
    public record Row(int number, Map<String, String> fields) {
    }

    private final AdoptionLedger ledger;

    ReportImport(AdoptionLedger ledger) {
        this.ledger = ledger;
    }

    public Summary statuses(List<Row> rows, boolean dryRun) {
        return run(rows, dryRun, row -> ledger.recordStatus(new AdoptionLedger.StatusReportInput(
                "import:" + java.util.UUID.randomUUID(), ReportFields.kommunenummer(row.get("kommunenummer")),
                ReportFields.solution(row.get("solution")), ReportFields.level(row.get("status")),
                ReportFields.date(row.get("effectiveDate")))));
    }

    public Summary usage(List<Row> rows, boolean dryRun) {
        return run(rows, dryRun, row -> ledger.recordUsage(new AdoptionLedger.UsageReportInput(
                ReportFields.kommunenummer(row.get("kommunenummer")), ReportFields.solution(row.get("solution")),
                ReportFields.metric(row.get("metric")), ReportFields.period(row.get("period")),
                ReportFields.value(row.get("value")))));
    }

    private Summary run(List<Row> rows, boolean dryRun,
            java.util.function.Function<Map<String, String>, AdoptionLedger.Outcome> apply) {
        QuarkusTransaction.begin();
        try {
            int imported = 0;
            int updated = 0;
            int ignored = 0;
            List<Rejected> rejected = new ArrayList<>();
            for (Row row : rows) {
                try {
                    switch (apply.apply(row.fields())) {
                        case IMPORTED -> imported++;
                        case UPDATED -> updated++;
                        case IGNORED_DUPLICATE, IGNORED_STALE -> ignored++;
                    }
                } catch (RejectedReport e) {
                    rejected.add(new Rejected(row.number(), e.getMessage()));
                }
            }
            if (dryRun) {
                QuarkusTransaction.rollback();
            } else {
                QuarkusTransaction.commit();
            }
            return new Summary(dryRun, rows.size(), imported, updated, ignored, rejected);
        } catch (RuntimeException e) {
            if (QuarkusTransaction.isActive()) {
                QuarkusTransaction.rollback();
            }
            throw e;
        }
    }
}
