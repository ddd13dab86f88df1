package no.ks.ehelse.benchmark;

import static no.ks.ehelse.suite.Suite.contact;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import no.ks.ehelse.localstack.EventProbe;
import no.ks.ehelse.suite.Suite;

/**
 * The benchmarks of docs/performance.md, against the suite as processes through the deploy/suite-tests harness
 * (its test-jar). Not part of the test command: run by {@code deploy/benchmark/run} (profile {@code benchmark}).
 * Each writes a section of the report ({@code -Dbenchmark.report}); figures are absolute numbers plus ratios
 * measured in the same run, since the machine is small and shared.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.condition.DisabledIfSystemProperty(named = "benchmark.only", matches = "soak")
class Benchmarks {

    private static final List<String> SOLUTIONS = List.of(
            "kjernejournal",
            "digihelse",
            "digihelsestasjon",
            "digihelsestasjon-ungdom",
            "vkp",
            "htm",
            "egenandel-skatteopplysninger",
            "sfm",
            "pll",
            "pasientens-journaldokumenter",
            "provesvar",
            "maledata-dho",
            "e-meldinger",
            "helsekort-gravide",
            "news2");
    private static final int NHN_EVENTS = 200_000;
    /**
     * How long each wrk and hey run lasts: 15s for the report (3,000 requests at 200 req/s, so the p99 rests on 30
     * of them; the whole benchmark then fits its 15 minutes); a smoke run may pass e.g. -Dbenchmark.load=3s.
     */
    private static final String LOAD = System.getProperty("benchmark.load", "15s");
    /** name → {path, Accept}; the first is the trivial endpoint the others are compared with. */
    private static final Map<String, String[]> QUERIES = new java.util.LinkedHashMap<>();

    static {
        QUERIES.put("trivial: /q/health/live", new String[] {"/q/health/live", "application/json"});
        QUERIES.put(
                "coverage by network (JSON)",
                new String[] {"/api/v1/adoption/vkp/coverage?groupBy=NETWORK", "application/json"});
        QUERIES.put(
                "coverage by network (CSV)",
                new String[] {"/api/v1/adoption/vkp/coverage?groupBy=NETWORK", "text/csv"});
        QUERIES.put("non-adopters (JSON)", new String[] {"/api/v1/adoption/vkp/non-adopters", "application/json"});
        QUERIES.put(
                "usage per 1000 (JSON)",
                new String[] {"/api/v1/adoption/vkp/usage?metric=bruk&period=2025-06", "application/json"});
        QUERIES.put(
                "usage per 1000 (CSV)",
                new String[] {"/api/v1/adoption/vkp/usage?metric=bruk&period=2025-06", "text/csv"});
        QUERIES.put("coverage series by month (JSON)", new String[] {
            "/api/v1/adoption/vkp/coverage/series?from=2024-01&groupBy=HEALTH_REGION", "application/json"
        });
        QUERIES.put("forecast (JSON)", new String[] {"/api/v1/adoption/vkp/forecast", "application/json"});
    }

    private static final StringBuilder REPORT = new StringBuilder();
    private static Map<String, String> p99At200 = Map.of();
    private static int distinctApplied;
    private static Suite suite;
    private static List<String> municipalities;
    private static Instant began;

    @BeforeAll
    static void start() {
        String load = Parts.loadAverage();
        Instant t0 = Instant.now();
        began = t0;
        suite = Suite.start("bench", Parts.services());
        line("# Benchmark report, " + Instant.now() + "\n");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average (1/5/15 min) " + load
                + " before the suite started. Parts run: " + Parts.selectedText() + ".\n");
        line("Services: " + Parts.harnessJvm() + " (the harness), except where a part says otherwise. Suite (Kafka "
                + "process, OIDC server process, " + Parts.services().size() + " services in parallel) ready in "
                + Duration.between(t0, Instant.now()).toMillis() + " ms.\n");
        municipalities = suite.municipalities();
    }

    /** The run's NHN data set, for a part run without the ingestion part before it. */
    private static void ensureEventsLoaded() throws Exception {
        if (distinctApplied == 0) {
            loaded = Integer.getInteger("benchmark.events", NHN_EVENTS);
            awaitApplied(produceNhn(loaded, 0, 1, 7).distinct());
        }
    }

    /** The NHN events the suite holds for the query parts (fewer in a smoke run, -Dbenchmark.events). */
    private static int loaded = NHN_EVENTS;

    private String loadBefore;

    /**
     * {@code -Dbenchmark.only=start,ingestion,...}: the parts not named are skipped. A part that reads the NHN data
     * set (queries, ten times the events, the dashboard, freshness) loads it first when the ingestion part did not.
     */
    @BeforeEach
    void part(TestInfo test) throws Exception {
        String part = Parts.of(test.getTestMethod().orElseThrow().getName());
        assumeTrue(Parts.selected(part), "not in -Dbenchmark.only");
        if (Parts.NEEDS_NHN_DATA.contains(part)) {
            ensureEventsLoaded();
        }
        loadBefore = Parts.loadAverage();
    }

    @AfterEach
    void load(TestInfo test) {
        if (loadBefore != null) {
            line("_Load average (1/5/15 min) before this part: " + loadBefore + "; after: " + Parts.loadAverage()
                    + "._\n");
            loadBefore = null;
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (suite != null) {
            suite.close();
        }
        if (began != null) {
            line("Whole run (suite start to suite stop, without the build): "
                    + Duration.between(began, Instant.now()).toSeconds() + " s (target ≤ 15 minutes).\n");
        }
        Path report = Path.of(System.getProperty("benchmark.report", "target/benchmark-report.md"));
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, REPORT.toString(), StandardCharsets.UTF_8);
        System.out.println(REPORT);
    }

    /**
     * 4. Start and memory (issue 21 §2): each service alone, before and with the AOT cache; the whole suite's RSS.
     * Alone: {@code -Dbenchmark.only=start}.
     */
    @Test
    @Order(1)
    void footprint() throws Exception {
        StartAndMemory.run(suite, Parts.services(), Benchmarks::line);
        // The rest of the benchmarks run on the harness's options.
        for (String service : Parts.services()) {
            suite.stop(service);
            suite.startService(service);
        }
    }

    /** 3. Enrollment write path: enroll latency and throughput, and enroll response → confirmation mail. */
    @Test
    @Order(2)
    void enrollmentWritePath() throws Exception {
        List<String> chosen = municipalities.subList(0, 300);
        suite.addContacts(chosen);
        String track = suite.openTrack("digihelse", "Benchmark 2027", 400);
        Map<String, Long> responded = new ConcurrentHashMap<>();
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        // Arrival is taken in the SMTP transaction itself; a thread polling the sink would take one of the two
        // cores from the path it measures.
        suite.mail.onArrival(m -> {
            long now = System.nanoTime();
            m.to().forEach(to -> arrived.putIfAbsent(to, now));
        });
        EventProbe announced = EventProbe.open(suite.kafka.bootstrapServers(), "enrollment.enrollments.v1");
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
        await().atMost(Duration.ofMinutes(2))
                .until(() -> chosen.stream().allMatch(k -> arrived.containsKey(contact(k))));
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
                + " ms, p95 " + pct(delays, 95) + " ms, max " + Collections.max(delays) + " ms (target p95 ≤ 500) |");
        stages(track, chosen, responded, arrived, announced);
        line("");
    }

    /**
     * Where the time from enroll response to mail goes, per enrollment: to the relay's send (the record's
     * CreateTime), to notification-service's consumer planning the mail (the notification's created_at), to the
     * dispatcher handing it to SMTP (its arrival in the sink). Wall clocks of one machine, in milliseconds.
     */
    private static void stages(
            String track,
            List<String> chosen,
            Map<String, Long> responded,
            Map<String, Long> arrived,
            EventProbe announced)
            throws SQLException {
        long epochMinusNano = System.currentTimeMillis() - System.nanoTime() / 1_000_000;
        Map<String, Long> published = new HashMap<>();
        try (announced) {
            announced.drainToEnd(Duration.ofSeconds(30)).stream()
                    .filter(r -> "no.ks.ehelse.enrollment.enrolled.v1".equals(r.type()))
                    .filter(r -> track.equals(r.value().at("/data/trackId").asText()))
                    .forEach(r -> published.putIfAbsent(r.key(), r.timestamp()));
        }
        Map<String, Long> planned = new HashMap<>();
        try (Connection c = DriverManager.getConnection(suite.jdbcUrl("notification-service"), "postgres", "");
                PreparedStatement q = c.prepareStatement("SELECT kommunenummer, min(created_at) FROM notification "
                        + "WHERE track_id = ?::uuid AND channel = 'EMAIL' GROUP BY kommunenummer")) {
            q.setString(1, track);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    planned.put(rs.getString(1), rs.getTimestamp(2).getTime());
                }
            }
        }
        List<Long> toRelay = new ArrayList<>();
        List<Long> toPlanned = new ArrayList<>();
        List<Long> toSmtp = new ArrayList<>();
        for (String k : chosen) {
            long response = responded.get(k) / 1_000_000 + epochMinusNano;
            long arrival = arrived.get(contact(k)) / 1_000_000 + epochMinusNano;
            if (published.containsKey(k) && planned.containsKey(k)) {
                toRelay.add(published.get(k) - response);
                toPlanned.add(planned.get(k) - published.get(k));
                toSmtp.add(arrival - planned.get(k));
            }
        }
        line("| of which: response → the relay's send to Kafka, " + toRelay.size() + " enrollments | p50 "
                + pct(toRelay, 50) + " ms, p95 " + pct(toRelay, 95) + " ms, max " + Collections.max(toRelay)
                + " ms |");
        line("| of which: the relay's send → notification planned (Kafka, consumer, its commit) | p50 "
                + pct(toPlanned, 50) + " ms, p95 " + pct(toPlanned, 95) + " ms, max " + Collections.max(toPlanned)
                + " ms |");
        line("| of which: planned → in the SMTP server (dispatcher: claim, render, send) | p50 " + pct(toSmtp, 50)
                + " ms, p95 " + pct(toSmtp, 95) + " ms, max " + Collections.max(toSmtp) + " ms |");
    }

    /** 1. NHN ingestion: 200,000 pre-produced events; adoption-stats against a plain batched-JDBC consumer. */
    @Test
    @Order(3)
    void nhnIngestion() throws Exception {
        // Stopped, not killed: a killed consumer stays in its group until the session times out (45 s), and the
        // restarted one would wait for that before it gets a partition.
        suite.stop("adoption-stats-service");
        Instant p0 = Instant.now();
        Produced load = produceNhn(NHN_EVENTS, 0, 1, 7);
        int produced = load.events();
        long produceMs = Duration.between(p0, Instant.now()).toMillis();
        assertEquals(NHN_EVENTS, produced);

        Instant t0 = Instant.now();
        suite.startService("adoption-stats-service");
        Instant ready = Instant.now();
        awaitApplied(load.distinct());
        Instant done = Instant.now();
        double fromStart = Duration.between(t0, done).toMillis() / 1000.0;
        double fromReady = Duration.between(ready, done).toMillis() / 1000.0;

        double brokerRate = IngestionBounds.broker(suite.kafka.bootstrapServers(), produced);
        double databaseRate = IngestionBounds.database(
                suite.kafka.bootstrapServers(), suite.postgres, suite.jdbcUrl("adoption-stats-service"), produced);
        line("## NHN ingestion (" + produced + " events: 357 municipalities × 15 solutions × 24 months, a usage "
                + "figure per month and a status report in about half, 2 % sent twice)\n");
        line("| consumer | time | events/s | ratio to (a) broker | ratio to (b) database (target ≥ 0.8) |\n"
                + "|---|---|---|---|---|");
        line("| adoption-stats-service, from process start (ready after "
                + Duration.between(t0, ready).toMillis() + " ms) until every event is applied | " + round(fromStart)
                + " s | " + round(produced / fromStart) + " | " + ratio(produced / fromStart, brokerRate) + " | "
                + ratio(produced / fromStart, databaseRate) + " |");
        line("| adoption-stats-service, from ready until every event is applied | " + round(fromReady) + " s | "
                + round(produced / fromReady) + " | " + ratio(produced / fromReady, brokerRate) + " | **"
                + ratio(produced / fromReady, databaseRate) + "** |");
        line("| (a) broker bound: plain KafkaConsumer, parse, drop duplicate ids in memory, no database | "
                + round(produced / brokerRate) + " s | " + round(brokerRate) + " | 1 | |");
        line("| (b) database bound: (a) + per poll one transaction, one `unnest` statement per table into the "
                + "service's tables (processed ids, status history, current status, usage) | "
                + round(produced / databaseRate) + " s | " + round(databaseRate) + " | "
                + ratio(databaseRate, brokerRate) + " | 1 |");
        line("\n(Producing the events took " + produceMs + " ms.) " + batchProfile() + "\n");
    }

    /**
     * 3b. Freshness: an NHN status report's time from produce to visible in the coverage answer, at a steady
     * 1,000 events/s. Alone: {@code -Dbenchmark.only=freshness}.
     */
    @Test
    @Order(9)
    void freshness() throws Exception {
        List<String> load = SOLUTIONS.stream()
                .filter(s -> !s.equals(Freshness.PROBE_SOLUTION))
                .toList();
        List<Long> delays = Freshness.measure(suite, municipalities, load);
        line("## Freshness: NHN status report → visible in the coverage answer, at " + Freshness.RATE + " events/s\n");
        line("| probes | p50 | p95 | max | target |\n|---|---|---|---|---|");
        line("| " + delays.size() + " | " + pct(delays, 50) + " ms | " + pct(delays, 95) + " ms | "
                + Collections.max(delays) + " ms | p95 ≤ 1000 ms |\n");
        line("One probe municipality's " + Freshness.PROBE_SOLUTION + " status flipped ACTIVE ↔ ORDERED, one report "
                + "at a time, among usage figures and status reports for the other solutions at the steady rate; "
                + "`GET /api/v1/adoption/" + Freshness.PROBE_SOLUTION + "/coverage?groupBy=NATION` read every "
                + Freshness.READ_EVERY_MS + " ms as a reader until it shows the flip.\n");
    }

    /** From the service's own metrics: how many batches, how large, and how much of the time was spent in them. */
    private static String batchProfile() {
        String metrics =
                suite.management("adoption-stats-service").get("/q/metrics").asString();
        double batches = number(metrics, "(?m)^ehelse_nhn_batch_size_count\\S* ([0-9.E]+)");
        double records = number(metrics, "(?m)^ehelse_nhn_batch_size_sum\\S* ([0-9.E]+)");
        double seconds = number(metrics, "(?m)^ehelse_nhn_batch_seconds_sum\\S* ([0-9.E]+)");
        return String.format(
                "The service applied %.0f batches of %.0f records on average, %.1f s in all inside "
                        + "them (transaction, rules, SQL, dead letters); the rest of the time it waited for records.",
                batches, batches == 0 ? 0 : records / batches, seconds);
    }

    /** 2. Queries under load: wrk at saturation against a trivial endpoint, and hey at a fixed 200 req/s. */
    @Test
    @Order(4)
    void queries() throws Exception {
        ensureEventsLoaded();
        p99At200 = queryTables(loaded);
    }

    /** 2b. Ten times the events: ingestion at that size, and whether the query latency grows with the data. */
    @Test
    @Order(5)
    void tenTimesTheEvents() throws Exception {
        Instant p0 = Instant.now();
        // Earlier months, not later ones: NHN's dates beyond a year ahead are dead-lettered (hardening issue), and
        // 1,800,000 events are about 220 months, so the history grows backwards from 2023-12 (to 2005).
        Produced extra = produceNhn(9 * NHN_EVENTS, -1, -1, 11);
        int more = extra.events();
        long produceMs = Duration.between(p0, Instant.now()).toMillis();
        Instant t0 = Instant.now();
        awaitApplied(distinctApplied + extra.distinct());
        double seconds = Duration.between(t0, Instant.now()).toMillis() / 1000.0;
        line("## Ten times the events (" + (NHN_EVENTS + more) + " in all)\n");
        line(more + " more events (the same mix, for the months before 2024-01, going back) produced in " + produceMs
                + " ms while the service ran; ingested in " + round(seconds) + " s (" + round(more / seconds)
                + " events/s).\n");
        Map<String, String> tenfold = queryTables(NHN_EVENTS + more);
        line("| endpoint | p99 at 200 req/s, " + NHN_EVENTS + " events | p99 at 200 req/s, " + (NHN_EVENTS + more)
                + " events |\n|---|---|---|");
        for (String endpoint : tenfold.keySet()) {
            line("| " + endpoint + " | " + p99At200.getOrDefault(endpoint, "?") + " | " + tenfold.get(endpoint) + " |");
        }
        line("");
    }

    /**
     * 5. Name matching at the request limit: 5,000 names of 200 characters (official names strung together and
     * cut at 200, so each starts like a real name and still cannot match one) in one POST, as any reader may send
     * it. Wall time per request and the registry's CPU time for the run (its process_cpu_time metric). Each run
     * is a caller of its own: the rate limit (20,000 names per minute per caller) is not what is measured.
     */
    @Test
    @Order(6)
    void nameMatching() throws Exception {
        List<String> official = suite.admin("registry-service")
                .get("/api/v1/municipalities?size=500")
                .then()
                .statusCode(200)
                .extract()
                .path("items.name");
        List<Long> millis = new ArrayList<>();
        double cpuBefore = 0;
        for (int run = 0; run < 6; run++) {
            // New names every run, so the registry's cache of fuzzy outcomes does not answer for the matcher.
            Map<String, Object> body = Map.of("names", stringNames(official, new Random(run)));
            if (run == 1) {
                cpuBefore = registryCpuSeconds();
            }
            String token = suite.token("reader", Map.of("sub", "benchmark-matching-" + run));
            long t0 = System.nanoTime();
            suite.as("registry-service", token)
                    .body(body)
                    .post("/api/v1/municipalities/match")
                    .then()
                    .statusCode(200);
            if (run > 0) {
                millis.add((System.nanoTime() - t0) / 1_000_000);
            }
        }
        double cpu = registryCpuSeconds() - cpuBefore;
        line("## Name matching: 5,000 names of 200 characters in one request\n");
        line(
                "| runs (after one warm-up) | wall p50 | wall max | registry CPU per request | target |\n|---|---|---|---|---|");
        line("| " + millis.size() + " | " + pct(millis, 50) + " ms | " + pct(millis, 100) + " ms | "
                + String.format("%.2f s", cpu / millis.size()) + " | ≤ 1 s |\n");
        oneName(official);
    }

    /**
     * One name per request ({@code GET /api/v1/municipalities/match?name=}), one client: an official name with one
     * letter changed, new each time, so the fuzzy tier answers and not the outcome cache. 100 warm-up requests,
     * then 1,000 timed (a caller's budget is 20,000 names per minute). The JDK's HTTP client on one kept-alive
     * connection, and after each match a request to the registry's trivial endpoint with the same client: its
     * latencies are what the client, the machine and the JVM cost without matching.
     */
    private static void oneName(List<String> official) throws Exception {
        Random random = new Random(5);
        String token = suite.token("reader", Map.of("sub", "benchmark-matching-one"));
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build();
        String base = suite.url("registry-service") + "/api/v1/municipalities/match?name=";
        java.net.URI trivial = java.net.URI.create(suite.managementUrl("registry-service") + "/q/health/live");
        List<Long> micros = new ArrayList<>();
        List<Long> trivialMicros = new ArrayList<>();
        for (int i = 0; i < 1_100; i++) {
            String name = official.get(random.nextInt(official.size()));
            int at = random.nextInt(name.length());
            String misspelt = name.substring(0, at) + (char) ('a' + random.nextInt(26)) + name.substring(at + 1);
            java.net.http.HttpRequest match = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(base + java.net.URLEncoder.encode(misspelt, StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + token)
                    .build();
            long t0 = System.nanoTime();
            java.net.http.HttpResponse<String> r = http.send(match, java.net.http.HttpResponse.BodyHandlers.ofString());
            long t1 = System.nanoTime();
            assertEquals(200, r.statusCode(), r.body());
            java.net.http.HttpResponse<Void> live = http.send(
                    java.net.http.HttpRequest.newBuilder(trivial).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            long t2 = System.nanoTime();
            assertEquals(200, live.statusCode());
            if (i >= 100) {
                micros.add((t1 - t0) / 1_000);
                trivialMicros.add((t2 - t1) / 1_000);
            }
        }
        line("| one name per request, 1 client (JDK HTTP client, kept alive) | p50 | p99 | max | target |\n"
                + "|---|---|---|---|---|");
        line("| " + micros.size() + " requests after 100 warm-up | " + millis(pct(micros, 50)) + " | "
                + millis(pct(micros, 99)) + " | " + millis(pct(micros, 100)) + " | p99 ≤ 5 ms |");
        line("| the trivial endpoint (/q/health/live) after each, same client | " + millis(pct(trivialMicros, 50))
                + " | " + millis(pct(trivialMicros, 99)) + " | " + millis(pct(trivialMicros, 100)) + " | |\n");
    }

    private static String millis(long micros) {
        return String.format("%.2f ms", micros / 1000.0);
    }

    /** 5,000 names of 200 characters: official names strung together at random and cut at 200. */
    private static List<String> stringNames(List<String> official, Random random) {
        List<String> names = new ArrayList<>();
        while (names.size() < 5_000) {
            StringBuilder name = new StringBuilder();
            while (name.length() < 200) {
                name.append(official.get(random.nextInt(official.size()))).append(' ');
            }
            names.add(name.substring(0, 200));
        }
        return names;
    }

    /** The registry's CPU time so far, from Micrometer's process.cpu.time (nanoseconds or seconds by name). */
    private static double registryCpuSeconds() {
        String metrics = suite.management("registry-service").get("/q/metrics").asString();
        Matcher m = Pattern.compile("(?m)^(process_cpu_time\\w*)(?:\\{[^}]*\\})? ([0-9.E+-]+)")
                .matcher(metrics);
        if (!m.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(2));
        return m.group(1).contains("_ns") ? value / 1e9 : value;
    }

    /**
     * 6. The catalogue pages (enrollment-service, public, server-rendered): the start page and a solution page,
     * with an open track so both show what is open now. hey at a fixed 50 req/s (p50, p95, p99), wrk at saturation,
     * each against the service's trivial endpoint in the same run. Alone: {@code -Dtest=Benchmarks#catalogue}.
     */
    @Test
    @Order(7)
    void catalogue() throws Exception {
        String track = suite.openTrack("vkp", "Benchmark katalog", 100);
        String base = suite.url("enrollment-service");
        String start = io.restassured.RestAssured.given()
                .accept("text/html")
                .get(base + "/")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String solution = io.restassured.RestAssured.given()
                .accept("text/html")
                .get(base + "/losninger/vkp")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        // The pages measured are the real ones, with the open track on both.
        if (!start.contains("Benchmark katalog") || !solution.contains("Benchmark katalog")) {
            throw new AssertionError("the open track " + track + " is not on the pages");
        }
        if (!onPath("wrk") || !onPath("hey")) {
            line("wrk or hey is not installed (deploy/benchmark/run installs both with apt); catalogue skipped.\n");
            return;
        }
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("trivial: /q/health/live", suite.managementUrl("enrollment-service") + "/q/health/live");
        pages.put("start page /", base + "/");
        pages.put("solution page /losninger/vkp", base + "/losninger/vkp");
        line("## Catalogue pages (enrollment-service, HTML, no sign-in)\n");
        line("| page | hey at 50 req/s (-c10 -q5 -z" + LOAD + "): p50 | p95 | p99 | wrk -t2 -c50 -d" + LOAD
                + ": req/s | p50 | p99 |" + " req/s vs trivial |");
        line("|---|---|---|---|---|---|---|---|");
        double trivial = 0;
        for (Map.Entry<String, String> page : pages.entrySet()) {
            String url = page.getValue();
            String accept = url.contains("/q/") ? "application/json" : "text/html";
            String hey = run("hey", "-z", LOAD, "-c", "10", "-q", "5", "-H", "Accept: " + accept, url);
            if (!hey.contains("[200]")) {
                throw new AssertionError("hey got no 200 from " + url + ":\n" + hey);
            }
            String wrk = run("wrk", "-t2", "-c50", "-d" + LOAD, "--latency", "-H", "Accept: " + accept, url);
            double rps = number(wrk, "Requests/sec:\\s+([0-9.]+)");
            if (trivial == 0) {
                trivial = rps;
            }
            line("| " + page.getKey() + " | " + millis(hey, "50% in ([0-9.]+) secs") + " | "
                    + millis(hey, "95% in ([0-9.]+) secs") + " | " + millis(hey, "99% in ([0-9.]+) secs") + " | "
                    + round(rps) + " | " + text(wrk, "\\s50%\\s+(\\S+)") + " | " + text(wrk, "\\s99%\\s+(\\S+)")
                    + " | " + String.format("%.2f", rps / trivial) + " |");
        }
        line("");
    }

    /**
     * 7. The solution dashboard (adoption-stats-service, public, server-rendered) with the data set the earlier steps
     * loaded: {@code /tall/kjernejournal} reads non-adopters, coverage by network, health region and county, usage
     * per month and the ambition per request. hey at a fixed 50 req/s (p50, p95, p99; localhost, so about the
     * server time), wrk at saturation, against the service's trivial endpoint. Alone: {@code
     * -Dtest=Benchmarks#dashboard}; target p95 ≤ 50 ms (issue 16).
     */
    @Test
    @Order(8)
    void dashboard() throws Exception {
        ensureEventsLoaded();
        String base = suite.url("adoption-stats-service");
        String page = io.restassured.RestAssured.given()
                .accept("text/html")
                .get(base + "/tall/kjernejournal")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        if (!page.contains("kommuner har ikke tatt i bruk")) {
            throw new AssertionError("the dashboard has no headline:\n" + page);
        }
        if (!onPath("wrk") || !onPath("hey")) {
            line("wrk or hey is not installed (deploy/benchmark/run installs both with apt); dashboard skipped.\n");
            return;
        }
        // The steady state people meet: the statistics the planner reads brought up to date after the load, as
        // autovacuum would in time, and the machine no longer busy with the part before.
        try (Connection c = DriverManager.getConnection(suite.jdbcUrl("adoption-stats-service"), "postgres", "");
                var s = c.createStatement()) {
            s.execute("VACUUM (ANALYZE)");
        }
        double busy = Parts.awaitQuiet(0.15, Duration.ofMinutes(3));
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("trivial: /q/health/live", suite.managementUrl("adoption-stats-service") + "/q/health/live");
        pages.put("solution dashboard /tall/kjernejournal", base + "/tall/kjernejournal");
        line("## Solution dashboard (adoption-stats-service, HTML, no sign-in)\n");
        line("With " + (distinctApplied > 0 ? distinctApplied + " distinct NHN events applied" : "the suite's data")
                + "; after `VACUUM (ANALYZE)` of the service's database, CPUs " + Math.round(busy * 100)
                + " % busy in the 5 s before the first run.\n");
        if (busy > 0.15) {
            line("What kept the CPUs busy (top, 5 s):\n\n```\n" + Parts.busiest(8) + "```\n");
        }
        // -Dbenchmark.jfr=<file>: a flight recording of adoption-stats-service while the pages are under load.
        String jfr = System.getProperty("benchmark.jfr", "");
        long pid = suite.instance("adoption-stats-service").pid();
        if (!jfr.isBlank()) {
            run("jcmd", Long.toString(pid), "JFR.start", "name=dashboard", "settings=profile", "filename=" + jfr);
        }
        line("| page | hey at 50 req/s (-c10 -q5 -z" + LOAD + "): p50 | p95 | p99 | wrk -t2 -c50 -d" + LOAD
                + ": req/s | p50 | p99 |" + " req/s vs trivial |");
        line("|---|---|---|---|---|---|---|---|");
        double trivial = 0;
        for (Map.Entry<String, String> entry : pages.entrySet()) {
            String url = entry.getValue();
            String accept = url.contains("/q/") ? "application/json" : "text/html";
            String hey = run("hey", "-z", LOAD, "-c", "10", "-q", "5", "-H", "Accept: " + accept, url);
            if (!hey.contains("[200]")) {
                throw new AssertionError("hey got no 200 from " + url + ":\n" + hey);
            }
            String wrk = run("wrk", "-t2", "-c50", "-d" + LOAD, "--latency", "-H", "Accept: " + accept, url);
            double rps = number(wrk, "Requests/sec:\\s+([0-9.]+)");
            if (trivial == 0) {
                trivial = rps;
            }
            line("| " + entry.getKey() + " | " + millis(hey, "50% in ([0-9.]+) secs") + " | "
                    + millis(hey, "95% in ([0-9.]+) secs") + " | " + millis(hey, "99% in ([0-9.]+) secs") + " | "
                    + round(rps) + " | " + text(wrk, "\\s50%\\s+(\\S+)") + " | " + text(wrk, "\\s99%\\s+(\\S+)")
                    + " | " + String.format("%.2f", rps / trivial) + " |");
        }
        line("");
        if (!jfr.isBlank()) {
            run("jcmd", Long.toString(pid), "JFR.stop", "name=dashboard");
            line("Flight recording of the service under this load: `" + jfr + "`.\n");
        }
    }

    /** Runs wrk and hey against each query; returns endpoint → p99 at 200 req/s. */
    private static Map<String, String> queryTables(int events) throws Exception {
        Map<String, String> p99 = new java.util.LinkedHashMap<>();
        String base = suite.url("adoption-stats-service");
        String token = suite.token("reader", Map.of());
        if (!onPath("wrk") || !onPath("hey")) {
            line("wrk or hey is not installed (deploy/benchmark/run installs both with apt); queries skipped.\n");
            return p99;
        }
        line("## Queries with " + events + " events loaded\n");
        line("| endpoint | wrk -t2 -c50 -d" + LOAD
                + ": req/s | p50 | p99 | req/s vs trivial | hey at 200 req/s (-c10 -q20 -z" + LOAD + "): p50 | p99 |");
        line("|---|---|---|---|---|---|---|");
        double trivial = 0;
        for (Map.Entry<String, String[]> t : QUERIES.entrySet()) {
            // The trivial endpoint is health, on the management port; the queries are on the API port.
            String path = t.getValue()[0];
            String url = (path.startsWith("/q/") ? suite.managementUrl("adoption-stats-service") : base) + path;
            String accept = t.getValue()[1];
            String wrk = run(
                    "wrk",
                    "-t2",
                    "-c50",
                    "-d" + LOAD,
                    "--latency",
                    "-H",
                    "Authorization: Bearer " + token,
                    "-H",
                    "Accept: " + accept,
                    url);
            double rps = number(wrk, "Requests/sec:\\s+([0-9.]+)");
            if (trivial == 0) {
                trivial = rps;
            }
            String hey = run(
                    "hey",
                    "-z",
                    LOAD,
                    "-c",
                    "10",
                    "-q",
                    "20",
                    "-H",
                    "Authorization: Bearer " + token,
                    "-H",
                    "Accept: " + accept,
                    url);
            if (!hey.contains("[200]")) {
                throw new AssertionError("hey got no 200 from " + url + ":\n" + hey);
            }
            String heyP99 = millis(hey, "99% in ([0-9.]+) secs");
            p99.put(t.getKey(), heyP99);
            line("| " + t.getKey() + " | " + round(rps) + " | " + text(wrk, "\\s50%\\s+(\\S+)") + " | "
                    + text(wrk, "\\s99%\\s+(\\S+)") + " | " + String.format("%.2f", rps / trivial) + " | "
                    + millis(hey, "50% in ([0-9.]+) secs") + " | " + heyP99 + " |");
        }
        line("");
        return p99;
    }

    // --- support -------------------------------------------------------------------------------------------

    private static long enroll(String track, String k, Map<String, Long> responded) {
        // The token comes from the OIDC server: fetched before the clock starts, so only the enrollment is timed.
        String token = suite.municipality(k);
        long t0 = System.nanoTime();
        ExtractableResponse<Response> r = suite.as("enrollment-service", token)
                .body("{\"kommunenummer\": \"" + k + "\"}")
                .post("/api/v1/tracks/" + track + "/enrollments")
                .then()
                .extract();
        long t1 = System.nanoTime();
        assertEquals(201, r.statusCode(), r.body().asString());
        responded.put(k, t1);
        return (t1 - t0) / 1_000_000;
    }

    /**
     * Produces {@code count} NHN events to nhn.adoption.v1 from month {@code firstMonth} (0 = January 2024) on:
     * per month, solution and municipality a usage figure, and in about half of them a status report (ORDERED,
     * then TECHNICALLY_READY, then ACTIVE as the months pass, from a start month of its own); 2 % are sent twice.
     * Streams to the producer, so ten times the events need no more memory.
     */
    record Produced(int events, int distinct) {}

    /** {@code count} events from month {@code firstMonth} (0 = 2024-01), {@code step} months at a time. */
    private static Produced produceNhn(int count, int firstMonth, int step, long seed) {
        Random random = new Random(seed);
        String[] statuses = {"ORDERED", "TECHNICALLY_READY", "ACTIVE"};
        LocalDate first = LocalDate.of(2024, 1, 1);
        int produced = 0;
        int distinct = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        suite.kafka.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        20,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        256 * 1024),
                new StringSerializer(),
                new StringSerializer())) {
            for (int month = firstMonth; produced < count; month += step) {
                LocalDate day = first.plusMonths(month);
                String period = day.toString().substring(0, 7);
                for (String solution : SOLUTIONS) {
                    for (int m = 0; m < municipalities.size() && produced < count; m++) {
                        String k = municipalities.get(m);
                        List<String> data = new ArrayList<>(2);
                        data.add("{\"kommunenummer\": \"%s\", \"solution\": \"%s\", \"metric\": \"bruk\", "
                                        .formatted(k, solution)
                                + "\"period\": \"%s\", \"value\": %d}".formatted(period, random.nextInt(5000)));
                        if (random.nextInt(100) < 53) {
                            int stage = Math.max(0, Math.min(2, (month - (m + solution.length()) % 12) / 8));
                            data.add("{\"kommunenummer\": \"%s\", \"solution\": \"%s\", \"status\": \"%s\", "
                                            .formatted(k, solution, statuses[stage])
                                    + "\"effectiveDate\": \"%s\"}".formatted(day));
                        }
                        for (String d : data) {
                            if (produced >= count) {
                                break;
                            }
                            String type =
                                    d.contains("\"status\"") ? "no.nhn.adoption.status.v1" : "no.nhn.adoption.usage.v1";
                            String value = """
                                    {"specversion": "1.0", "id": "%s", "source": "urn:no:nhn:adoption", "type": "%s", \
                                    "subject": "%s", "time": "%s", "datacontenttype": "application/json", "data": %s}""".formatted(UUID.randomUUID(), type, k, Instant.now(), d);
                            int copies = random.nextInt(100) < 2 ? 2 : 1;
                            distinct++;
                            for (int c = 0; c < copies && produced < count; c++) {
                                ProducerRecord<String, String> record =
                                        new ProducerRecord<>("nhn.adoption.v1", k, value);
                                record.headers()
                                        .add(
                                                "content-type",
                                                "application/cloudevents+json; charset=UTF-8"
                                                        .getBytes(StandardCharsets.UTF_8));
                                producer.send(record);
                                produced++;
                            }
                        }
                    }
                }
            }
            producer.flush();
        }
        return new Produced(produced, distinct);
    }

    /**
     * Until the service has applied {@code distinct} NHN events: each applied event's id is recorded in the
     * transaction that changes the aggregates, so the count is what the aggregates reflect (consumer lag would
     * add the offset commit interval).
     */
    private static void awaitApplied(int distinct) throws SQLException {
        try (Connection c = DriverManager.getConnection(suite.jdbcUrl("adoption-stats-service"), "postgres", "");
                PreparedStatement count = c.prepareStatement(
                        "SELECT count(*) FROM processed_event WHERE consumer = 'adoption-stats-service.nhn'")) {
            await().atMost(Duration.ofMinutes(40))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        try (var rs = count.executeQuery()) {
                            rs.next();
                            return rs.getInt(1) >= distinct;
                        }
                    });
        }
        distinctApplied = distinct;
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /** A figure hey prints in seconds, in milliseconds. */
    private static String millis(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? String.format("%.2fms", Double.parseDouble(m.group(1)) * 1000) : "?";
    }

    private static String ratio(double rate, double raw) {
        return String.format("%.2f", rate / raw);
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
}
