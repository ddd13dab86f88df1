package no.ks.ehelse.adoption;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import no.ks.ehelse.localstack.EventContract;
import no.ks.ehelse.localstack.EventProbe;
import no.ks.ehelse.localstack.Management;
import no.ks.ehelse.localstack.TestEvents;
import no.ks.ehelse.localstack.TestTokens;

/** NHN's contract end to end: a plain producer feeds nhn.adoption.v1; the answers come over REST and Kafka. */
@QuarkusTest
class NhnIngestionTest {

    private static final String NHN = "urn:no:nhn:adoption";

    private static String bootstrap() {
        return TestRegistry.bootstrap();
    }

    private static String status(String id, String kommunenummer, String solution, String status, String date) {
        return TestEvents.event(id, NHN, "no.nhn.adoption.status.v1", kommunenummer, """
                {"kommunenummer": "%s", "solution": "%s", "status": "%s", "effectiveDate": "%s"}""".formatted(
                        kommunenummer, solution, status, date));
    }

    private static String status(String kommunenummer, String solution, String status, String date) {
        return status(UUID.randomUUID().toString(), kommunenummer, solution, status, date);
    }

    private static String usage(String kommunenummer, String solution, String period, double value) {
        return TestEvents.event(
                NHN, "no.nhn.adoption.usage.v1", kommunenummer, """
                {"kommunenummer": "%s", "solution": "%s", "metric": "appointment-messages", "period": "%s",
                 "value": %s}""".formatted(kommunenummer, solution, period, value));
    }

    private static void nhn(String key, String value) {
        TestEvents.send(bootstrap(), "nhn.adoption.v1", key, value);
    }

    @BeforeEach
    void registry() {
        TestRegistry.load();
    }

    @Test
    void statusesDriveCoverageAndTheFirstActiveIsAnnouncedOnce() {
        try (EventProbe probe = EventProbe.open(bootstrap(), "adoption.events.v1")) {
            String active = status("4601", "digihelse", "ACTIVE", "2024-05-01");
            nhn("4601", status("4601", "digihelse", "ORDERED", "2024-01-15"));
            nhn("4601", active);
            nhn("4601", active); // redelivered with the same id
            nhn("4601", status("4601", "digihelse", "ACTIVE", "2024-06-01")); // reported again, another id
            // The marker's went-live follows every one the records before it caused: same key, same partition.
            nhn("4601", status("4601", "helsenorge", "ACTIVE", "2024-07-01"));
            var wentLive = probe.await(
                    r -> "4601".equals(r.key()) && "no.ks.ehelse.adoption.went-live.v1".equals(r.type()),
                    Duration.ofSeconds(30));
            EventContract.assertValid(wentLive.value());
            assertEquals("no.ks.ehelse.adoption.went-live.v1", wentLive.type());
            assertEquals("digihelse", wentLive.value().at("/data/solution").asText());
            assertEquals(
                    "2024-05-01", wentLive.value().at("/data/effectiveDate").asText());
            probe.await(
                    r -> "4601".equals(r.key())
                            && "no.ks.ehelse.adoption.went-live.v1".equals(r.type())
                            && r.value().at("/data/solution").asText().equals("helsenorge"),
                    Duration.ofSeconds(30));
            var held = probe.await(
                    r -> "no.ks.ehelse.adoption.level-changed.v1".equals(r.type())
                            && r.value().at("/data/solution").asText().equals("digihelse")
                            && r.value().at("/data/effectiveDate").asText().equals("2024-06-01"),
                    Duration.ofSeconds(30));
            assertEquals("ACTIVE", held.value().at("/data/level").asText());
            var digihelse = probe.drain(Duration.ZERO).stream()
                    .filter(r -> "4601".equals(r.key())
                            && r.value().at("/data/solution").asText().equals("digihelse"))
                    .toList();
            long announced = digihelse.stream()
                    .filter(r -> "no.ks.ehelse.adoption.went-live.v1".equals(r.type()))
                    .count();
            assertEquals(1, announced, "went-live exactly once per municipality and solution");
            // Every level the ledger took is announced (a batch announces the last of each row), valid against its
            // schema; the redelivery changes nothing, so ACTIVE is announced at most for 1 May and 1 June.
            var levels = digihelse.stream()
                    .filter(r -> "no.ks.ehelse.adoption.level-changed.v1".equals(r.type()))
                    .toList();
            levels.forEach(r -> EventContract.assertValid(r.value()));
            assertTrue(levels.size() <= 3, levels::toString);
        }
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/adoption/digihelse/coverage?groupBy=NETWORK")
                .then()
                .statusCode(200)
                .body("groups.find { it.group == 'digi-vestland' }.byLevel.ACTIVE", equalTo(1))
                .body("groups.find { it.group == 'digi-vestland' }.inhabitantsActive", equalTo(291000))
                .body("groups.find { it.group == 'digi-vestland' }.inhabitants", equalTo(308000))
                .body("groups.find { it.group == 'digi-vestland' }.shareOfInhabitantsActive", equalTo(0.9448f));
    }

    @Test
    void anOlderStatusIsHistoryOnlyAndAsOfTravelsInTime() {
        nhn("4602", status("4602", "kjernejournal", "ACTIVE", "2024-05-01"));
        nhn("4602", status("4602", "kjernejournal", "ORDERED", "2024-03-01")); // arrives late, is older
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/adoption/kjernejournal/municipalities/4602/history")
                .then()
                .statusCode(200)
                .body("items.status", contains("ORDERED", "ACTIVE"))
                .body("totalItems", equalTo(2)));
        String coverage = "/api/v1/adoption/kjernejournal/coverage?groupBy=NATION";
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get(coverage)
                .then()
                .body("groups[0].byLevel.ACTIVE", equalTo(1))
                .body("groups[0].byLevel.ORDERED", equalTo(0));
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get(coverage + "&asOf=2024-04-01")
                .then()
                .body("groups[0].byLevel.ACTIVE", equalTo(0))
                .body("groups[0].byLevel.ORDERED", equalTo(1));
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get(coverage + "&asOf=2024-02-01")
                .then()
                .body("groups[0].byLevel.NONE", equalTo(5));
    }

    @Test
    void anOldNumberCountsForTheMunicipalityItBecame() {
        nhn("3005", status("3005", "vkp", "ACTIVE", "2023-06-01"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/adoption/vkp/municipalities/3301/history")
                .then()
                .statusCode(200)
                .body("items.reportedAs", contains("3005")));
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/adoption/vkp/non-adopters")
                .then()
                .statusCode(200)
                .body("count", equalTo(4))
                .body("of", equalTo(5))
                .body("byNetwork.find { it.network == 'digi-viken' }", equalTo(null))
                .body(
                        "byNetwork.find { it.network == 'digi-vestland' }.municipalities.name",
                        contains("Bergen", "Kinn"));
    }

    @Test
    void aStatusForASplitNumberCountsForEverySuccessor() {
        nhn("1507", status("1507", "pll", "ACTIVE", "2023-06-01"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/adoption/pll/coverage?groupBy=NETWORK")
                .then()
                .statusCode(200)
                .body("groups.find { it.group == 'digi-more-og-romsdal' }.byLevel.ACTIVE", equalTo(2)));
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/adoption/pll/coverage?groupBy=NETWORK")
                .then()
                .body("groups.find { it.group == 'digi-more-og-romsdal' }.inhabitantsActive", equalTo(58509 + 9357))
                .body("groups.find { it.group == 'digi-more-og-romsdal' }.shareOfInhabitantsActive", equalTo(1.0f));
        for (String successor : List.of("1508", "1580")) {
            given().auth()
                    .oauth2(TestTokens.forRole("reader"))
                    .get("/api/v1/adoption/pll/municipalities/" + successor + "/history")
                    .then()
                    .statusCode(200)
                    .body("items.status", contains("ACTIVE"))
                    .body("items.reportedAs", contains("1507"));
        }
    }

    @Test
    void aUsageFigureForTheSameMonthIsACorrection() throws Exception {
        String query = "/api/v1/adoption/digihelsestasjon/usage?metric=appointment-messages&period=2024-05";
        nhn("4601", usage("4601", "digihelsestasjon", "2024-05", 15168));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get(query)
                .then()
                .statusCode(200)
                .body("total", equalTo(15168.0f)));
        OffsetDateTime firstReported = reportedAt("4601", "digihelsestasjon", "2024-05");
        nhn("4601", usage("4601", "digihelsestasjon", "2024-05", 16000));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get(query)
                .then()
                .statusCode(200)
                .body("total", equalTo(16000.0f))
                .body("municipalities[0].per1000", equalTo(54.983f)));
        OffsetDateTime corrected = reportedAt("4601", "digihelsestasjon", "2024-05");
        // No API shows replaced figures; the table is where an auditor finds them.
        try (var connection = java.sql.DriverManager.getConnection(jdbc(), "postgres", "");
                var s = connection.prepareStatement("SELECT value, reported_at, replaced_at FROM usage_correction "
                        + "WHERE kommunenummer = '4601' AND solution = 'digihelsestasjon' "
                        + "AND metric = 'appointment-messages' AND period = '2024-05'");
                var rs = s.executeQuery()) {
            assertTrue(rs.next(), "the replaced figure is kept");
            assertEquals(15168.0, rs.getDouble(1));
            assertEquals(
                    firstReported.toInstant(),
                    rs.getObject(2, OffsetDateTime.class).toInstant(),
                    "with the time it was reported");
            assertEquals(
                    corrected.toInstant(),
                    rs.getObject(3, OffsetDateTime.class).toInstant(),
                    "and when the correction replaced it");
            assertFalse(rs.next(), "one correction, one replaced figure");
        }
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/adoption/digihelsestasjon/usage?metric=appointment-messages&period=May")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("period"));
    }

    @Test
    void everyKindOfPoisonRecordGoesToTheDlqWithItsReasonAndTheNextRecordIsProcessed() {
        Map<String, String> poison = new LinkedHashMap<>();
        poison.put("malformed JSON", "{\"specversion\": \"1.0\", \"id\": ");
        poison.put(
                "missing or non-string field 'status'",
                status("4602", "digihelse", "ACTIVE", "2024-01-01").replace("\"status\": \"ACTIVE\", ", ""));
        poison.put(
                "unknown solution",
                status("4602", "tidsreise", "ACTIVE", "2024-01-01")
                        .replace("tidsreise", "tidsreise")); // a well-formed code the registry does not know
        poison.put(
                "unknown municipality 9999",
                status("9999", "digihelse", "ACTIVE", "2024-01-01").replace("\"9999\"", "\"9999\""));
        poison.put(
                "non-numeric field 'value'",
                usage("4602", "digihelse", "2024-05", 3).replace("\"value\": 3.0", "\"value\": \"many\""));
        poison.put("was split into", usage("1507", "digihelse", "2023-05", 3));
        poison.put(
                "status must be",
                status("4602", "digihelse", "ACTIVE", "2024-01-01").replace("\"ACTIVE\"", "\"LIVE\""));
        // Dates PostgreSQL refuses, or that would make every later real report look older, never reach the ledger.
        poison.put(
                "'effectiveDate' +999999999-12-31 is outside 2000-01-01 to",
                status("4602", "digihelse", "ACTIVE", "+999999999-12-31"));
        poison.put(
                "'effectiveDate' 9999-12-31 is outside 2000-01-01 to",
                status("4602", "digihelse", "ACTIVE", "9999-12-31"));
        poison.put(
                "'effectiveDate' 1999-12-31 is outside 2000-01-01 to",
                status("4602", "digihelse", "ACTIVE", "1999-12-31"));
        poison.put(
                "field 'metric' contains a NUL character",
                usage("4602", "digihelse", "2024-05", 3).replace("\"metric\": \"", "\"metric\": \"\\u0000"));
        // Values the database would refuse or could not index, judged before they reach it.
        String nulId = UUID.randomUUID().toString();
        poison.put(
                "field 'id' contains a NUL character",
                status(nulId, "4602", "digihelse", "ACTIVE", "2024-01-01").replace(nulId, nulId + "\\u0000"));
        poison.put(
                "metric is required (at most 100 characters)",
                usage("4602", "digihelse", "2024-05", 3).replace("appointment-messages", "m".repeat(3000)));
        poison.put(
                "period must be a month (YYYY-MM), was '+10000-01'",
                usage("4602", "digihelse", "2024-05", 3).replace("\"2024-05\"", "\"+10000-01\""));
        poison.put(
                "period 1999-12 is outside 2000-01 to",
                usage("4602", "digihelse", "2024-05", 3).replace("\"2024-05\"", "\"1999-12\""));
        Map<String, String> categories = Map.ofEntries(
                Map.entry("malformed JSON", "malformed"),
                Map.entry("missing or non-string field 'status'", "missing-field"),
                Map.entry("unknown solution", "unknown-reference"),
                Map.entry("unknown municipality 9999", "unknown-reference"),
                Map.entry("non-numeric field 'value'", "invalid-value"),
                Map.entry("was split into", "unknown-reference"),
                Map.entry("status must be", "invalid-value"),
                Map.entry("field 'id' contains a NUL character", "malformed"),
                Map.entry("metric is required (at most 100 characters)", "invalid-value"));
        try (EventProbe dlq = EventProbe.open(bootstrap(), "nhn.adoption.v1.dlq")) {
            int i = 0;
            for (String value : poison.values()) {
                nhn("p" + i++, value);
            }
            nhn("4602", status("4602", "digihelse", "TECHNICALLY_READY", "2024-02-01"));
            i = 0;
            for (String reason : poison.keySet()) {
                String key = "p" + i++;
                var dead = dlq.await(r -> key.equals(r.key()), Duration.ofSeconds(30));
                assertTrue(
                        dead.headers().get("dead-letter-reason").contains(reason),
                        () -> "reason of " + key + ": " + dead.headers());
                assertEquals(
                        categories.getOrDefault(reason, "invalid-value"),
                        dead.headers().get("dead-letter-category"),
                        () -> "category of " + key + ": " + dead.headers());
            }
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/adoption/digihelse/municipalities/4602/history")
                .then()
                .body("items.status", hasItem("TECHNICALLY_READY")));
        String metrics = given().baseUri(Management.url()).get("/q/metrics").asString();
        assertTrue(
                metrics.contains("ehelse_nhn_rejected_total{reason=\"unknown-reference\"}"),
                "rejections are counted by category");
    }

    @Test
    void poisonInsideABatchIsDeadLetteredAloneAndTheGoodRecordsAroundItAreApplied() {
        Map<String, String> batch = new LinkedHashMap<>();
        for (int month = 1; month <= 12; month++) {
            String period = "2023-%02d".formatted(month);
            batch.put("batch-good-" + month, TestEvents.event(NHN, "no.nhn.adoption.usage.v1", "1580", """
                    {"kommunenummer": "1580", "solution": "htm", "metric": "batch-test", "period": "%s", "value": %d}""".formatted(
                            period, month * 10)));
            if (month % 3 == 0) {
                batch.put("batch-poison-" + month, status("1580", "htm", "ACTIVE", "2023-13-01"));
            }
        }
        try (EventProbe dlq = EventProbe.open(bootstrap(), "nhn.adoption.v1.dlq")) {
            TestEvents.sendAll(bootstrap(), "nhn.adoption.v1", batch); // one producer flush: one or a few polls
            for (int month = 1; month <= 12; month++) {
                String query = "/api/v1/adoption/htm/usage?metric=batch-test&period=2023-%02d".formatted(month);
                float expected = month * 10;
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.forRole("reader"))
                        .get(query)
                        .then()
                        .statusCode(200)
                        .body("total", equalTo(expected)));
            }
            List<String> dead = dlq.drain(Duration.ofSeconds(3)).stream()
                    .map(r -> r.key())
                    .filter(k -> k.startsWith("batch-"))
                    .sorted()
                    .toList();
            assertEquals(
                    List.of("batch-poison-12", "batch-poison-3", "batch-poison-6", "batch-poison-9"),
                    dead,
                    "each poison record once, no good one");
        }
    }

    @Test
    void aRecordTheDatabaseRefusesIsDeadLetteredAloneAndTheRestOfItsBatchIsApplied() throws Exception {
        // Every field rule known today stops a value before the database sees it; this trigger stands in for the
        // refusal (SQLSTATE class 22) of one the rules miss, as a column's own check would answer.
        try (var connection = java.sql.DriverManager.getConnection(jdbc(), "postgres", "");
                EventProbe dlq = EventProbe.open(bootstrap(), "nhn.adoption.v1.dlq")) {
            connection.createStatement().execute("""
                    CREATE FUNCTION refuse_test_metric() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      RAISE EXCEPTION 'invalid parameter value for metric %', NEW.metric USING ERRCODE = '22023';
                    END $$""");
            connection.createStatement().execute("""
                    CREATE TRIGGER refuse_test_metric BEFORE INSERT OR UPDATE ON usage_figure FOR EACH ROW
                    WHEN (NEW.metric = 'refused-by-the-database') EXECUTE FUNCTION refuse_test_metric()""");
            try {
                Map<String, String> batch = new LinkedHashMap<>();
                for (int month = 1; month <= 6; month++) {
                    batch.put(
                            "refusal-good-" + month,
                            TestEvents.event(
                                    NHN, "no.nhn.adoption.usage.v1", "1580", """
                            {"kommunenummer": "1580", "solution": "htm", "metric": "refusal-test", "period": "2023-%02d",
                             "value": %d}""".formatted(month, month * 10)));
                    if (month == 3) {
                        batch.put("refusal-refused", TestEvents.event(NHN, "no.nhn.adoption.usage.v1", "1580", """
                                {"kommunenummer": "1580", "solution": "htm", "metric": "refused-by-the-database",
                                 "period": "2023-03", "value": 1}"""));
                        batch.put("refusal-rejected", status("1580", "htm", "ACTIVE", "2023-13-01"));
                    }
                }
                TestEvents.sendAll(bootstrap(), "nhn.adoption.v1", batch);
                for (int month = 1; month <= 6; month++) {
                    String query = "/api/v1/adoption/htm/usage?metric=refusal-test&period=2023-%02d".formatted(month);
                    float expected = month * 10;
                    org.awaitility.Awaitility.await()
                            .atMost(Duration.ofSeconds(60))
                            .untilAsserted(() -> given().auth()
                                    .oauth2(TestTokens.forRole("reader"))
                                    .get(query)
                                    .then()
                                    .statusCode(200)
                                    .body("total", equalTo(expected)));
                }
                var refused = dlq.await(r -> "refusal-refused".equals(r.key()), Duration.ofSeconds(30));
                String reason = refused.headers().get("dead-letter-reason");
                assertTrue(
                        reason.startsWith("the database refused the record's data (SQLSTATE 22023): ")
                                && reason.contains("invalid parameter value for metric refused-by-the-database"),
                        reason);
                assertEquals("database-refused", refused.headers().get("dead-letter-category"));
                // Everything the probe has seen (the refused record included), after waiting for strays.
                List<String> dead = dlq.drain(Duration.ofSeconds(3)).stream()
                        .map(r -> r.key())
                        .filter(k -> k.startsWith("refusal-"))
                        .sorted()
                        .toList();
                assertEquals(
                        List.of("refusal-refused", "refusal-rejected"), dead, "each refused record once, no good one");
            } finally {
                connection.createStatement().execute("DROP TRIGGER refuse_test_metric ON usage_figure");
                connection.createStatement().execute("DROP FUNCTION refuse_test_metric()");
            }
        }
        assertTrue(
                given().baseUri(Management.url())
                        .get("/q/metrics")
                        .asString()
                        .contains("ehelse_nhn_rejected_total{reason=\"database-refused\"}"),
                "the refusal is counted by its category");
    }

    @Test
    void aTransientDatabaseFailureIsRetriedAndTheRecordIsNotDeadLettered() throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(jdbc(), "postgres", "");
                EventProbe dlq = EventProbe.open(bootstrap(), "nhn.adoption.v1.dlq")) {
            // The table the record needs disappears for a while, as during a failover or a botched migration.
            double retries = consumptionRetries();
            connection.createStatement().execute("ALTER TABLE usage_figure RENAME TO usage_figure_away");
            try {
                nhn("4602", usage("4602", "kjernejournal", "2024-07", 42));
                // The outage lasts until the consumer has met it and is retrying, however slow the machine.
                org.awaitility.Awaitility.await()
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> consumptionRetries() > retries);
            } finally {
                connection.createStatement().execute("ALTER TABLE usage_figure_away RENAME TO usage_figure");
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth()
                    .oauth2(TestTokens.forRole("reader"))
                    .get("/api/v1/adoption/kjernejournal/usage?metric=appointment-messages&period=2024-07")
                    .then()
                    .body("total", equalTo(42.0f)));
            assertTrue(
                    dlq.drain(Duration.ofSeconds(2)).stream()
                            .noneMatch(r -> r.rawValue().contains("2024-07")),
                    "a good record must not be dead-lettered because the database was away");
        }
    }

    private static String jdbc() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    private static OffsetDateTime reportedAt(String kommunenummer, String solution, String period) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(jdbc(), "postgres", "");
                var s = connection.prepareStatement("SELECT reported_at FROM usage_figure WHERE kommunenummer = ? "
                        + "AND solution = ? AND metric = 'appointment-messages' AND period = ?")) {
            s.setString(1, kommunenummer);
            s.setString(2, solution);
            s.setString(3, period);
            try (var rs = s.executeQuery()) {
                assertTrue(rs.next(), "usage figure held");
                return rs.getObject(1, OffsetDateTime.class);
            }
        }
    }

    /** How often the NHN batch consumer's transaction has been retried after a transient failure. */
    private static double consumptionRetries() {
        return given().baseUri(Management.url())
                .get("/q/metrics")
                .asString()
                .lines()
                .filter(l -> l.startsWith("ft_retry_retries_total{")
                        && l.contains("method=\"no.ks.ehelse.platform.events.Consumption.call\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void readsNeedATokenAndAKnownSolution() {
        given().get("/api/v1/adoption/digihelse/coverage").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/adoption/ukjent/coverage")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/adoption/digihelse/coverage?groupBy=PLANET")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
