package no.ks.ehelse.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import no.ks.ehelse.localstack.ServiceProcess;

/**
 * Kept answers stay correct across replicas: two adoption-stats-service processes on one database (B the suite's,
 * A a second replica), with the registry. Each test reads every kept answer through A (filling its memory), changes
 * an input through B, the registry or Kafka — a status, a usage correction, a municipality's population, an
 * ambition — waits until B shows the change, then waits out the stated staleness bound (1 s, the default
 * {@code ehelse.answers.max-staleness}) and reads through A again: each answer must equal the one A computes
 * afresh from the tables ({@code Cache-Control: no-cache}), and the answers the change concerns must have changed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeptAnswersIT {

    private static final String SOLUTION = "kjernejournal";
    private static final Duration BOUND = Duration.ofSeconds(1);
    private static final String PERIOD =
            YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString();

    private static Suite suite;
    private static ServiceProcess a;
    private static String b;
    private static Map<String, String> reads;

    @BeforeAll
    static void start() {
        suite = Suite.start("kept-answers", List.of("registry-service", "adoption-stats-service"));
        b = suite.url("adoption-stats-service");
        a = suite.startReplica("adoption-stats-service");
        String api = "/api/v1/adoption/" + SOLUTION;
        String from = YearMonth.now(ZoneOffset.UTC).minusMonths(8).toString();
        reads = new LinkedHashMap<>();
        reads.put("coverage", api + "/coverage");
        reads.put("coverage by network", api + "/coverage?groupBy=NETWORK");
        reads.put("coverage by county", api + "/coverage?groupBy=COUNTY");
        reads.put("coverage CSV", api + "/coverage?groupBy=HEALTH_REGION&format=csv");
        reads.put("non-adopters", api + "/non-adopters");
        reads.put("usage", api + "/usage?metric=oppslag&period=" + PERIOD);
        reads.put("series", api + "/coverage/series?from=" + from);
        reads.put("forecast", api + "/forecast");
        reads.put("dashboard", "/tall/" + SOLUTION);
        // The inputs every answer needs: statuses over the last months and a usage figure.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        importStatuses(List.of("4601", "4602", "3301", "1508").stream()
                .map(k -> status(
                        k,
                        "ACTIVE",
                        today.minusMonths(4
                                        - List.of("4601", "4602", "3301", "1508")
                                                .indexOf(k))
                                .withDayOfMonth(3)))
                .toList());
        importUsage(List.of(usage("4601", 1200), usage("5001", 300)));
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void aStatusImportedThroughTheOtherReplica() {
        afterChange(
                () -> importStatuses(List.of(
                        status("1103", "ACTIVE", LocalDate.now(ZoneOffset.UTC).minusDays(2)))),
                "non-adopters",
                body -> !body.contains("\"1103\""),
                List.of(
                        "coverage",
                        "coverage by network",
                        "coverage by county",
                        "non-adopters",
                        "series",
                        "dashboard"));
    }

    @Test
    @Order(2)
    void aStatusFromNhnOverKafka() {
        Nhn nhn = new Nhn(SOLUTION);
        nhn.status("5001", "ACTIVE", LocalDate.now(ZoneOffset.UTC).minusDays(1));
        afterChange(
                () -> nhn.sendTo(suite.kafka.bootstrapServers(), Duration.ofSeconds(30)),
                "non-adopters",
                body -> !body.contains("\"5001\""),
                List.of("coverage", "non-adopters", "series", "dashboard"));
    }

    @Test
    @Order(3)
    void aUsageCorrectionFromNhn() {
        Nhn nhn = new Nhn(SOLUTION);
        nhn.usage("4601", "oppslag", PERIOD, 1750.5);
        afterChange(
                () -> nhn.sendTo(suite.kafka.bootstrapServers(), Duration.ofSeconds(30)),
                "usage",
                body -> body.contains("1750.5"),
                List.of("usage", "dashboard"));
    }

    @Test
    @Order(4)
    void aMunicipalityCorrectedInTheRegistry() {
        afterChange(
                () -> suite.admin("registry-service")
                        .body("{\"population\": 312345, \"populationDate\": \"2026-01-01\"}")
                        .patch("/api/v1/municipalities/4601")
                        .then()
                        .statusCode(200),
                "usage",
                body -> body.contains("312345"),
                List.of("coverage", "coverage by network", "usage", "dashboard"));
    }

    @Test
    @Order(5)
    void anAmbitionSetThroughTheOtherReplica() {
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        afterChange(
                () -> suite.admin("adoption-stats-service")
                        .body("{\"target\": 321, \"note\": \"Ambisjon i testen\"}")
                        .put("/api/v1/ambitions/" + SOLUTION + "/" + year)
                        .then()
                        .statusCode(200),
                "forecast",
                body -> body.contains("\"goal\":321"),
                List.of("forecast", "dashboard"));
    }

    /**
     * Reads everything through A twice (the second from memory), makes the change, waits until B answers
     * {@code probe} so that {@code changed} holds, waits out the bound, then compares A's kept answers with its
     * fresh ones and checks that the {@code concerned} ones moved.
     */
    private static void afterChange(Runnable change, String probe, Predicate<String> changed, List<String> concerned) {
        readAll(a.url(), false);
        Map<String, String> before = readAll(a.url(), false);
        change.run();
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> changed.test(read(b, reads.get(probe), true)));
        sleep(BOUND.plusMillis(200));
        Map<String, String> kept = readAll(a.url(), false);
        Map<String, String> fresh = readAll(a.url(), true);
        reads.keySet().forEach(name -> assertEquals(fresh.get(name), kept.get(name), name + " kept by replica A"));
        concerned.forEach(name -> assertNotEquals(before.get(name), kept.get(name), name + " should have changed"));
    }

    private static Map<String, String> readAll(String base, boolean fresh) {
        Map<String, String> bodies = new LinkedHashMap<>();
        reads.forEach((name, path) -> bodies.put(name, read(base, path, fresh)));
        return bodies;
    }

    /**
     * One answer's body. A current answer says when it was computed ({@code knownAt}, "now" then); that moment is
     * left out of the comparison, everything else must be equal.
     */
    private static String read(String base, String path, boolean fresh) {
        var request = RestAssured.given()
                .baseUri(base)
                .auth()
                .oauth2(suite.token("reader", Map.of()))
                .accept(
                        path.startsWith("/tall")
                                ? "text/html"
                                : path.contains("format=csv") ? "text/csv" : "application/json");
        if (fresh) {
            request = request.header("Cache-Control", "no-cache");
        }
        String body = request.get(path).then().statusCode(200).extract().asString();
        return body.replaceAll("\"knownAt\":\"[^\"]*\"", "\"knownAt\":\"(computed)\"");
    }

    private static void importStatuses(List<String> rows) {
        String nhn = suite.token("nhn", Map.of());
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> suite.as("adoption-stats-service", nhn)
                                .contentType(ContentType.JSON)
                                .body("[" + String.join(",", rows) + "]")
                                .post("/api/v1/adoption/reports/status")
                                .then()
                                .extract()
                                .jsonPath()
                                .getInt("rejected.size()")
                        == 0);
    }

    private static void importUsage(List<String> rows) {
        suite.as("adoption-stats-service", suite.token("nhn", Map.of()))
                .contentType(ContentType.JSON)
                .body("[" + String.join(",", rows) + "]")
                .post("/api/v1/adoption/reports/usage")
                .then()
                .statusCode(200);
    }

    private static String status(String kommunenummer, String status, LocalDate effective) {
        return """
                {"kommunenummer": "%s", "solution": "%s", "status": "%s", "effectiveDate": "%s"}""".formatted(kommunenummer, SOLUTION, status, effective);
    }

    private static String usage(String kommunenummer, double value) {
        return """
                {"kommunenummer": "%s", "solution": "%s", "metric": "oppslag", "period": "%s", "value": %s}""".formatted(kommunenummer, SOLUTION, PERIOD, value);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
