package no.ks.ehelse.adoption.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.hibernate.Session;

import no.ks.ehelse.adoption.domain.AdoptionLedger.Batch;

/**
 * The ledger's tables read and written a batch at a time: every statement takes whole columns as arrays
 * ({@code unnest}), so a batch costs the same few round trips whatever its size. Runs on the transaction's own
 * connection.
 */
final class LedgerTables {

    private final Session session;

    LedgerTables(Session session) {
        this.session = session;
    }

    /** Reads the held status and usage rows the batch touches. */
    void load(Batch batch) {
        session.doWork(c -> {
            if (!batch.touchedStatuses.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("SELECT a.solution, a.kommunenummer, a.status, "
                        + "a.effective_date FROM adoption_status a JOIN unnest(?::text[], ?::text[]) AS k(solution, "
                        + "kommunenummer) USING (solution, kommunenummer)")) {
                    bind(c, s, batch.touchedStatuses, Batch.StatusKey::solution, Batch.StatusKey::kommunenummer);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            batch.statuses.put(new Batch.StatusKey(rs.getString(1), rs.getString(2)), new Batch.Status(
                                    AdoptionLevel.valueOf(rs.getString(3)), rs.getObject(4, java.time.LocalDate.class)));
                        }
                    }
                }
            }
            if (!batch.touchedUsage.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("SELECT u.solution, u.metric, u.period, u.kommunenummer, "
                        + "u.value, u.reported_at FROM usage_figure u JOIN unnest(?::text[], ?::text[], ?::text[], "
                        + "?::text[]) AS k(solution, metric, period, kommunenummer) "
                        + "USING (solution, metric, period, kommunenummer)")) {
                    bind(c, s, batch.touchedUsage, Batch.UsageKey::solution, Batch.UsageKey::metric,
                            Batch.UsageKey::period, Batch.UsageKey::kommunenummer);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            batch.usage.put(new Batch.UsageKey(rs.getString(1), rs.getString(2), rs.getString(3),
                                    rs.getString(4)), new Batch.Usage(rs.getDouble(5),
                                            rs.getObject(6, java.time.OffsetDateTime.class)));
                        }
                    }
                }
            }
        });
    }

    /** Appends history and corrections and upserts the rows the batch changed. */
    void write(Batch batch) {
        session.doWork(c -> {
            if (!batch.history.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO status_report (event_id, kommunenummer, "
                        + "reported_kommunenummer, solution, status, effective_date, received_at) "
                        + "SELECT e, k, r, s, st, d::date, ? FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], "
                        + "?::text[], ?::text[]) AS t(e, k, r, s, st, d)")) {
                    s.setObject(1, batch.now);
                    bindFrom(2, c, s, batch.history, Batch.History::eventId, Batch.History::kommunenummer,
                            Batch.History::reportedKommunenummer, Batch.History::solution, h -> h.level().name(),
                            h -> h.effectiveDate().toString());
                    s.executeUpdate();
                }
            }
            if (!batch.changedStatuses.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO adoption_status (solution, kommunenummer, "
                        + "status, effective_date) SELECT s, k, st, d::date FROM unnest(?::text[], ?::text[], "
                        + "?::text[], ?::text[]) AS t(s, k, st, d) ON CONFLICT (solution, kommunenummer) DO UPDATE "
                        + "SET status = EXCLUDED.status, effective_date = EXCLUDED.effective_date")) {
                    bind(c, s, batch.changedStatuses, Batch.StatusKey::solution, Batch.StatusKey::kommunenummer,
                            k -> batch.statuses.get(k).level().name(),
                            k -> batch.statuses.get(k).effectiveDate().toString());
                    s.executeUpdate();
                }
            }
            if (!batch.corrections.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO usage_correction (kommunenummer, solution, "
                        + "metric, period, value, reported_at, replaced_at) SELECT k, s, m, p, v::float8, r::timestamptz, ? "
                        + "FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
                        + "AS t(k, s, m, p, v, r)")) {
                    s.setObject(1, batch.now);
                    bindFrom(2, c, s, batch.corrections, x -> x.key().kommunenummer(), x -> x.key().solution(),
                            x -> x.key().metric(), x -> x.key().period(), x -> Double.toString(x.replaced().value()),
                            x -> x.replaced().reportedAt().toString());
                    s.executeUpdate();
                }
            }
            if (!batch.changedUsage.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO usage_figure (solution, metric, period, "
                        + "kommunenummer, value, reported_at) SELECT s, m, p, k, v::float8, ? FROM unnest(?::text[], "
                        + "?::text[], ?::text[], ?::text[], ?::text[]) AS t(s, m, p, k, v) "
                        + "ON CONFLICT (solution, metric, period, kommunenummer) DO UPDATE "
                        + "SET value = EXCLUDED.value, reported_at = EXCLUDED.reported_at")) {
                    s.setObject(1, batch.now);
                    bindFrom(2, c, s, batch.changedUsage, Batch.UsageKey::solution, Batch.UsageKey::metric,
                            Batch.UsageKey::period, Batch.UsageKey::kommunenummer,
                            k -> Double.toString(batch.usage.get(k).value()));
                    s.executeUpdate();
                }
            }
        });
    }

    /**
     * Records the batch's first ACTIVE per municipality and solution as announced, unless an earlier batch did;
     * returns the ones that are new, in the order the batch met them.
     */
    List<AdoptionEvents.WentLive> announceFirstActive(Batch batch) {
        if (batch.firstActive.isEmpty()) {
            return List.of();
        }
        return session.doReturningWork(c -> {
            Set<Batch.StatusKey> inserted = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO went_live_announced (kommunenummer, solution, "
                    + "effective_date) SELECT k, s, d::date FROM unnest(?::text[], ?::text[], ?::text[]) AS t(k, s, d) "
                    + "ON CONFLICT DO NOTHING RETURNING solution, kommunenummer")) {
                bind(c, s, batch.firstActive.values(), AdoptionEvents.WentLive::kommunenummer, AdoptionEvents.WentLive::solution,
                        w -> w.effectiveDate().toString());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(new Batch.StatusKey(rs.getString(1), rs.getString(2)));
                    }
                }
            }
            List<AdoptionEvents.WentLive> announced = new ArrayList<>();
            batch.firstActive.forEach((key, live) -> {
                if (inserted.contains(key)) {
                    announced.add(live);
                }
            });
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
    private static <T> void bindFrom(int first, Connection c, PreparedStatement s, Collection<T> rows,
            Function<T, String>... columns) throws SQLException {
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
