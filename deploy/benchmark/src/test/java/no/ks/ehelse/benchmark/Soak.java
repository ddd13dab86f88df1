package no.ks.ehelse.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import no.ks.ehelse.localstack.ServiceProcess;
import no.ks.ehelse.localstack.TopicCatalogue;
import no.ks.ehelse.localstack.WebhookReceiver;
import no.ks.ehelse.suite.Balancer;
import no.ks.ehelse.suite.Suite;

/**
 * §6 soak: mixed load for {@code -Dsoak.minutes} (default 30) on the production shape, two instances of every
 * service on three Kafka brokers. Enrollments over REST (spread over both instances of enrollment-service), each
 * announced to a webhook subscription and, for the municipalities with a contact, mailed; contacts written to the
 * registry; NHN events; adoption queries. Reported: RSS and heap after GC per instance with their slope, p99 of
 * writes and queries per minute, outbox and dead-letter topics at the end, ERROR lines in the services' logs.
 * Run alone with {@code -Dbenchmark.only=soak}; the other benchmarks are skipped then.
 */
@DisabledIfSystemProperty(named = "benchmark.only", matches = "(?!soak$).+")
class Soak {

    private static final String[] SOLUTIONS = {
        "digihelse", "vkp", "htm", "sfm", "pll", "provesvar", "e-meldinger", "kjernejournal", "helsekort-gravide"
    };

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** Every this many samples (15 s apart) each instance gets a full collection, so heap after GC is measured. */
    private static final int FULL_GC_EVERY = 20;

    /**
     * One sample of an instance: minutes since start, RSS, the heap right after a full collection the soak asked
     * for (NaN on the samples without one), the old generation's use and the JVM's committed memory, in MB.
     */
    record Sample(
            String instance,
            double minute,
            double rssMb,
            double heapAfterGcMb,
            double tenuredMb,
            double committedMb,
            Map<String, Double> poolsMb) {}

    @Test
    void soak() throws Exception {
        int minutes = Integer.getInteger("soak.minutes", 30);
        StringBuilder report = new StringBuilder("\n## Soak: " + minutes + " min of mixed load, two instances of "
                + "every service, three Kafka brokers\n\n");
        try (Suite suite = Suite.startOnKafkaCluster("soak");
                Balancer balancer = new Balancer();
                WebhookReceiver receiver = new WebhookReceiver()) {
            List<String> municipalities = suite.municipalities();
            suite.addContacts(municipalities.subList(0, 20));
            Map<String, ServiceProcess> instances = new TreeMap<>();
            for (String service : Suite.SERVICES) {
                ServiceProcess second = suite.startReplica(service);
                balancer.add(service, suite.instance(service));
                balancer.add(service, second);
                instances.put(service + "#1", suite.instance(service));
                instances.put(service + "#2", second);
            }
            String admin = suite.token("admin", Map.of());
            Map<String, String> tokens = new ConcurrentHashMap<>();
            Map<Long, List<Long>> enrollMillis = new ConcurrentSkipListMap<>();
            Map<Long, List<Long>> contactMillis = new ConcurrentSkipListMap<>();
            Map<Long, Integer> mailsByMinute = new ConcurrentSkipListMap<>();
            Map<Long, List<Long>> queryMillis = new ConcurrentSkipListMap<>();
            List<Sample> samples = new CopyOnWriteArrayList<>();
            AtomicInteger writes = new AtomicInteger();
            AtomicInteger failedWrites = new AtomicInteger();
            AtomicInteger nhnSent = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            Instant start = Instant.now();
            Instant end = start.plus(Duration.ofMinutes(minutes));

            CompletableFuture<Void> enrolling = CompletableFuture.runAsync(() -> {
                for (int round = 0; running.get(); round++) {
                    String solution = SOLUTIONS[round % SOLUTIONS.length];
                    String track = suite.openTrack(solution, "Soak " + round + " " + solution, 400);
                    suite.admin("notification-service")
                            .body("""
                            {"eventTypes": ["no.ks.ehelse.enrollment.enrolled.v1"], "channel": "WEBHOOK",
                             "address": "%s", "trackId": "%s"}""".formatted(receiver.url("/soak"), track))
                            .post("/api/v1/subscriptions")
                            .then()
                            .statusCode(201);
                    for (int i = 0; i < municipalities.size() && running.get(); i++) {
                        String k = municipalities.get(i);
                        timed(
                                enrollMillis,
                                start,
                                () -> balancer.post(
                                        "enrollment-service",
                                        "/api/v1/tracks/" + track + "/enrollments",
                                        tokens.computeIfAbsent(k, suite::municipality),
                                        "{\"kommunenummer\": \"" + k + "\"}"),
                                writes,
                                failedWrites);
                        pause(200);
                    }
                }
            });
            // Contacts change at a steady rate without accumulating: each of 200 municipalities gets one IT contact,
            // then that contact's address is replaced again and again. Adding a contact on every write made each
            // later enrollment mail ever more people, so the load itself grew through the soak.
            CompletableFuture<Void> contacts = CompletableFuture.runAsync(() -> {
                Map<String, String> contactIds = new java.util.HashMap<>();
                for (int i = 0; running.get(); i++) {
                    String k = municipalities.get(100 + i % 200);
                    String body = "{\"role\": \"IT_CONTACT\", \"name\": \"IT\", \"email\": \"soak-" + i + "@" + k
                            + ".kommune.example\"}";
                    String id = contactIds.get(k);
                    Balancer.Answer a = timed(
                            contactMillis,
                            start,
                            () -> id == null
                                    ? balancer.post(
                                            "registry-service",
                                            "/api/v1/municipalities/" + k + "/contacts",
                                            admin,
                                            body)
                                    : balancer.put("registry-service", "/api/v1/contacts/" + id, admin, body),
                            writes,
                            failedWrites);
                    if (id == null && a.status() == 201) {
                        try {
                            contactIds.put(k, JSON.readTree(a.body()).path("id").asText());
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException("unreadable 201 for a contact: " + a.body(), e);
                        }
                    }
                    pause(500);
                }
            });
            CompletableFuture<Void> queries = CompletableFuture.runAsync(() -> {
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                Random random = new Random(5);
                while (running.get()) {
                    List<ServiceProcess> stats = balancer.instancesOf("adoption-stats-service");
                    ServiceProcess target = stats.get(random.nextInt(stats.size()));
                    String solution = SOLUTIONS[random.nextInt(SOLUTIONS.length)];
                    long t0 = System.nanoTime();
                    try {
                        http.send(
                                HttpRequest.newBuilder(
                                                URI.create(target.url() + "/api/v1/adoption/" + solution + "/coverage"))
                                        .header("Authorization", "Bearer " + admin)
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                        bucket(queryMillis, start).add((System.nanoTime() - t0) / 1_000_000);
                    } catch (IOException e) {
                        // counted by its absence; the write path is what must not fail
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    pause(100);
                }
            });
            CompletableFuture<Void> nhn = CompletableFuture.runAsync(() -> {
                try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                suite.bootstrapServers(),
                                ProducerConfig.ACKS_CONFIG,
                                "all",
                                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                                true),
                        new StringSerializer(),
                        new StringSerializer())) {
                    Random random = new Random(9);
                    while (running.get()) {
                        for (int i = 0; i < 50; i++) {
                            String k = municipalities.get(random.nextInt(municipalities.size()));
                            String id = UUID.randomUUID().toString();
                            String value = """
                                    {"specversion": "1.0", "id": "%s", "source": "urn:no:nhn:adoption",
                                     "type": "no.nhn.adoption.usage.v1", "subject": "%s", "time": "%s",
                                     "datacontenttype": "application/json", "data": {"kommunenummer": "%s",
                                     "solution": "vkp", "metric": "alarmer", "period": "2026-10", "value": %d}}""".formatted(id, k, Instant.now(), k, random.nextInt(1000));
                            producer.send(new ProducerRecord<>("nhn.adoption.v1", k, value));
                            nhnSent.incrementAndGet();
                        }
                        pause(1_000);
                    }
                }
            });

            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int round = 0; Instant.now().isBefore(end); round++) {
                double minute = Duration.between(start, Instant.now()).toMillis() / 60_000.0;
                boolean fullGc = round % FULL_GC_EVERY == 0;
                instances.forEach((name, p) -> {
                    if (fullGc) {
                        fullCollection(p);
                    }
                    Map<String, Double> m = memoryMb(http, p);
                    samples.add(new Sample(
                            name,
                            minute,
                            p.rssKb() / 1024.0,
                            fullGc ? m.getOrDefault("heap", Double.NaN) : Double.NaN,
                            m.getOrDefault("tenured", -1.0),
                            m.getOrDefault("committed", -1.0),
                            pools(m)));
                });
                // The mail sink's running total, kept per minute: the last reading in a minute wins.
                mailsByMinute.put(Duration.between(start, Instant.now()).toMinutes(), suite.mail.count());
                pause(15_000);
            }
            running.set(false);
            CompletableFuture.allOf(enrolling, contacts, queries, nhn).get();

            // The end state: nothing left in any outbox, nothing dead-lettered, no ERROR in the services' logs.
            Instant drainStart = Instant.now();
            Map<String, Long> outbox = new TreeMap<>();
            for (String service : Suite.SERVICES) {
                org.awaitility.Awaitility.await()
                        .atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> suite.unpublished(service) == 0);
                outbox.put(service, suite.unpublished(service));
            }
            long deadLetters = deadLetters(suite.bootstrapServers());
            List<String> errors = errorLines(suite.logs());

            report.append("Writes: ")
                    .append(writes.get())
                    .append(" acknowledged, ")
                    .append(failedWrites.get())
                    .append(" not (over both instances); NHN events sent: ")
                    .append(nhnSent.get())
                    .append("; webhook calls received: ")
                    .append(receiver.calls("/soak").size())
                    .append("; mails: ")
                    .append(suite.mail.count())
                    .append(".\n\n");
            // Heap after GC is read right after a full collection the soak triggers (jcmd GC.run, every 5 min): with
            // the serial collector an old collection may otherwise never run in 30 min. The old generation's use
            // and the JVM's committed memory (heap and non-heap) tell whether RSS follows the JVM's own pools.
            report.append("Heap after GC: the heap's use right after a full collection triggered every "
                    + FULL_GC_EVERY / 4 + " min by `jcmd <pid> GC.run`.\n\n");
            report.append("| instance | RSS start → end (MB) | RSS slope (MB/h) | heap after full GC start → end (MB) "
                    + "| heap-after-GC slope (MB/h) | old generation used start → end (MB) "
                    + "| JVM committed, heap + non-heap, start → end (MB) | committed slope (MB/h) |\n"
                    + "|---|---|---|---|---|---|---|---|\n");
            for (String name : instances.keySet()) {
                List<Sample> mine =
                        samples.stream().filter(s -> s.instance().equals(name)).toList();
                List<Sample> afterGc = mine.stream()
                        .filter(s -> !Double.isNaN(s.heapAfterGcMb()))
                        .toList();
                report.append(String.join(
                                " | ",
                                "| " + name,
                                startToEnd(mine, Sample::rssMb, "%.0f"),
                                String.format("%.1f", slopePerHour(mine, Sample::rssMb)),
                                startToEnd(afterGc, Sample::heapAfterGcMb, "%.1f"),
                                String.format("%.1f", slopePerHour(afterGc, Sample::heapAfterGcMb)),
                                startToEnd(mine, Sample::tenuredMb, "%.1f"),
                                startToEnd(mine, Sample::committedMb, "%.0f"),
                                String.format("%.1f", slopePerHour(mine, Sample::committedMb))))
                        .append(" |\n");
            }
            // Which of the JVM's pools grew, and how RSS moved from one full collection to the next.
            report.append("\n| instance | RSS at each full collection (MB) | committed memory per pool, first → last "
                    + "sample (MB; pools that changed by 1 MB or more) |\n|---|---|---|\n");
            for (String name : instances.keySet()) {
                List<Sample> mine =
                        samples.stream().filter(s -> s.instance().equals(name)).toList();
                String rss = mine.stream()
                        .filter(s -> !Double.isNaN(s.heapAfterGcMb()))
                        .map(s -> String.format("%.0f", s.rssMb()))
                        .collect(java.util.stream.Collectors.joining(" · "));
                Map<String, Double> first = mine.get(0).poolsMb();
                Map<String, Double> last = mine.get(mine.size() - 1).poolsMb();
                String grown = new TreeMap<>(last)
                        .entrySet().stream()
                                .filter(e -> Math.abs(e.getValue() - first.getOrDefault(e.getKey(), 0.0)) >= 1.0)
                                .map(e -> String.format(
                                        "%s %.0f → %.0f",
                                        e.getKey(), first.getOrDefault(e.getKey(), 0.0), e.getValue()))
                                .collect(java.util.stream.Collectors.joining("; "));
                report.append("| ")
                        .append(name)
                        .append(" | ")
                        .append(rss)
                        .append(" | ")
                        .append(grown.isEmpty() ? "none" : grown)
                        .append(" |\n");
            }
            report.append("\n| minute | enrollments | enrollment p99 (ms) | contact writes | contact write p99 (ms) "
                    + "| mails sent | queries | query p99 (ms) |\n|---|---|---|---|---|---|---|---|\n");
            int mailsBefore = 0;
            for (long m = 0; m < minutes; m++) {
                List<Long> e = enrollMillis.getOrDefault(m, List.of());
                List<Long> c = contactMillis.getOrDefault(m, List.of());
                List<Long> q = queryMillis.getOrDefault(m, List.of());
                int mailsNow = mailsByMinute.getOrDefault(m, mailsBefore);
                report.append(String.join(
                                " | ",
                                "| " + (m + 1),
                                String.valueOf(e.size()),
                                p99(e),
                                String.valueOf(c.size()),
                                p99(c),
                                String.valueOf(mailsNow - mailsBefore),
                                String.valueOf(q.size()),
                                p99(q)))
                        .append(" |\n");
                mailsBefore = mailsNow;
            }
            report.append("\nAt the end: outbox ")
                    .append(outbox)
                    .append(" (drained in ")
                    .append(Duration.between(drainStart, Instant.now()).toSeconds())
                    .append(" s), ")
                    .append(deadLetters)
                    .append(" records on the dead-letter topics, ")
                    .append(errors.size())
                    .append(" ERROR lines in the services' logs")
                    .append(errors.isEmpty() ? "" : ": " + errors.subList(0, Math.min(5, errors.size())))
                    .append(".\n");
            System.out.println(report);
            Path file = Path.of(System.getProperty("soak.report", "target/soak-report.md"));
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, report.toString(), StandardCharsets.UTF_8);
            assertEquals(0, failedWrites.get(), "writes not acknowledged");
            assertEquals(0, deadLetters, "dead letters");
            assertEquals(List.of(), errors, "ERROR lines");
        }
    }

    private static Balancer.Answer timed(
            Map<Long, List<Long>> buckets,
            Instant start,
            java.util.function.Supplier<Balancer.Answer> call,
            AtomicInteger ok,
            AtomicInteger failed) {
        long t0 = System.nanoTime();
        Balancer.Answer a = call.get();
        bucket(buckets, start).add((System.nanoTime() - t0) / 1_000_000);
        if (a.status() == 200 || a.status() == 201) {
            ok.incrementAndGet();
        } else {
            failed.incrementAndGet();
        }
        return a;
    }

    private static List<Long> bucket(Map<Long, List<Long>> buckets, Instant start) {
        long minute = Duration.between(start, Instant.now()).toMinutes();
        return buckets.computeIfAbsent(minute, m -> new CopyOnWriteArrayList<>());
    }

    private static String p99(List<Long> millis) {
        if (millis.isEmpty()) {
            return "–";
        }
        List<Long> sorted = new ArrayList<>(millis);
        sorted.sort(Long::compare);
        return Long.toString(sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1));
    }

    /** Least-squares slope of a value over the samples' minutes, per hour. */
    private static double slopePerHour(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> value) {
        double n = samples.size();
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (Sample s : samples) {
            double x = s.minute();
            double y = value.applyAsDouble(s);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double denominator = n * sxx - sx * sx;
        return denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator * 60;
    }

    /** The first and the last sample's value of one measure, "a → b". */
    private static String startToEnd(
            List<Sample> samples, java.util.function.ToDoubleFunction<Sample> measure, String format) {
        return String.format(
                format + " → " + format,
                measure.applyAsDouble(samples.get(0)),
                measure.applyAsDouble(samples.get(samples.size() - 1)));
    }

    /** A full collection in the instance's JVM, by the jcmd beside the java it runs on. */
    private static void fullCollection(ServiceProcess p) {
        try {
            Path launcher = Path.of(ProcessHandle.of(p.pid())
                    .flatMap(h -> h.info().command())
                    .orElseThrow(() -> new IllegalStateException("no command line for pid " + p.pid())));
            Process jcmd = new ProcessBuilder(
                            launcher.resolveSibling("jcmd").toString(), Long.toString(p.pid()), "GC.run")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!jcmd.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + p.pid() + " GC.run failed");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * From Micrometer's JVM metrics: {@code heap} = the heap's use now, {@code tenured} = the old generation's use
     * now, {@code committed} = every memory pool's committed bytes, heap and non-heap, and {@code pool:<id>} each
     * pool's committed bytes. Empty when the metrics cannot be read.
     */
    private static Map<String, Double> memoryMb(HttpClient http, ServiceProcess p) {
        try {
            String metrics = http.send(
                            HttpRequest.newBuilder(URI.create(p.managementUrl() + "/q/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Map<String, Double> memory = new java.util.HashMap<>(Map.of(
                    "heap", sumMb(metrics, "jvm_memory_used_bytes{", "area=\"heap\""),
                    "tenured", sumMb(metrics, "jvm_memory_used_bytes{", "Tenured Gen"),
                    "committed", sumMb(metrics, "jvm_memory_committed_bytes{", "")));
            java.util.regex.Matcher pool = java.util.regex.Pattern.compile(
                            "(?m)^jvm_memory_committed_bytes\\{[^}]*id=\"([^\"]+)\"[^}]*} (\\S+)$")
                    .matcher(metrics);
            while (pool.find()) {
                memory.merge("pool:" + pool.group(1), Double.parseDouble(pool.group(2)) / (1024 * 1024), Double::sum);
            }
            return memory;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    private static Map<String, Double> pools(Map<String, Double> memory) {
        Map<String, Double> pools = new TreeMap<>();
        memory.forEach((key, mb) -> {
            if (key.startsWith("pool:")) {
                pools.put(key.substring(5), mb);
            }
        });
        return pools;
    }

    private static double sumMb(String metrics, String prefix, String containing) {
        return metrics.lines()
                        .filter(l -> l.startsWith(prefix) && l.contains(containing))
                        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                        .sum()
                / (1024 * 1024);
    }

    private static long deadLetters(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            List<String> dlq = TopicCatalogue.topics().stream()
                    .map(TopicCatalogue.Topic::name)
                    .filter(t -> t.endsWith(".dlq"))
                    .toList();
            Map<TopicPartition, OffsetSpec> ends = new java.util.HashMap<>();
            admin.describeTopics(dlq).allTopicNames().get().forEach((name, d) -> d.partitions()
                    .forEach(p -> ends.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            return admin.listOffsets(ends).all().get().values().stream()
                    .mapToLong(o -> o.offset())
                    .sum();
        }
    }

    private static List<String> errorLines(Path logs) throws IOException {
        List<String> errors = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().startsWith("kafka"))
                    .toList()) {
                Files.readAllLines(f).stream()
                        .filter(l -> l.contains(" ERROR "))
                        .forEach(l -> errors.add(f.getFileName() + ": " + l));
            }
        }
        return errors;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
