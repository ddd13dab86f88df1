package no.ks.ehelse.suite;

import static no.ks.ehelse.suite.Suite.contact;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import no.ks.ehelse.localstack.EventProbe;
import no.ks.ehelse.localstack.MailSink;
import no.ks.ehelse.localstack.PostgresDatabases;

/**
 * The database faults production will see, on the suite's own cluster with a synchronous standby: the primary
 * killed and the standby promoted under load, then one service's database dropped and restored by the procedure
 * of docs/operations.md (deploy/restore/adoption-stats). Each prints the counts docs/reliability.md reports.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresFaultsIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static Suite suite;
    private static List<String> municipalities;

    @BeforeAll
    static void start() {
        org.awaitility.Awaitility.doNotCatchUncaughtExceptionsByDefault();
        suite = Suite.startWithStandby("pgfaults");
        municipalities = suite.municipalities();
        assertEquals(357, municipalities.size());
    }

    @AfterAll
    static void stop() {
        org.awaitility.Awaitility.reset();
        if (suite != null) {
            suite.close();
        }
    }

    /** One enrollment request of the load: what was sent and what came back. */
    record Attempt(
            String track, String kommunenummer, Instant at, int status, String id, String type, String retryAfter) {
        boolean acknowledged() {
            return status / 100 == 2;
        }
    }

    /**
     * kill -9 of the primary's postmaster while enrollments are made over REST and NHN events flow; the test
     * promotes the standby. Every acknowledged enrollment is stored once, announced once and confirmed by one mail;
     * writes in the gap are 503 problems with Retry-After and leave nothing behind; NHN's aggregates are exact.
     */
    @Test
    @Order(1)
    void primaryKilledAndStandbyPromotedLosesAndDoublesNothing() throws Exception {
        List<String> chosen = municipalities.subList(0, 200);
        suite.addContacts(chosen);
        List<String> tracks = List.of(
                suite.openTrack("digihelse", "Failover DigiHelse 2027", 400),
                suite.openTrack("htm", "Failover Helhetlig tjenestemodell 2027", 400));
        for (String track : tracks) {
            await().atMost(WAIT)
                    .until(() -> ((Number) suite.admin("enrollment-service")
                                            .get("/api/v1/tracks/" + track + "/not-enrolled?size=1")
                                            .path("totalItems"))
                                    .intValue()
                            == 357);
        }
        Nhn nhn = Nhn.stream("vkp", municipalities, 5_000, "alarmer", "2026-10", 7);
        List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        try (EventProbe enrollments =
                EventProbe.openFromBeginning(suite.kafka.bootstrapServers(), "enrollment.enrollments.v1")) {
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                for (String track : tracks) {
                    for (String k : chosen) {
                        attempts.add(enroll(track, k));
                        sleep(40);
                    }
                }
            });
            CompletableFuture<Void> nhnSent = CompletableFuture.runAsync(
                    () -> nhn.sendTo(suite.kafka.bootstrapServers(), Duration.ofSeconds(180)));
            await().atMost(WAIT).until(() -> acknowledged(attempts) >= 60);
            Instant killed = Instant.now();
            suite.postgres.killPrimary();
            // The operator's part: notice (here, the first refused write) and promote the standby.
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> copy(attempts).stream().anyMatch(a -> !a.acknowledged()));
            Instant promoted = Instant.now();
            suite.postgres.promoteStandby();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> Suite.SERVICES.stream()
                    .allMatch(s -> readiness(s) == 200));
            Instant ready = Instant.now();
            writing.get(3, TimeUnit.MINUTES);
            nhnSent.get(3, TimeUnit.MINUTES);

            List<Attempt> all = copy(attempts);
            List<Attempt> refused = all.stream().filter(a -> !a.acknowledged()).toList();
            List<Attempt> wrongRefusals = refused.stream()
                    .filter(a ->
                            a.status() != 503 || !"application/problem+json".equals(a.type()) || a.retryAfter() == null)
                    .toList();
            assertEquals(List.of(), wrongRefusals, "a refused write is a 503 problem with Retry-After");
            Instant firstRefused =
                    refused.stream().map(Attempt::at).min(Instant::compareTo).orElseThrow();
            Instant lastRefused =
                    refused.stream().map(Attempt::at).max(Instant::compareTo).orElseThrow();
            Instant firstAcceptedAgain = all.stream()
                    .filter(a -> a.acknowledged() && a.at().isAfter(firstRefused))
                    .map(Attempt::at)
                    .min(Instant::compareTo)
                    .orElseThrow();
            long acceptedAfter = all.stream()
                    .filter(a -> a.acknowledged() && a.at().isAfter(lastRefused))
                    .count();
            assertTrue(acceptedAfter >= 20, "writes accepted again after the failover: " + acceptedAfter);

            // Stored: exactly the acknowledged ones, each once, under the id it was acknowledged with; a refused
            // write left nothing.
            Map<String, List<String>> rows = enrollmentRows(tracks);
            Map<String, String> acknowledgedIds = new TreeMap<>();
            all.stream()
                    .filter(Attempt::acknowledged)
                    .forEach(a -> acknowledgedIds.put(a.id(), a.track() + "/" + a.kommunenummer()));
            List<String> wrongRows = new ArrayList<>();
            acknowledgedIds.forEach((id, key) -> {
                if (!List.of(id).equals(rows.get(key))) {
                    wrongRows.add(key + ": acknowledged as " + id + ", stored " + rows.get(key));
                }
            });
            for (Attempt a : refused) {
                String key = a.track() + "/" + a.kommunenummer();
                if (rows.containsKey(key)) {
                    wrongRows.add(key + ": refused (" + a.status() + "), yet stored as " + rows.get(key));
                }
            }
            assertEquals(List.of(), wrongRows, "enrollments as stored");
            assertEquals(acknowledgedIds.size(), rows.size(), "no enrollment but the acknowledged ones");

            // Announced: one enrolled event per stored enrollment, none for anything else on these tracks.
            await("enrollment-service's outbox to be empty")
                    .atMost(WAIT)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> suite.unpublished("enrollment-service") == 0);
            Map<String, Integer> announced = new HashMap<>();
            enrollments.drainToEnd(WAIT).stream()
                    .filter(r -> "no.ks.ehelse.enrollment.enrolled.v1".equals(r.type()))
                    .filter(r -> tracks.contains(r.value().at("/data/trackId").asText()))
                    .forEach(r -> announced.merge(r.value().at("/data/id").asText(), 1, Integer::sum));
            assertEquals(acknowledgedIds.keySet(), announced.keySet(), "every stored enrollment announced");
            assertTrue(announced.values().stream().allMatch(n -> n == 1), "none announced twice: " + announced);

            // Confirmed: one mail (one Message-ID) per enrollment to the municipality's contact.
            Map<String, Long> expectedMails = all.stream()
                    .filter(Attempt::acknowledged)
                    .collect(Collectors.groupingBy(a -> contact(a.kommunenummer()), Collectors.counting()));
            MailSink mail = suite.mail;
            await("a mail per acknowledged enrollment")
                    .atMost(WAIT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> expectedMails.entrySet().stream()
                            .allMatch(e -> messageIds(mail, e.getKey()).size() >= e.getValue()));
            List<String> recipients = chosen.stream().map(Suite::contact).toList();
            await("notification-service to have no mail left to send")
                    .atMost(WAIT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> suite.count(
                                    "notification-service",
                                    "SELECT count(*) FROM notification WHERE channel = 'EMAIL' AND lower(recipient) = ANY (?)"
                                            + " AND status IN ('PENDING', 'RETRYING')",
                                    recipients)
                            == 0);
            Map<String, Long> mails = new TreeMap<>();
            for (String r : recipients) {
                long n = messageIds(mail, r).size();
                if (n > 0) {
                    mails.put(r, n);
                }
            }
            assertEquals(new TreeMap<>(expectedMails), mails, "confirmation mails (distinct Message-IDs) per contact");

            // NHN's events, sent throughout: the aggregates are exactly those of the input.
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> Suite.withoutNone(suite.levels("vkp")).equals(nhn.expectedLevels()));
            await().atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertEquals(nhn.expectedUsageTotal(), usageTotal("vkp", "alarmer"), 0.001));
            System.out.printf(
                    "FAILOVER: primary killed (kill -9) after %d acknowledged enrollments, standby promoted %d ms"
                            + " after the kill; %d enrollment requests in all: %d acknowledged (all stored once, each"
                            + " announced once, %d confirmation mails = one per enrollment), %d refused with 503 +"
                            + " Retry-After, none stored; refused-write window %d ms (first refused -> first accepted"
                            + " again), last refusal %d ms after the kill; all services ready %d ms after the promotion;"
                            + " %d NHN events: levels %s and usage total %.1f as expected%n",
                    all.stream()
                            .filter(a -> a.acknowledged() && a.at().isBefore(killed))
                            .count(),
                    Duration.between(killed, promoted).toMillis(),
                    all.size(),
                    acknowledgedIds.size(),
                    mails.values().stream().mapToLong(Long::longValue).sum(),
                    refused.size(),
                    Duration.between(firstRefused, firstAcceptedAgain).toMillis(),
                    Duration.between(killed, lastRefused).toMillis(),
                    Duration.between(promoted, ready).toMillis(),
                    nhn.events().size(),
                    nhn.expectedLevels(),
                    nhn.expectedUsageTotal());
        }
    }

    /**
     * adoption-stats' database dropped and restored by deploy/restore/adoption-stats (docs/operations.md): a backup
     * while it runs, NHN events after it, the database dropped, restored, the service started: its answers equal
     * those before the drop.
     */
    @Test
    @Order(2)
    void adoptionStatsRestoredFromADumpAndTheTopicsAnswersAsBefore() throws Exception {
        String service = "adoption-stats-service";
        Path backup =
                Path.of("target", "suite-restore", suite.database(service)).toAbsolutePath();
        Nhn beforeDump = Nhn.stream("pll", municipalities, 2_000, "bruk", "2026-09", 11);
        beforeDump.sendTo(suite.kafka.bootstrapServers(), Duration.ofSeconds(60));
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> Suite.withoutNone(suite.levels("pll")).equals(beforeDump.expectedLevels()));
        script("backup", backup);
        // Changes after the backup: more NHN reports (statuses with later dates, usage and its corrections) for a
        // solution the dump knows and one it does not.
        Nhn after = Nhn.stream("pll", municipalities, 2_000, "bruk", "2026-10", 12);
        Nhn other = Nhn.stream("kjernejournal", municipalities, 2_000, "oppslag", "2026-10", 13);
        after.sendTo(suite.kafka.bootstrapServers(), Duration.ofSeconds(60));
        other.sendTo(suite.kafka.bootstrapServers(), Duration.ofSeconds(60));
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> Suite.withoutNone(suite.levels("kjernejournal")).equals(other.expectedLevels())
                        && Math.abs(usageTotalOrNaN("pll", "bruk", "2026-10") - after.expectedUsageTotal()) < 0.001
                        && Math.abs(usageTotalOrNaN("kjernejournal", "oppslag", "2026-10") - other.expectedUsageTotal())
                                < 0.001);
        Map<String, String> before = answers();

        suite.stop(service);
        new PostgresDatabases(suite.postgres.adminUrl()).drop(suite.database(service));
        Instant dropped = Instant.now();
        script("restore", backup);
        suite.startService(service);
        try {
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> answers().equals(before));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            assertEquals(before, answers(), "adoption-stats' answers after the restore");
        }
        System.out.printf(
                "RESTORE: adoption-stats' database dropped and restored from a pg_dump taken before %d of %d NHN"
                        + " events; after restore and replay from the dump's offsets its %d answers equal those before"
                        + " the drop (%d ms from the drop)%n",
                after.events().size() + other.events().size(),
                beforeDump.events().size()
                        + after.events().size()
                        + other.events().size(),
                before.size(),
                Duration.between(dropped, Instant.now()).toMillis());
    }

    /** The REST answers compared across the restore, by request. */
    private static Map<String, String> answers() {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : List.of(
                "/api/v1/adoption/pll/coverage",
                "/api/v1/adoption/kjernejournal/coverage",
                "/api/v1/adoption/vkp/coverage",
                "/api/v1/adoption/pll/non-adopters",
                "/api/v1/adoption/kjernejournal/non-adopters",
                "/api/v1/adoption/pll/usage?metric=bruk&period=2026-09",
                "/api/v1/adoption/pll/usage?metric=bruk&period=2026-10",
                "/api/v1/adoption/kjernejournal/usage?metric=oppslag&period=2026-10",
                "/api/v1/adoption/vkp/usage?metric=alarmer&period=2026-10",
                "/api/v1/adoption/digihelse/funnel")) {
            ExtractableResponse<Response> r =
                    suite.admin("adoption-stats-service").get(path).then().extract();
            // knownAt, when not asked for, is the moment of the request: the one part that differs by design.
            answers.put(
                    path,
                    r.statusCode() + " " + r.body().asString().replaceAll("\"knownAt\":\"[^\"]*\"", "\"knownAt\":now"));
        }
        return answers;
    }

    private static void script(String action, Path backup) throws Exception {
        Map<String, String> env = new HashMap<>(suite.postgres.libpqEnvironment());
        env.put("PGDATABASE", suite.database("adoption-stats-service"));
        env.put("PG_BIN", PostgresCluster.bin().toString());
        env.put("BOOTSTRAP", suite.kafka.bootstrapServers());
        env.put("KAFKA_CONSUMER_GROUPS", ConsumerGroupsCommand.commandLine());
        Files.createDirectories(backup.getParent());
        ProcessBuilder pb = new ProcessBuilder(
                        Suite.ROOT.resolve("deploy/restore/adoption-stats").toString(), action, backup.toString())
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        System.out.print(output);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), action + " within 2 min");
        assertEquals(0, p.exitValue(), action + ": " + output);
    }

    private static Attempt enroll(String track, String k) {
        try {
            ExtractableResponse<Response> r = suite.as("enrollment-service", suite.municipality(k))
                    .body("{\"kommunenummer\": \"" + k + "\"}")
                    .post("/api/v1/tracks/" + track + "/enrollments")
                    .then()
                    .extract();
            String type = r.contentType() == null ? null : r.contentType().split(";")[0];
            String id = r.statusCode() / 100 == 2 ? r.path("id") : null;
            return new Attempt(track, k, Instant.now(), r.statusCode(), id, type, r.header("Retry-After"));
        } catch (RuntimeException e) {
            return new Attempt(track, k, Instant.now(), 0, null, e.toString(), null);
        }
    }

    /** (track/kommunenummer) → the ids of its stored enrollments. */
    private static Map<String, List<String>> enrollmentRows(List<String> tracks) throws java.sql.SQLException {
        Map<String, List<String>> rows = new HashMap<>();
        try (var c = java.sql.DriverManager.getConnection(suite.jdbcUrl("enrollment-service"), "postgres", "");
                var s = c.prepareStatement("SELECT track_id::text, kommunenummer, id::text FROM enrollment"
                        + " WHERE track_id::text = ANY (?)")) {
            s.setArray(1, c.createArrayOf("text", tracks.toArray()));
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2), key -> new ArrayList<>())
                            .add(rs.getString(3));
                }
            }
        }
        return rows;
    }

    private static Set<String> messageIds(MailSink mail, String address) {
        return mail.mailsTo(address).stream().map(MailSink.Mail::messageId).collect(Collectors.toSet());
    }

    private static long acknowledged(List<Attempt> attempts) {
        return copy(attempts).stream().filter(Attempt::acknowledged).count();
    }

    private static List<Attempt> copy(List<Attempt> attempts) {
        synchronized (attempts) {
            return new ArrayList<>(attempts);
        }
    }

    private static double usageTotal(String solution, String metric) {
        return suite.admin("adoption-stats-service")
                .get("/api/v1/adoption/" + solution + "/usage?metric=" + metric + "&period=2026-10")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getDouble("total");
    }

    private static double usageTotalOrNaN(String solution, String metric, String period) {
        ExtractableResponse<Response> r = suite.admin("adoption-stats-service")
                .get("/api/v1/adoption/" + solution + "/usage?metric=" + metric + "&period=" + period)
                .then()
                .extract();
        return r.statusCode() == 200 ? r.jsonPath().getDouble("total") : Double.NaN;
    }

    private static int readiness(String service) {
        try {
            return io.restassured.RestAssured.given()
                    .baseUri(suite.managementUrl(service))
                    .get("/q/health/ready")
                    .statusCode();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
