package no.ks.ehelse.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import no.ks.ehelse.localstack.ServiceProcess;
import no.ks.ehelse.suite.Suite;

/**
 * Start and memory (issue 21 §2): each service stopped and started alone while the rest of the suite runs, once as
 * the local run started it before the AOT cache (JDK 17, fast-jar, the small-footprint options) and once as it
 * starts now (JDK 25, {@code quarkus-app-aot} with its AOT cache, {@link #AOT_OPTIONS}); start → first 200 from
 * {@code /q/health/ready}, and RSS after {@link #IDLE} idle. Then the whole local suite's idle RSS: the four
 * services (as they start now), the Kafka broker, the OIDC server and a mail sink process.
 */
final class StartAndMemory {

    /** deploy/local/run before the AOT cache. */
    static final List<String> TODAY_OPTIONS =
            List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx192m", "-Xss512k", "-XX:TieredStopAtLevel=1");
    /**
     * deploy/local/run with the AOT cache (keep the two the same): the cache; the collector it was recorded with;
     * a small, fixed young generation and a heap given back when mostly free (the idle heap was 63 MB committed with
     * -Xms32m alone, 40 MB with these; NMT, docs/performance.md); small thread stacks; C1 only, one compiler
     * thread, a bounded code cache.
     */
    static final List<String> AOT_OPTIONS = List.of(
            "-XX:AOTCache=app.aot",
            "-XX:+UseSerialGC",
            "-Xms16m",
            "-Xmx192m",
            "-Xmn12m",
            "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30",
            "-Xss512k",
            "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=32m",
            "-XX:CICompilerCount=1");

    private static final Duration IDLE = Duration.ofSeconds(10);
    private static final Path JDK17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
    private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    private StartAndMemory() {}

    /** The java of today's runs: {@code -Dbenchmark.java.today}, else the machine's JDK 17, else the test JVM's. */
    static Path todayJava() {
        String given = System.getProperty("benchmark.java.today", "");
        if (!given.isBlank()) {
            return Path.of(given);
        }
        return Files.isExecutable(JDK17) ? JDK17 : Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * The java that made the AOT caches: {@code -Dbenchmark.java.aot}, else the test JVM's when it is 25 or newer
     * (deploy/benchmark/run builds and runs with it), else the machine's Temurin 25.
     */
    static Path aotJava() {
        String given = System.getProperty("benchmark.java.aot", "");
        if (!given.isBlank()) {
            return Path.of(given);
        }
        if (Runtime.version().feature() >= 25) {
            return Path.of(System.getProperty("java.home"), "bin", "java");
        }
        return JDK25;
    }

    static Map<String, ServiceProcess.Jvm> configurations(String service) {
        Path module = Suite.ROOT.resolve(service).resolve("target");
        Map<String, ServiceProcess.Jvm> c = new LinkedHashMap<>();
        c.put(
                "before: JDK 17, fast-jar, " + String.join(" ", TODAY_OPTIONS),
                new ServiceProcess.Jvm(todayJava(), TODAY_OPTIONS, module.resolve("quarkus-app"), false));
        c.put(
                "now: JDK 25, AOT cache, " + String.join(" ", aotOptions()),
                new ServiceProcess.Jvm(aotJava(), aotOptions(), module.resolve("quarkus-app-aot"), true));
        return c;
    }

    static List<String> aotOptions() {
        return AOT_OPTIONS;
    }

    static void run(Suite suite, List<String> services, Consumer<String> line) throws Exception {
        line.accept("## Start and memory (issue 21 §2)\n");
        line.accept("Each service stopped and started alone while the rest of the suite runs; start → first 200 from "
                + "`/q/health/ready` (polled every 25 ms), RSS (VmRSS) after " + IDLE.toSeconds()
                + " s idle. Both with `MALLOC_ARENA_MAX=2`. Targets: ready ≤ 1.5 s, RSS ≤ 150 MB.\n");
        line.accept("| service | JVM | start → ready (ms) | RSS idle (MB) |\n|---|---|---|---|");
        List<String> missing = new ArrayList<>();
        for (String service : services) {
            for (Map.Entry<String, ServiceProcess.Jvm> c :
                    configurations(service).entrySet()) {
                ServiceProcess.Jvm jvm = c.getValue();
                if (!Files.isRegularFile(jvm.app().resolve("quarkus-run.jar"))
                        || (jvm.inAppDirectory()
                                && !Files.isRegularFile(jvm.app().resolve("app.aot")))) {
                    missing.add(service + " (" + jvm.app().getFileName() + ")");
                    continue;
                }
                suite.stop(service);
                long t0 = System.nanoTime();
                ServiceProcess p = suite.startService(service, jvm, Map.of("MALLOC_ARENA_MAX", "2"));
                long ready = (System.nanoTime() - t0) / 1_000_000;
                Thread.sleep(IDLE.toMillis());
                line.accept("| " + service + " | " + c.getKey() + " | " + ready + " | " + p.rssKb() / 1024 + " |");
            }
        }
        if (!missing.isEmpty()) {
            line.accept("\nNot built, so not measured: " + String.join(", ", missing)
                    + " (the AOT cache is built by `-Paot` with a JDK 25 for Maven, as deploy/benchmark/run does).");
        }
        line.accept("");
        suiteRss(suite, services, line);
    }

    /** The whole local suite idle: the services as they run now, the broker, the OIDC server, a mail sink. */
    private static void suiteRss(Suite suite, List<String> services, Consumer<String> line) throws Exception {
        Map<String, Long> rss = new LinkedHashMap<>();
        for (String service : services) {
            rss.put(service, suite.process(service).rssKb());
        }
        rss.put("Kafka broker (harness: -XX:+UseSerialGC -Xmx384m)", ServiceProcess.rssKb(suite.kafka.pid()));
        rss.put("OIDC server (-XX:+UseSerialGC -Xmx96m)", ServiceProcess.rssKb(suite.oidc.pid()));
        rss.put("mail sink (-XX:+UseSerialGC -Xmx64m, as deploy/local/run)", mailSinkRssKb());
        long total = rss.values().stream().mapToLong(Long::longValue).sum();
        line.accept("### The whole local suite, idle (target ≤ 1.5 GB)\n");
        line.accept("| process | RSS (MB) |\n|---|---|");
        rss.forEach((name, kb) -> line.accept("| " + name + " | " + kb / 1024 + " |"));
        line.accept("| **all " + rss.size() + "** | **" + total / 1024 + "** |\n");
    }

    private static int freePort() {
        return no.ks.ehelse.localstack.Ports.free();
    }

    /** The mail sink runs inside the test JVM here; for its figure it is started as the local run starts it. */
    private static long mailSinkRssKb() throws IOException, InterruptedException {
        Path localStack = Suite.ROOT.resolve("deploy/local-stack/target");
        Path mails = Files.createTempDirectory("bench-mail");
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:+UseSerialGC",
                        "-Xmx64m",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-cp",
                        localStack.resolve("classes") + java.io.File.pathSeparator + localStack.resolve("lib") + "/*",
                        "no.ks.ehelse.localstack.MailSink",
                        Integer.toString(freePort()),
                        mails.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            Thread.sleep(IDLE.toMillis());
            return ServiceProcess.rssKb(p.pid());
        } finally {
            p.destroy();
            p.waitFor();
        }
    }
}
