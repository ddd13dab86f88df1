package no.ks.ehelse.adoption.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.events.PoisonCategory;

/**
 * Applies NHN's reports, from Kafka or a REST import, a batch at a time (a Kafka poll, an import file): reads the
 * registry's knowledge and the held rows the batch touches once ({@link LedgerTables}), runs the contract's rules in
 * memory in the order the reports came ({@link LedgerRules}), writes the changes set-based and announces the first
 * ACTIVEs and every level it changed.
 */
@ApplicationScoped
public class AdoptionLedger {

    public enum Outcome {
        IMPORTED,
        UPDATED,
        IGNORED_DUPLICATE,
        IGNORED_STALE
    }

    /** One report as NHN sent it; the event id makes redeliveries recognisable. */
    public sealed interface Report permits StatusReportInput, UsageReportInput {
        String eventId();

        String kommunenummer();

        String solution();
    }

    public record StatusReportInput(
            String eventId, String kommunenummer, String solution, AdoptionLevel status, LocalDate effectiveDate)
            implements Report {}

    public record UsageReportInput(
            String eventId, String kommunenummer, String solution, String metric, String period, double value)
            implements Report {}

    /** What became of one report: an outcome, or why it can never be applied and what kind of fault that is. */
    public record Result(Outcome outcome, String rejection, PoisonCategory category) {

        static Result of(Outcome outcome) {
            return new Result(outcome, null, null);
        }

        static Result rejected(LedgerRules.Rejection rejection) {
            return new Result(null, rejection.reason(), rejection.category());
        }

        public boolean isRejected() {
            return rejection != null;
        }
    }

    private final EntityManager em;
    private final AdoptionEvents events;
    private final Clock clock;

    AdoptionLedger(EntityManager em, AdoptionEvents events, Clock clock) {
        this.em = em;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Applies the reports in order and says, per report, what became of it. {@code firstDeliveries} gets the ids of
     * the reports that can be applied and returns those not seen before (a consumer records them in the same
     * transaction); the others are duplicates. A rejected report changes nothing and is not recorded as seen, so a
     * redelivery is judged again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Result> apply(
            List<? extends Report> reports, Function<Collection<String>, Set<String>> firstDeliveries) {
        LedgerTables tables = new LedgerTables(em.unwrap(Session.class));
        LedgerRules rules = tables.rules(reports, OffsetDateTime.now(clock));
        Result[] results = new Result[reports.size()];
        List<String> acceptable = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            LedgerRules.Rejection rejection = rules.rejectionOf(reports.get(i));
            if (rejection != null) {
                results[i] = Result.rejected(rejection);
            } else {
                acceptable.add(reports.get(i).eventId());
            }
        }
        Set<String> fresh = acceptable.isEmpty() ? Set.of() : firstDeliveries.apply(acceptable);
        Set<String> seen = new HashSet<>();
        List<Integer> toApply = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            if (results[i] == null) {
                String id = reports.get(i).eventId();
                if (fresh.contains(id) && seen.add(id)) {
                    toApply.add(i);
                } else {
                    results[i] = Result.of(Outcome.IGNORED_DUPLICATE);
                }
            }
        }
        if (!toApply.isEmpty()) {
            List<Report> applying = toApply.stream().<Report>map(reports::get).toList();
            rules.hold(tables.statuses(rules.statusKeys(applying)), tables.usage(rules.usageKeys(applying)));
            for (int i : toApply) {
                results[i] = Result.of(rules.apply(reports.get(i)));
            }
            tables.lockAnswerVersions(
                    applying.stream().map(Report::solution).collect(java.util.stream.Collectors.toSet()));
            tables.write(rules);
            events.wentLive(tables.announce(rules.firstActive()));
            events.levelsChanged(rules.changedStatuses().entrySet().stream()
                    .map(c -> new AdoptionEvents.LevelChanged(
                            c.getKey().kommunenummer(),
                            c.getKey().solution(),
                            c.getValue().level().name(),
                            c.getValue().effectiveDate()))
                    .toList());
        }
        return List.of(results);
    }
}
