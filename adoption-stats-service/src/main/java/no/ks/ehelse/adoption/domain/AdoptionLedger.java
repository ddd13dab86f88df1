package no.ks.ehelse.adoption.domain;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Applies NHN's reports, from Kafka or a REST import, with the contract's rules: an old kommunenummer counts for
 * the municipality it became; an older status than the one held is history only; a usage figure for the same
 * municipality, solution, metric and month is a correction (the old value is kept with its report time).
 * <p>
 * It works on a batch (a Kafka poll, an import file): the state the batch touches is read in one query per table,
 * the rules run in memory in the order the reports came, and the changes are written with one set-based
 * statement per table. Per report that would be half a dozen round trips; per batch of a thousand it is about ten.
 */
@ApplicationScoped
public class AdoptionLedger {

    public enum Outcome { IMPORTED, UPDATED, IGNORED_DUPLICATE, IGNORED_STALE }

    /** One report as NHN sent it; the event id makes redeliveries recognisable. */
    public sealed interface Report permits StatusReportInput, UsageReportInput {
        String eventId();

        String kommunenummer();

        String solution();
    }

    public record StatusReportInput(String eventId, String kommunenummer, String solution, AdoptionLevel status,
            LocalDate effectiveDate) implements Report {
    }

    public record UsageReportInput(String eventId, String kommunenummer, String solution, String metric,
            String period, double value) implements Report {
    }

    /** What became of one report: an outcome, or why it can never be applied. */
    public record Result(Outcome outcome, String rejection) {

        static Result of(Outcome outcome) {
            return new Result(outcome, null);
        }

        static Result rejected(String reason) {
            return new Result(null, reason);
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
    public List<Result> apply(List<? extends Report> reports, Function<Collection<String>, Set<String>> firstDeliveries) {
        Map<String, List<String>> targets = new HashMap<>();
        Result[] results = new Result[reports.size()];
        List<String> acceptable = new ArrayList<>();
        Session session = em.unwrap(Session.class);
        Resolver resolver = Resolver.load(session, reports);
        for (int i = 0; i < reports.size(); i++) {
            String reason = resolver.rejection(reports.get(i), targets);
            if (reason != null) {
                results[i] = Result.rejected(reason);
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
            applyInOrder(new LedgerTables(session), reports, toApply, targets, results);
        }
        return List.of(results);
    }

    /** Reads what the reports touch, runs the rules in memory, writes the result and announces first ACTIVEs. */
    private void applyInOrder(LedgerTables tables, List<? extends Report> reports, List<Integer> toApply,
            Map<String, List<String>> targets, Result[] results) {
        Batch batch = new Batch(OffsetDateTime.now(clock));
        for (int i : toApply) {
            for (String k : targets.get(reports.get(i).kommunenummer())) {
                batch.touch(reports.get(i), k);
            }
        }
        tables.load(batch);
        for (int i : toApply) {
            results[i] = Result.of(apply(batch, reports.get(i), targets.get(reports.get(i).kommunenummer())));
        }
        tables.write(batch);
        events.wentLive(tables.announceFirstActive(batch));
    }

    private static Outcome apply(Batch batch, Report report, List<String> municipalities) {
        if (report instanceof UsageReportInput usage) {
            return batch.usage(usage, municipalities.get(0));
        }
        Outcome outcome = null;
        for (String kommunenummer : municipalities) {
            outcome = strongest(outcome, batch.status((StatusReportInput) report, kommunenummer));
        }
        return outcome;
    }

    private static Outcome strongest(Outcome a, Outcome b) {
        return a == null || b.ordinal() < a.ordinal() ? b : a;
    }

    /** The municipalities a batch names and the solutions it reports on, read once per batch. */
    private record Resolver(Map<String, Municipality> municipalities, Set<String> solutions) {

        record Municipality(boolean current, List<String> successors) {
        }

        /** Plain SQL, not entities: the projections are only read here, and a thousand-report batch names hundreds. */
        static Resolver load(Session session, List<? extends Report> reports) {
            Set<String> numbers = new HashSet<>();
            Set<String> codes = new HashSet<>();
            for (Report r : reports) {
                numbers.add(r.kommunenummer());
                codes.add(r.solution());
            }
            Map<String, Municipality> municipalities = new HashMap<>();
            Set<String> solutions = new HashSet<>();
            session.doWork(c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT kommunenummer, valid_to IS NULL, successors "
                        + "FROM municipality WHERE kommunenummer = ANY(?)")) {
                    s.setArray(1, c.createArrayOf("text", numbers.toArray()));
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            municipalities.put(rs.getString(1), new Municipality(rs.getBoolean(2),
                                    List.of((String[]) rs.getArray(3).getArray())));
                        }
                    }
                }
                try (PreparedStatement s = c.prepareStatement("SELECT code FROM solution WHERE code = ANY(?)")) {
                    s.setArray(1, c.createArrayOf("text", codes.toArray()));
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            solutions.add(rs.getString(1));
                        }
                    }
                }
            });
            return new Resolver(municipalities, solutions);
        }

        /** Null when the report can be applied; then {@code targets} says which current municipalities it is for. */
        String rejection(Report report, Map<String, List<String>> targets) {
            if (!solutions.contains(report.solution())) {
                return "unknown solution " + report.solution();
            }
            if (report instanceof StatusReportInput s && s.status() == AdoptionLevel.NONE) {
                return "status must be ORDERED, TECHNICALLY_READY, ACTIVE or DISCONTINUED";
            }
            if (report instanceof UsageReportInput u
                    && (u.value() < 0 || Double.isNaN(u.value()) || Double.isInfinite(u.value()))) {
                return "value must be a number of 0 or more";
            }
            String number = report.kommunenummer();
            Municipality m = municipalities.get(number);
            if (m == null) {
                return "unknown municipality " + number;
            }
            if (m.current()) {
                targets.put(number, List.of(number));
                return null;
            }
            if (m.successors().isEmpty()) {
                return "former municipality " + number + " has no known successor";
            }
            if (m.successors().size() > 1 && report instanceof UsageReportInput) {
                return "former municipality " + number + " was split into " + m.successors()
                        + "; a usage figure cannot be attributed to one of them";
            }
            targets.put(number, m.successors());
            return null;
        }
    }

    /**
     * The rows one batch touches, as held before it and as it leaves them, plus what it appends (history,
     * corrections) and the first ACTIVE per municipality and solution.
     */
    static final class Batch {

        record StatusKey(String solution, String kommunenummer) {
        }

        record UsageKey(String solution, String metric, String period, String kommunenummer) {
        }

        record Status(AdoptionLevel level, LocalDate effectiveDate) {
        }

        record Usage(double value, OffsetDateTime reportedAt) {
        }

        record History(String eventId, String kommunenummer, String reportedKommunenummer, String solution,
                AdoptionLevel level, LocalDate effectiveDate) {
        }

        record Correction(UsageKey key, Usage replaced) {
        }

        final OffsetDateTime now;
        final Set<StatusKey> touchedStatuses = new HashSet<>();
        final Set<UsageKey> touchedUsage = new HashSet<>();
        final Map<StatusKey, Status> statuses = new HashMap<>();
        final Map<UsageKey, Usage> usage = new HashMap<>();
        final Set<StatusKey> changedStatuses = new HashSet<>();
        final Set<UsageKey> changedUsage = new HashSet<>();
        final List<History> history = new ArrayList<>();
        final List<Correction> corrections = new ArrayList<>();
        final Map<StatusKey, AdoptionEvents.WentLive> firstActive = new LinkedHashMap<>();

        Batch(OffsetDateTime now) {
            this.now = now;
        }

        void touch(Report report, String kommunenummer) {
            if (report instanceof UsageReportInput u) {
                touchedUsage.add(new UsageKey(u.solution(), u.metric(), u.period(), kommunenummer));
            } else {
                touchedStatuses.add(new StatusKey(report.solution(), kommunenummer));
            }
        }

        Outcome status(StatusReportInput report, String kommunenummer) {
            StatusKey key = new StatusKey(report.solution(), kommunenummer);
            Status held = statuses.get(key);
            if (held != null && held.level() == report.status() && held.effectiveDate().equals(report.effectiveDate())) {
                return Outcome.IGNORED_DUPLICATE;
            }
            history.add(new History(report.eventId(), kommunenummer, report.kommunenummer(), report.solution(),
                    report.status(), report.effectiveDate()));
            if (held != null && report.effectiveDate().isBefore(held.effectiveDate())) {
                return Outcome.IGNORED_STALE;
            }
            statuses.put(key, new Status(report.status(), report.effectiveDate()));
            changedStatuses.add(key);
            if (report.status() == AdoptionLevel.ACTIVE) {
                firstActive.putIfAbsent(key,
                        new AdoptionEvents.WentLive(kommunenummer, report.solution(), report.effectiveDate()));
            }
            return held == null ? Outcome.IMPORTED : Outcome.UPDATED;
        }

        Outcome usage(UsageReportInput report, String kommunenummer) {
            UsageKey key = new UsageKey(report.solution(), report.metric(), report.period(), kommunenummer);
            Usage held = usage.get(key);
            if (held != null && held.value() == report.value()) {
                return Outcome.IGNORED_DUPLICATE;
            }
            if (held != null) {
                corrections.add(new Correction(key, held));
            }
            usage.put(key, new Usage(report.value(), now));
            changedUsage.add(key);
            return held == null ? Outcome.IMPORTED : Outcome.UPDATED;
        }
    }
}
