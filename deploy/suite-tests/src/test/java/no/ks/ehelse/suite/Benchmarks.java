package no.ks.ehelse.suite;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import no.ks.ehelse.localstack.MailSink;
import no.ks.ehelse.localstack.PostgresDatabases;
import no.ks.ehelse.localstack.ServiceProcess;
import no.ks.ehelse.localstack.TestTokens;

/**
 * The benchmarks of docs/performance.md, against the suite as processes (not part of the test command: run by
 * {@code deploy/benchmark/run}). Each writes a section of the report ({@code -Dbenchmark.report}); figures are
 * absolute numbers plus ratios measured in the same run, since the machine is small and shared.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Benchmarks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SOLUTIONS = List.of("kjernejournal", "digihelse", "digihelsestasjon",
            "digihelsestasjon-ungdom", "vkp", "htm", "egenandel-skatteopplysninger", "sfm", "pll",
            "pasientens-journaldokumenter", "provesvar", "maledata-dho", "e-meldinger", "helsekort-gravide", "news2");
    private static final StringBuilder REPORT = new StringBuilder();
    private static Suite suite;
    private static List<String> municipalities;

    @BeforeAll
    static void start() {
        Instant t0 = Instant.now();
        suite = Suite.start("bench");
        line("# Benchmark report, " + Instant.now() + "\n");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ". Suite (Kafka process + 4 services in parallel) ready in "
                + Duration.between(t0, Instant.now()).toMillis() + " ms.\n");
        municipalities = suite.admin("registry-service").get("/api/v1/municipalities?size=500&sort=kommunenummer")
                .then().statusCode(200).extract().path("items.kommunenummer");
    }

    @AfterAll
    static void stop() throws IOException {
        if (suite != null) {
            suite.close();
        }
        Path report = Path.of(System.getProperty("benchmark.report", "target/benchmark-report.md"));
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, REPORT.toString(), StandardCharsets.UTF_8);
        System.out.println(REPORT);
    }

    /** 4. Footprint: each service started alone (the others running), time to ready and RSS. */
    @Test
    @Order(1)
    void footprint() throws Exception {
        line("## Footprint (JVM mode, fast-jar, -XX:+UseSerialGC -Xmx192m)\n");
        line("| service | start → ready (ms) | RSS idle (MB) |\n|---|---|---|");
        for (String service : Suite.SERVICES) {
            suite.kill(service);
            Instant t0 = Instant.now();
            ServiceProcess p = suite.startService(service);
            long ready = Duration.between(t0, Instant.now()).toMillis();
            Thread.sleep(10_000);
            line("| " + service + " | " + ready + " | " + p.rssKb() / 1024 + " |");
        }
        line("");
    }

    /** 3. Enrollment write path: enroll latency and throughput, and enroll response → confirmation mail. */
    @Test
    @Order(2)
    void enrollmentWritePath() throws Exception {
        List<String> chosen = municipalities.subList(0, 300);
        for (String k : chosen) {
            suite.admin("registry-service").body("""
                    {"role": "EHEALTH_CONTACT", "name": "E-helsekontakt", "email": "%s"}""".formatted(contact(k)))
                    .post("/api/v1/municipalities/" + k + "/contacts").then().statusCode(201);
        }
        for (String k : chosen) {
            await().atMost(Duration.ofSeconds(60)).until(() -> suite.as("notification-service", municipality(k))
                    .get("/api/v1/recipients/" + contact(k) + "/delivery").statusCode() == 200);
        }
        String track = suite.openTrack("digihelse", "Benchmark 2027", 400);
        Map<String, Long> responded = new ConcurrentHashMap<>();
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        MailSink mail = suite.mail;
        Thread watcher = new Thread(() -> {
            int seen = 0;
            while (!Thread.currentThread().isInterrupted()) {
                int count = mail.count();
                if (count > seen) {
                    long now = System.nanoTime();
                    List<MailSink.Mail> mails = mail.mails();
                    for (MailSink.Mail m : mails.subList(seen, mails.size())) {
                        m.to().forEach(to -> arrived.putIfAbsent(to, now));
                    }
                    seen = mails.size();
                }
                Thread.onSpinWait();
            }
        });
        watcher.start();
        List<Long> sequential = new ArrayList<>();
        Instant s0 = Instant.now();
        for (String k : chosen.subList(0, 150)) {
            sequential.add(enroll(track, k, responded));
        }
        double sequentialRps = 150 / (Duration.between(s0, Instant.now()).toMillis() / 1000.0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Long>> concurrent = new ArrayList<>();
        Instant c0 = Instant.now();
        for (String k : chosen.subList(150, 300)) {
            concurrent.add(pool.submit(() -> enroll(track, k, responded)));
        }
        List<Long> parallel = new ArrayList<>();
        for (Future<Long> f : concurrent) {
            parallel.add(f.get());
        }
        double concurrentRps = 150 / (Duration.between(c0, Instant.now()).toMillis() / 1000.0);
        pool.shutdown();
        await().atMost(Duration.ofMinutes(2)).until(() -> chosen.stream().allMatch(k -> arrived.containsKey(contact(k))));
        watcher.interrupt();
        List<Long> delays = new ArrayList<>();
        for (String k : chosen) {
            delays.add((arrived.get(contact(k)) - responded.get(k)) / 1_000_000);
        }
        line("## Enrollment write path (REST → database + outbox; → Kafka → notification → SMTP)\n");
        line("| measure | value |\n|---|---|");
        line("| enroll, 1 client, 150 requests | " + round(sequentialRps) + " req/s, p50 " + pct(sequential, 50)
                + " ms, p99 " + pct(sequential, 99) + " ms |");
        line("| enroll, 8 clients, 150 requests | " + round(concurrentRps) + " req/s, p50 " + pct(parallel, 50)
                + " ms, p99 " + pct(parallel, 99) + " ms |");
        line("| enroll response → confirmation mail in the SMTP server, 300 enrollments | p50 " + pct(delays, 50)
                + " ms, p95 " + pct(delays, 95) + " ms, max " + Collections.max(delays) + " ms (target p95 ≤ 1000) |");
        line("");
    }

    /** 1. NHN ingestion: 200,000 pre-produced events; adoption-stats against a plain batched-JDBC consumer. */
    @Test
    @Order(3)
    void nhnIngestion() throws Exception {
        suite.kill("adoption-stats-service");
        List<String[]> events = nhnEvents(200_000, 7);
        Instant p0 = Instant.now();
        produce(events);
        long produceMs = Duration.between(p0, Instant.now()).toMillis();

        Instant t0 = Instant.now();
        suite.startService("adoption-stats-service");
        Instant ready = Instant.now();
        await().atMost(Duration.ofMinutes(40)).pollInterval(Duration.ofSeconds(1)).until(() -> Lag.total(
                suite.kafka.bootstrapServers(), Map.of("nhn.adoption.v1", List.of("adoption-stats-service"))) == 0);
        Instant done = Instant.now();
        double serviceSeconds = Duration.between(ready, done).toMillis() / 1000.0;
        double serviceRate = events.size() / serviceSeconds;

        Instant r0 = Instant.now();
        int raw = rawBound(events.size());
        double rawSeconds = Duration.between(r0, Instant.now()).toMillis() / 1000.0;
        double rawRate = raw / rawSeconds;
        line("## NHN ingestion (200,000 events: 357 municipalities × 15 solutions × 24 months, status and usage, 2 % duplicates)\n");
        line("| consumer | time | events/s |\n|---|---|---|");
        line("| adoption-stats-service (start → ready " + Duration.between(t0, ready).toMillis()
                + " ms, then ready → lag 0) | " + round(serviceSeconds) + " s | " + round(serviceRate) + " |");
        line("| raw bound: plain KafkaConsumer + batched JDBC upserts into tables of the same shape | "
                + round(rawSeconds) + " s | " + round(rawRate) + " |");
        line("| **ratio** service / raw (target ≥ 0.7) | | **" + String.format("%.3f", serviceRate / rawRate) + "** |");
        line("\n(Producing the 200,000 events took " + produceMs + " ms.)\n");
    }

    /** 2. Queries under load with wrk (2 threads, 50 connections, 30 s), against a trivial endpoint. */
    @Test
    @Order(4)
    void queries() throws Exception {
        line("## Queries with 200,000 events loaded (wrk -t2 -c50 -d30s)\n");
        if (!onPath("wrk")) {
            line("wrk is not installed (deploy/benchmark/run installs it with apt); skipped.\n");
            return;
        }
        String base = suite.url("adoption-stats-service");
        String token = TestTokens.forRole("reader");
        Map<String, String[]> targets = new java.util.LinkedHashMap<>();
        targets.put("trivial: /q/health/live", new String[] { "/q/health/live", "application/json" });
        targets.put("coverage by network (JSON)", new String[] { "/api/v1/adoption/vkp/coverage?groupBy=NETWORK", "application/json" });
        targets.put("coverage by network (CSV)", new String[] { "/api/v1/adoption/vkp/coverage?groupBy=NETWORK", "text/csv" });
        targets.put("non-adopters (JSON)", new String[] { "/api/v1/adoption/vkp/non-adopters", "application/json" });
        targets.put("usage per 1000 (JSON)", new String[] { "/api/v1/adoption/vkp/usage?metric=bruk&period=2025-06", "application/json" });
        targets.put("usage per 1000 (CSV)", new String[] { "/api/v1/adoption/vkp/usage?metric=bruk&period=2025-06", "text/csv" });
        line("| endpoint | req/s | p50 | p99 | req/s vs trivial |\n|---|---|---|---|---|");
        double trivial = 0;
        for (Map.Entry<String, String[]> t : targets.entrySet()) {
            Process p = new ProcessBuilder("wrk", "-t2", "-c50", "-d30s", "--latency", "-H",
                    "Authorization: Bearer " + token, "-H", "Accept: " + t.getValue()[1], base + t.getValue()[0])
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            double rps = number(out, "Requests/sec:\\s+([0-9.]+)");
            if (trivial == 0) {
                trivial = rps;
            }
            line("| " + t.getKey() + " | " + round(rps) + " | " + text(out, "\\s50%\\s+(\\S+)") + " | "
                    + text(out, "\\s99%\\s+(\\S+)") + " | " + String.format("%.2f", rps / trivial) + " |");
        }
        line("");
    }

    // --- support -------------------------------------------------------------------------------------------

    private static long enroll(String track, String k, Map<String, Long> responded) {
        long t0 = System.nanoTime();
        ExtractableResponse<Response> r = suite.as("enrollment-service", municipality(k))
                .body("{\"kommunenummer\": \"" + k + "\"}").post("/api/v1/tracks/" + track + "/enrollments").then()
                .extract();
        long t1 = System.nanoTime();
        assertEquals(201, r.statusCode(), r.body().asString());
        responded.put(k, t1);
        return (t1 - t0) / 1_000_000;
    }

    /** {key, value} pairs: per (municipality, solution) a status history and monthly usage, 2 % sent twice. */
    private static List<String[]> nhnEvents(int count, long seed) {
        Random random = new Random(seed);
        String[] statuses = { "ORDERED", "TECHNICALLY_READY", "ACTIVE" };
        List<String[]> events = new ArrayList<>(count);
        LocalDate first = LocalDate.of(2024, 1, 1);
        outer:
        for (int month = 0; month < 24; month++) {
            String period = first.plusMonths(month).toString().substring(0, 7);
            for (String solution : SOLUTIONS) {
                for (String k : municipalities) {
                    if (events.size() >= count) {
                        break outer;
                    }
                    boolean status = random.nextInt(100) < 36;
                    String data = status
                            ? "{\"kommunenummer\": \"%s\", \"solution\": \"%s\", \"status\": \"%s\", \"effectiveDate\": \"%s\"}"
                                    .formatted(k, solution, statuses[Math.min(2, month / 8)], first.plusMonths(month))
                            : "{\"kommunenummer\": \"%s\", \"solution\": \"%s\", \"metric\": \"bruk\", \"period\": \"%s\", \"value\": %d}"
                                    .formatted(k, solution, period, random.nextInt(5000));
                    String type = status ? "no.nhn.adoption.status.v1" : "no.nhn.adoption.usage.v1";
                    String value = """
                            {"specversion": "1.0", "id": "%s", "source": "urn:no:nhn:adoption", "type": "%s", \
                            "subject": "%s", "time": "%s", "datacontenttype": "application/json", "data": %s}"""
                            .formatted(UUID.randomUUID(), type, k, Instant.now(), data);
                    events.add(new String[] { k, value });
                    if (random.nextInt(100) < 2 && events.size() < count) {
                        events.add(new String[] { k, value });
                    }
                }
            }
        }
        return events;
    }

    private static void produce(List<String[]> events) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG,
                "all", ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new StringSerializer())) {
            for (String[] e : events) {
                ProducerRecord<String, String> record = new ProducerRecord<>("nhn.adoption.v1", e[0], e[1]);
                record.headers().add("content-type",
                        "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
    }

    /**
     * The raw bound: what the hardware does with the same work and no framework: read the topic, parse, drop
     * duplicate ids, upsert status and usage rows with batched JDBC, commit per poll.
     */
    private static int rawBound(int expected) throws SQLException {
        PostgresDatabases databases = new PostgresDatabases(PostgresDatabases.ADMIN_URL);
        String db = "bench_raw_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        databases.createIfMissing(db);
        int consumed = 0;
        try (Connection c = DriverManager.getConnection(databases.urlOf(db), "postgres", "");
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "raw-bound-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000),
                        new StringDeserializer(), new StringDeserializer())) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE processed (event_id TEXT PRIMARY KEY)");
                s.execute("CREATE TABLE status (solution TEXT, kommunenummer TEXT, status TEXT, effective_date DATE, "
                        + "PRIMARY KEY (solution, kommunenummer))");
                s.execute("CREATE TABLE usage (solution TEXT, metric TEXT, period TEXT, kommunenummer TEXT, "
                        + "value DOUBLE PRECISION, PRIMARY KEY (solution, metric, period, kommunenummer))");
            }
            c.setAutoCommit(false);
            consumer.subscribe(List.of("nhn.adoption.v1"));
            PreparedStatement processed = c.prepareStatement("INSERT INTO processed VALUES (?) ON CONFLICT DO NOTHING");
            PreparedStatement status = c.prepareStatement("INSERT INTO status VALUES (?, ?, ?, ?) ON CONFLICT "
                    + "(solution, kommunenummer) DO UPDATE SET status = EXCLUDED.status, effective_date = "
                    + "EXCLUDED.effective_date WHERE status.effective_date <= EXCLUDED.effective_date");
            PreparedStatement usage = c.prepareStatement("INSERT INTO usage VALUES (?, ?, ?, ?, ?) ON CONFLICT "
                    + "(solution, metric, period, kommunenummer) DO UPDATE SET value = EXCLUDED.value");
            Map<String, Boolean> seenInBatch = new HashMap<>();
            while (consumed < expected) {
                seenInBatch.clear();
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                    consumed++;
                    JsonNode event;
                    try {
                        event = JSON.readTree(r.value());
                    } catch (IOException e) {
                        continue;
                    }
                    String id = event.path("id").asText();
                    if (seenInBatch.put(id, true) != null) {
                        continue;
                    }
                    processed.setString(1, id);
                    processed.addBatch();
                    JsonNode d = event.path("data");
                    if (event.path("type").asText().endsWith("status.v1")) {
                        status.setString(1, d.path("solution").asText());
                        status.setString(2, d.path("kommunenummer").asText());
                        status.setString(3, d.path("status").asText());
                        status.setObject(4, LocalDate.parse(d.path("effectiveDate").asText()));
                        status.addBatch();
                    } else {
                        usage.setString(1, d.path("solution").asText());
                        usage.setString(2, d.path("metric").asText());
                        usage.setString(3, d.path("period").asText());
                        usage.setString(4, d.path("kommunenummer").asText());
                        usage.setDouble(5, d.path("value").asDouble());
                        usage.addBatch();
                    }
                }
                processed.executeBatch();
                status.executeBatch();
                usage.executeBatch();
                c.commit();
                consumer.commitSync();
            }
        } finally {
            databases.drop(db);
        }
        return consumed;
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static String text(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : "?";
    }

    private static long pct(List<Long> values, int percentile) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private static String round(double value) {
        return String.format("%.1f", value);
    }

    private static void line(String text) {
        REPORT.append(text).append('\n');
    }

    private static String contact(String k) {
        return "bench-" + k + "@kommune.example";
    }

    private static String municipality(String k) {
        return TestTokens.forRole("municipality", Map.of("kommunenummer", k));
    }
}
