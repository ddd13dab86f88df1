package no.ks.ehelse.benchmark;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.ks.ehelse.localstack.PostgresDatabases;
import no.ks.ehelse.suite.PostgresCluster;

/**
 * The two bounds NHN ingestion is set against (issue 21 §3), both over the same topic as the service, each in a
 * consumer group of its own reading it from the start:
 *
 * <ul>
 *   <li><b>broker</b>: fetch, parse, drop duplicate ids (in memory), nothing else: what the broker and the client
 *       deliver;
 *   <li><b>database</b>: the same, and per poll one transaction with one {@code unnest} statement per table into
 *       the service's own tables (their DDL copied from its database with pg_dump, indexes and keys included):
 *       processed ids, status history, current status, usage.
 * </ul>
 *
 * No rules (effective dates, reference data, corrections, went-live events, dead letters): what is left between
 * the service and the database bound is the framework and those rules.
 */
final class IngestionBounds {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONSUMER = "adoption-stats-service.nhn";
    private static final List<String> TABLES =
            List.of("processed_event", "status_report", "adoption_status", "usage_figure");

    private IngestionBounds() {}

    /** Events per second the broker bound consumed {@code expected} records at. */
    static double broker(String bootstrapServers, int expected) {
        long t0 = System.nanoTime();
        int consumed = 0;
        Set<String> seen = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers)) {
            while (consumed < expected) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                    consumed++;
                    JsonNode event = parse(r.value());
                    if (event != null) {
                        seen.add(event.path("id").asText());
                    }
                }
                consumer.commitSync();
            }
        }
        return consumed / ((System.nanoTime() - t0) / 1e9);
    }

    /**
     * Events per second the database bound consumed {@code expected} records at, into a fresh database with the
     * service's tables.
     */
    static double database(String bootstrapServers, PostgresCluster cluster, String serviceJdbcUrl, int expected)
            throws Exception {
        PostgresDatabases databases = new PostgresDatabases(cluster.adminUrl());
        String db =
                "bench_bound_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        databases.createIfMissing(db);
        try {
            copySchema(cluster, serviceJdbcUrl, db);
            long t0 = System.nanoTime();
            int consumed = 0;
            try (Connection c = DriverManager.getConnection(databases.urlOf(db), "postgres", "");
                    KafkaConsumer<String, String> consumer = consumer(bootstrapServers)) {
                c.setAutoCommit(false);
                Batch batch = new Batch(c);
                while (consumed < expected) {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofSeconds(1));
                    consumed += records.count();
                    batch.write(records);
                    c.commit();
                    consumer.commitSync();
                }
            }
            return consumed / ((System.nanoTime() - t0) / 1e9);
        } finally {
            databases.drop(db);
        }
    }

    /** One poll's rows, one statement per table. */
    private static final class Batch {
        private final Connection c;
        private final PreparedStatement processed;
        private final PreparedStatement history;
        private final PreparedStatement status;
        private final PreparedStatement usage;

        Batch(Connection c) throws SQLException {
            this.c = c;
            processed = c.prepareStatement("INSERT INTO processed_event (consumer, event_id, processed_at) "
                    + "SELECT ?, e, now() FROM unnest(?::text[]) AS t(e) ON CONFLICT DO NOTHING RETURNING event_id");
            history = c.prepareStatement("INSERT INTO status_report (event_id, kommunenummer, reported_kommunenummer, "
                    + "solution, status, effective_date, received_at) SELECT e, k, k, s, st, d::date, now() "
                    + "FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS t(e, k, s, st, d)");
            status = c.prepareStatement("INSERT INTO adoption_status (solution, kommunenummer, status, effective_date) "
                    + "SELECT s, k, st, d::date FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) "
                    + "AS t(s, k, st, d) ON CONFLICT (solution, kommunenummer) DO UPDATE SET status = "
                    + "EXCLUDED.status, effective_date = EXCLUDED.effective_date "
                    + "WHERE adoption_status.effective_date <= EXCLUDED.effective_date");
            usage = c.prepareStatement("INSERT INTO usage_figure (solution, metric, period, kommunenummer, value, "
                    + "reported_at) SELECT s, m, p, k, v::float8, now() FROM unnest(?::text[], ?::text[], ?::text[], "
                    + "?::text[], ?::text[]) AS t(s, m, p, k, v) ON CONFLICT (solution, metric, period, "
                    + "kommunenummer) DO UPDATE SET value = EXCLUDED.value, reported_at = EXCLUDED.reported_at");
        }

        void write(ConsumerRecords<String, String> records) throws SQLException {
            Map<String, JsonNode> events = new LinkedHashMap<>();
            for (ConsumerRecord<String, String> r : records) {
                JsonNode event = parse(r.value());
                if (event != null) {
                    events.putIfAbsent(event.path("id").asText(), event);
                }
            }
            if (events.isEmpty()) {
                return;
            }
            processed.setString(1, CONSUMER);
            processed.setArray(2, texts(new ArrayList<>(events.keySet())));
            Set<String> fresh = new HashSet<>();
            try (ResultSet rs = processed.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getString(1));
                }
            }
            List<List<String>> h = columns(5);
            Map<String, List<String>> latestStatus = new LinkedHashMap<>();
            Map<String, List<String>> latestUsage = new LinkedHashMap<>();
            for (String id : fresh) {
                JsonNode e = events.get(id);
                JsonNode d = e.path("data");
                String k = d.path("kommunenummer").asText();
                String s = d.path("solution").asText();
                if (e.path("type").asText().endsWith("status.v1")) {
                    String st = d.path("status").asText();
                    String date = d.path("effectiveDate").asText();
                    add(h, id, k, s, st, date);
                    // One row per key and statement: ON CONFLICT cannot touch a row twice.
                    latestStatus.merge(
                            s + "|" + k,
                            List.of(s, k, st, date),
                            (a, b) -> b.get(3).compareTo(a.get(3)) >= 0 ? b : a);
                } else {
                    String m = d.path("metric").asText();
                    String p = d.path("period").asText();
                    latestUsage.put(
                            s + "|" + m + "|" + p + "|" + k,
                            List.of(s, m, p, k, d.path("value").asText()));
                }
            }
            if (!h.get(0).isEmpty()) {
                bind(history, h).executeUpdate();
                bind(status, transpose(latestStatus.values(), 4)).executeUpdate();
            }
            if (!latestUsage.isEmpty()) {
                bind(usage, transpose(latestUsage.values(), 5)).executeUpdate();
            }
        }

        private PreparedStatement bind(PreparedStatement s, List<List<String>> columns) throws SQLException {
            for (int i = 0; i < columns.size(); i++) {
                s.setArray(i + 1, texts(columns.get(i)));
            }
            return s;
        }

        private Array texts(List<String> values) throws SQLException {
            return c.createArrayOf("text", values.toArray());
        }
    }

    private static List<List<String>> columns(int n) {
        List<List<String>> columns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            columns.add(new ArrayList<>());
        }
        return columns;
    }

    private static void add(List<List<String>> columns, String... values) {
        for (int i = 0; i < values.length; i++) {
            columns.get(i).add(values[i]);
        }
    }

    private static List<List<String>> transpose(Iterable<List<String>> rows, int n) {
        List<List<String>> columns = columns(n);
        for (List<String> row : rows) {
            add(columns, row.toArray(String[]::new));
        }
        return columns;
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            return null;
        }
    }

    private static KafkaConsumer<String, String> consumer(String bootstrapServers) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "bound-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        // The service's consumer runs with the client's default (500).
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        500),
                new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of("nhn.adoption.v1"));
        return consumer;
    }

    /** The service's tables, as its migrations made them (keys and indexes; no data, no foreign keys). */
    private static void copySchema(PostgresCluster cluster, String serviceJdbcUrl, String db)
            throws IOException, InterruptedException {
        String source = serviceJdbcUrl.replaceFirst(".*/", "").replaceFirst("\\?.*", "");
        List<String> dump = new ArrayList<>(List.of(
                PostgresCluster.bin().resolve("pg_dump").toString(), "--schema-only", "--no-owner", "--no-privileges"));
        TABLES.forEach(t -> dump.addAll(List.of("-t", t)));
        dump.add(source);
        ProcessBuilder dumping = new ProcessBuilder(dump);
        dumping.environment().putAll(cluster.libpqEnvironment());
        Process p = dumping.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] ddl = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("pg_dump of " + source + " failed");
        }
        ProcessBuilder loading =
                new ProcessBuilder(PostgresCluster.bin().resolve("psql").toString(), "-q", "-d", db);
        loading.environment().putAll(cluster.libpqEnvironment());
        Process load = loading.redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        load.getOutputStream().write(ddl);
        load.getOutputStream().close();
        load.waitFor();
        try (Connection c = DriverManager.getConnection(
                        new PostgresDatabases(cluster.adminUrl()).urlOf(db), "postgres", "");
                ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            Set<String> made = new HashSet<>();
            while (rs.next()) {
                made.add(rs.getString("TABLE_NAME"));
            }
            if (!made.containsAll(TABLES)) {
                throw new IllegalStateException("the bound's tables were not made from " + source + ": " + made);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
