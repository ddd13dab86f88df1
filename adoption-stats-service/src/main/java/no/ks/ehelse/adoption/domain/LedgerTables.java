package no.ks.ehelse.adoption.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.hibernate.Session;

import no.ks.ehelse.adoption.domain.AdoptionLedger.Report;
import no.ks.ehelse.adoption.domain.LedgerRules.Correction;
import no.ks.ehelse.adoption.domain.LedgerRules.History;
import no.ks.ehelse.adoption.domain.LedgerRules.Status;
import no.ks.ehelse.adoption.domain.LedgerRules.StatusKey;
import no.ks.ehelse.adoption.domain.LedgerRules.Usage;
import no.ks.ehelse.adoption.domain.LedgerRules.UsageKey;

/**
 * The ledger's tables read and written a batch at a time: every statement takes whole columns as arrays
 * ({@code unnest}), so a batch costs the same few round trips whatever its size. Plain SQL, not entities: the
 * projections are only read here, and a batch names hundreds of rows. Runs on the transaction's own connection.
 */
final class LedgerTables {

    private final Session session;

    LedgerTables(Session session) {
        this.session = session;
    }

    /** The rules for a batch, knowing the municipalities and solutions its reports name as the registry has them. */
    LedgerRules rules(List<? extends Report> reports, OffsetDateTime now) {
        Set<String> numbers = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (Report r : reports) {
            numbers.add(r.kommunenummer());
            codes.add(r.solution());
        }
        Map<String, LedgerRules.Municipality> municipalities = new HashMap<>();
        Set<String> solutions = new HashSet<>();
        session.doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT kommunenummer, valid_to IS NULL, successors "
                    + "FROM municipality WHERE kommunenummer = ANY(?)")) {
                s.setArray(1, c.createArrayOf("text", numbers.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        municipalities.put(
                                rs.getString(1), new LedgerRules.Municipality(rs.getBoolean(2), List.of((String[])
                                        rs.getArray(3).getArray())));
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
        return new LedgerRules(municipalities, solutions, now);
    }

    /** The held status rows of these keys. */
    Map<StatusKey, Status> statuses(Set<StatusKey> keys) {
        Map<StatusKey, Status> held = new HashMap<>();
        if (keys.isEmpty()) {
            return held;
        }
        session.doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT a.solution, a.kommunenummer, a.status, "
                    + "a.effective_date FROM adoption_status a JOIN unnest(?::text[], ?::text[]) AS k(solution, "
                    + "kommunenummer) USING (solution, kommunenummer)")) {
                bind(c, s, keys, StatusKey::solution, StatusKey::kommunenummer);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        held.put(
                                new StatusKey(rs.getString(1), rs.getString(2)),
                                new Status(AdoptionLevel.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class)));
                    }
                }
            }
        });
        return held;
    }

    /** The held usage rows of these keys. */
    Map<UsageKey, Usage> usage(Set<UsageKey> keys) {
        Map<UsageKey, Usage> held = new HashMap<>();
        if (keys.isEmpty()) {
            return held;
        }
        session.doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT u.solution, u.metric, u.period, u.kommunenummer, "
                    + "u.value, u.reported_at FROM usage_figure u JOIN unnest(?::text[], ?::text[], ?::text[], "
                    + "?::text[]) AS k(solution, metric, period, kommunenummer) "
                    + "USING (solution, metric, period, kommunenummer)")) {
                bind(c, s, keys, UsageKey::solution, UsageKey::metric, UsageKey::period, UsageKey::kommunenummer);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        held.put(
                                new UsageKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                                new Usage(rs.getDouble(5), rs.getObject(6, OffsetDateTime.class)));
                    }
                }
            }
        });
        return held;
    }

    /**
     * Locks the answer versions of the batch's solutions (migration V40), in code order, before the writes whose
     * triggers bump them: two replicas applying batches about the same solutions then wait for each other instead of
     * each holding one solution's row and waiting for the other's.
     */
    void lockAnswerVersions(Collection<String> solutions) {
        if (solutions.isEmpty()) {
            return;
        }
        String[] ordered = new java.util.TreeSet<>(solutions).toArray(String[]::new);
        session.doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO answer_version (scope, version) "
                    + "SELECT scope, 1 FROM unnest(?::text[]) AS t(scope) ORDER BY scope "
                    + "ON CONFLICT (scope) DO UPDATE SET version = answer_version.version + 1")) {
                s.setArray(1, c.createArrayOf("text", ordered));
                s.executeUpdate();
            }
        });
    }

    /** Appends history and corrections and upserts the rows the batch changed. */
    void write(LedgerRules rules) {
        List<History> history = rules.history();
        Map<StatusKey, Status> statuses = rules.changedStatuses();
        List<Correction> corrections = rules.corrections();
        Map<UsageKey, Usage> usage = rules.changedUsage();
        session.doWork(c -> {
            if (!history.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO status_report (event_id, kommunenummer, "
                        + "reported_kommunenummer, solution, status, effective_date, received_at) "
                        + "SELECT e, k, r, s, st, d::date, ? FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], "
                        + "?::text[], ?::text[]) AS t(e, k, r, s, st, d)")) {
                    s.setObject(1, rules.now());
                    bindFrom(
                            2,
                            c,
                            s,
                            history,
                            History::eventId,
                            History::kommunenummer,
                            History::reportedKommunenummer,
                            History::solution,
                            h -> h.level().name(),
                            h -> h.effectiveDate().toString());
                    s.executeUpdate();
                }
            }
            if (!statuses.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO adoption_status (solution, kommunenummer, "
                        + "status, effective_date) SELECT s, k, st, d::date FROM unnest(?::text[], ?::text[], "
                        + "?::text[], ?::text[]) AS t(s, k, st, d) ON CONFLICT (solution, kommunenummer) DO UPDATE "
                        + "SET status = EXCLUDED.status, effective_date = EXCLUDED.effective_date")) {
                    bind(
                            c,
                            s,
                            statuses.entrySet(),
                            e -> e.getKey().solution(),
                            e -> e.getKey().kommunenummer(),
                            e -> e.getValue().level().name(),
                            e -> e.getValue().effectiveDate().toString());
                    s.executeUpdate();
                }
            }
            if (!corrections.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO usage_correction (kommunenummer, solution, "
                        + "metric, period, value, reported_at, replaced_at) SELECT k, s, m, p, v::float8, r::timestamptz, ? "
                        + "FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
                        + "AS t(k, s, m, p, v, r)")) {
                    s.setObject(1, rules.now());
                    bindFrom(
                            2,
                            c,
                            s,
                            corrections,
                            x -> x.key().kommunenummer(),
                            x -> x.key().solution(),
                            x -> x.key().metric(),
                            x -> x.key().period(),
                            x -> Double.toString(x.replaced().value()),
                            x -> x.replaced().reportedAt().toString());
                    s.executeUpdate();
                }
            }
            if (!usage.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO usage_figure (solution, metric, period, "
                        + "kommunenummer, value, reported_at) SELECT s, m, p, k, v::float8, ? FROM unnest(?::text[], "
                        + "?::text[], ?::text[], ?::text[], ?::text[]) AS t(s, m, p, k, v) "
                        + "ON CONFLICT (solution, metric, period, kommunenummer) DO UPDATE "
                        + "SET value = EXCLUDED.value, reported_at = EXCLUDED.reported_at")) {
                    s.setObject(1, rules.now());
                    bindFrom(
                            2,
                            c,
                            s,
                            usage.entrySet(),
                            e -> e.getKey().solution(),
                            e -> e.getKey().metric(),
                            e -> e.getKey().period(),
                            e -> e.getKey().kommunenummer(),
                            e -> Double.toString(e.getValue().value()));
                    s.executeUpdate();
                }
            }
        });
    }

    /**
     * Records these first ACTIVEs as announced, unless an earlier batch did; returns the ones that are new, in the
     * order given.
     */
    List<AdoptionEvents.WentLive> announce(List<AdoptionEvents.WentLive> firstActive) {
        if (firstActive.isEmpty()) {
            return List.of();
        }
        return session.doReturningWork(c -> {
            Set<StatusKey> inserted = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO went_live_announced (kommunenummer, solution, "
                    + "effective_date) SELECT k, s, d::date FROM unnest(?::text[], ?::text[], ?::text[]) AS t(k, s, d) "
                    + "ON CONFLICT DO NOTHING RETURNING solution, kommunenummer")) {
                bind(
                        c,
                        s,
                        firstActive,
                        AdoptionEvents.WentLive::kommunenummer,
                        AdoptionEvents.WentLive::solution,
                        w -> w.effectiveDate().toString());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(new StatusKey(rs.getString(1), rs.getString(2)));
                    }
                }
            }
            List<AdoptionEvents.WentLive> announced = new ArrayList<>();
            for (AdoptionEvents.WentLive live : firstActive) {
                if (inserted.contains(new StatusKey(live.solution(), live.kommunenummer()))) {
                    announced.add(live);
                }
            }
            return announced;
        });
    }

    @SafeVarargs
    private static <T> void bind(Connection c, PreparedStatement s, Collection<T> rows, Function<T, String>... columns)
            throws SQLException {
        bindFrom(1, c, s, rows, columns);
    }

    /** Binds one text array per column, starting at parameter {@code first}. */
    @SafeVarargs
    private static <T> void bindFrom(
            int first, Connection c, PreparedStatement s, Collection<T> rows, Function<T, String>... columns)
            throws SQLException {
        List<T> ordered = List.copyOf(rows);
        for (int col = 0; col < columns.length; col++) {
            String[] values = new String[ordered.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = columns[col].apply(ordered.get(i));
            }
            s.setArray(first + col, c.createArrayOf("text", values));
        }
    }
}
