package no.ks.ehelse.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import no.ks.ehelse.suite.Suite;

/**
 * The benchmark's parts by name, for {@code -Dbenchmark.only=start,write,...} (docs/performance.md), and what the
 * report says of the machine: the JVMs and the load average around each part.
 */
final class Parts {

    /** Test method → part name, in the report's order. */
    static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("footprint", "start");
        NAMES.put("enrollmentWritePath", "write");
        NAMES.put("nhnIngestion", "ingestion");
        NAMES.put("queries", "queries");
        NAMES.put("tenTimesTheEvents", "tenfold");
        NAMES.put("nameMatching", "matching");
        NAMES.put("catalogue", "catalogue");
        NAMES.put("dashboard", "dashboard");
        NAMES.put("freshness", "freshness");
    }

    /** The parts that read the NHN data set the ingestion part loads. */
    static final Set<String> NEEDS_NHN_DATA = Set.of("queries", "tenfold", "dashboard");

    private Parts() {}

    static String of(String method) {
        String name = NAMES.get(method);
        if (name == null) {
            throw new IllegalStateException("no part name for " + method + " in Parts.NAMES");
        }
        return name;
    }

    /** Every part unless {@code -Dbenchmark.only} names some; an unknown name fails rather than runs nothing. */
    static boolean selected(String part) {
        List<String> only = only();
        return only.isEmpty() || only.contains(part);
    }

    static String selectedText() {
        List<String> only = only();
        return only.isEmpty() ? "all (" + String.join(", ", NAMES.values()) + ")" : String.join(", ", only);
    }

    private static List<String> only() {
        String value = System.getProperty("benchmark.only", "").trim();
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> only = Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(p -> !p.isEmpty())
                .toList();
        for (String p : only) {
            // soak is Soak's part, not a Benchmarks method: named, it skips every part here.
            if (!NAMES.containsValue(p) && !p.equals("soak")) {
                throw new IllegalArgumentException("-Dbenchmark.only: unknown part " + p + "; the parts: "
                        + String.join(", ", NAMES.values()) + ", soak");
            }
        }
        return only;
    }

    /**
     * The services to start: all four, or {@code -Dbenchmark.services} for a short run of one part (registry-service
     * must be among them: the data sets are built from its municipalities).
     */
    static List<String> services() {
        String value = System.getProperty("benchmark.services", "").trim();
        if (value.isEmpty()) {
            return Suite.SERVICES;
        }
        List<String> services =
                Arrays.stream(value.split(",")).map(String::trim).collect(Collectors.toList());
        if (!Suite.SERVICES.containsAll(services) || !services.contains("registry-service")) {
            throw new IllegalArgumentException(
                    "-Dbenchmark.services: some of " + Suite.SERVICES + ", registry-service among them");
        }
        return services;
    }

    /** The harness's JVM for the services: the test JVM's java (its version), serial collector, 192 MB heap. */
    static String harnessJvm() {
        return "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.vendor")
                + "), fast-jar, -XX:+UseSerialGC -Xmx192m";
    }

    /** /proc/loadavg's three averages; the machine is shared, so every figure is read against it. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException e) {
            return "unknown (no /proc/loadavg)";
        }
    }

    /**
     * Waits (at most {@code patience}) until the machine's CPUs were at most {@code busyShare} busy over 5 s, so a
     * part measures the steady state rather than the tail of the part before it (a 2,000,000-event load leaves
     * autovacuum and the JIT busy for a while). Returns the busy share of the last 5 s, for the report.
     */
    static double awaitQuiet(double busyShare, java.time.Duration patience) throws InterruptedException {
        java.time.Instant until = java.time.Instant.now().plus(patience);
        double busy;
        do {
            long[] a = cpuTicks();
            Thread.sleep(5_000);
            long[] b = cpuTicks();
            long total = b[0] - a[0];
            busy = total <= 0 ? 0 : 1.0 - (double) (b[1] - a[1]) / total;
        } while (busy > busyShare && java.time.Instant.now().isBefore(until));
        return busy;
    }

    /** The processes using most CPU over 5 s: top's second sample (its first counts since boot), header and rows. */
    static String busiest(int rows) throws IOException, InterruptedException {
        String out = Benchmarks.run("top", "-b", "-n", "2", "-d", "5", "-o", "%CPU", "-w", "180", "-c");
        String last = out.substring(out.lastIndexOf("top - "));
        return last.lines()
                .dropWhile(line -> !line.trim().startsWith("PID"))
                .limit(rows + 1L)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** {total, idle + iowait} jiffies of all CPUs from /proc/stat. */
    private static long[] cpuTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
        } catch (IOException e) {
            return new long[] {0, 0};
        }
    }
}
