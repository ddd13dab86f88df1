package no.ks.ehelse.enrollment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.ks.ehelse.enrollment.domain.SolutionProjection;
import no.ks.ehelse.localstack.EventProbe;
import no.ks.ehelse.localstack.TestTokens;

/** The consuming side of the conventions: idempotent by event id, poison records to the DLQ, and no stall. */
@QuarkusTest
class SolutionProjectionTest {

    private static final String TRACK = """
            {"solution": "%s", "name": "Pulje 1", "registrationDeadline": "2030-06-30"}""";

    private static void trackCanBeCreatedFor(String code) {
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body(TRACK.formatted(code))
                .post("/api/v1/tracks")
                .then()
                .statusCode(201);
    }

    private static String nameOf(String code) {
        return QuarkusTransaction.requiringNew()
                .call(() -> SolutionProjection.<SolutionProjection>findByIdOptional(code)
                        .map(s -> s.name)
                        .orElse(null));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String first = UUID.randomUUID().toString();
        String v1 = TestSolutions.event(
                first, "no.ks.ehelse.solution.published.v1", "pll-dedup", "Pasientens legemiddelliste");
        int partition = TestSolutions.sendTo(null, "pll-dedup", v1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "Pasientens legemiddelliste"
                .equals(nameOf("pll-dedup")));
        TestSolutions.sendTo(
                partition,
                "pll-dedup",
                TestSolutions.event(
                        UUID.randomUUID().toString(), "no.ks.ehelse.solution.changed.v1", "pll-dedup", "PLL"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "PLL".equals(nameOf("pll-dedup")));

        TestSolutions.sendTo(partition, "pll-dedup", v1); // the first event again, same id: must be skipped
        // A later event on the same partition is read after the redelivery, so once it is projected the redelivery
        // has been handled; another solution, so it leaves pll-dedup as the redelivery left it.
        TestSolutions.sendTo(
                partition,
                "pll-dedup-marker",
                TestSolutions.event(
                        UUID.randomUUID().toString(),
                        "no.ks.ehelse.solution.published.v1",
                        "pll-dedup-marker",
                        "Markør"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "Markør".equals(nameOf("pll-dedup-marker")));
        assertEquals("PLL", nameOf("pll-dedup"), "the redelivered first event must not undo the change");
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithAReasonAndTheNextRecordIsProcessed() {
        try (EventProbe dlq = EventProbe.open(TestSolutions.bootstrap(), "registry.solutions.v1.dlq")) {
            TestSolutions.send("broken", "{\"specversion\": \"1.0\", \"id\": ");
            TestSolutions.send(
                    "wrong-type",
                    TestSolutions.event(
                                    UUID.randomUUID().toString(),
                                    "no.ks.ehelse.solution.published.v1",
                                    "wrong-type",
                                    "x")
                            .replace("solution.published", "track.created"));
            TestSolutions.send(
                    "no-name",
                    TestSolutions.event(
                                    UUID.randomUUID().toString(), "no.ks.ehelse.solution.published.v1", "no-name", "x")
                            .replace("\"name\": \"x\", ", ""));
            TestSolutions.publishAndAwait(
                    "sfm-after-poison", "Sentral forskrivningsmodul", () -> trackCanBeCreatedFor("sfm-after-poison"));

            var malformed = dlq.await(r -> "broken".equals(r.key()), Duration.ofSeconds(30));
            assertTrue(malformed.headers().get("dead-letter-reason").contains("malformed JSON"), malformed::toString);
            var wrongType = dlq.await(r -> "wrong-type".equals(r.key()), Duration.ofSeconds(30));
            assertTrue(wrongType.headers().get("dead-letter-reason").contains("unexpected event type"));
            var missing = dlq.await(r -> "no-name".equals(r.key()), Duration.ofSeconds(30));
            assertTrue(missing.headers().get("dead-letter-reason").contains("'name'"), missing::toString);
            assertEquals("registry.solutions.v1", missing.headers().get("dead-letter-topic"));
        }
    }
}
