package no.ks.ehelse.enrollment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

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
        given().auth().oauth2(TestTokens.forRole("admin")).contentType(ContentType.JSON)
                .body(TRACK.formatted(code)).post("/api/v1/tracks").then().statusCode(201);
    }

    private static String nameOf(String code) {
        return QuarkusTransaction.requiringNew()
                .call(() -> SolutionProjection.<SolutionProjection>findByIdOptional(code).map(s -> s.name).orElse(null));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String id = UUID.randomUUID().toString();
        TestSolutions.send("pll-dedup", TestSolutions.event(id, "no.ks.ehelse.solution.published.v1", "pll-dedup",
                "Pasientens legemiddelliste"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> "Pasientens legemiddelliste".equals(nameOf("pll-dedup")));
        TestSolutions.send("pll-dedup", TestSolutions.event(id, "no.ks.ehelse.solution.changed.v1", "pll-dedup",
                "Redelivered with other data"));
        // A later, new event on the same partition proves the redelivery was read (and skipped) before it.
        TestSolutions.send("pll-dedup", TestSolutions.event(UUID.randomUUID().toString(),
                "no.ks.ehelse.solution.changed.v1", "pll-dedup", "PLL"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "PLL".equals(nameOf("pll-dedup")));
        long processed = QuarkusTransaction.requiringNew().call(() -> ((Number) SolutionProjection.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id = :id").setParameter("id", id)
                .getSingleResult()).longValue());
        assertEquals(1, processed);
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithAReasonAndTheNextRecordIsProcessed() {
        try (EventProbe dlq = EventProbe.open(TestSolutions.bootstrap(), "registry.solutions.v1.dlq")) {
            TestSolutions.send("broken", "{\"specversion\": \"1.0\", \"id\": ");
            TestSolutions.send("wrong-type", TestSolutions.event(UUID.randomUUID().toString(),
                    "no.ks.ehelse.solution.published.v1", "wrong-type", "x").replace("solution.published", "track.created"));
            TestSolutions.send("no-name", TestSolutions.event(UUID.randomUUID().toString(),
                    "no.ks.ehelse.solution.published.v1", "no-name", "x").replace("\"name\": \"x\", ", ""));
            TestSolutions.publishAndAwait("sfm-after-poison", "Sentral forskrivningsmodul",
                    () -> trackCanBeCreatedFor("sfm-after-poison"));

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
