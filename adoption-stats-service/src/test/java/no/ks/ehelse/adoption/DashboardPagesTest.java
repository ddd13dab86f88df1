package no.ks.ehelse.adoption;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.ks.ehelse.adoption.domain.SolutionProjection;
import no.ks.ehelse.localstack.Pages;
import no.ks.ehelse.localstack.TestEvents;
import no.ks.ehelse.localstack.TestTokens;

/** The solution dashboard as a browser without a session reads it (the dashboards are public by default). */
@QuarkusTest
class DashboardPagesTest {

    static final String SOLUTION = "helseplattformen";

    private static boolean loaded;

    @BeforeEach
    void data() {
        TestRegistry.load();
        if (loaded) {
            return;
        }
        TestEvents.send(
                TestRegistry.bootstrap(),
                "registry.solutions.v1",
                SOLUTION,
                TestEvents.solution(SOLUTION, "Helseplattformen"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> SolutionProjection.findById(SOLUTION) != null));
        given().auth()
                .oauth2(TestTokens.forRole("nhn"))
                .contentType(ContentType.JSON)
                .body("""
                        [{"kommunenummer": "4601", "solution": "helseplattformen", "status": "ACTIVE", "effectiveDate": "2024-03-01"},
                         {"kommunenummer": "4602", "solution": "helseplattformen", "status": "ORDERED", "effectiveDate": "2024-03-01"},
                         {"kommunenummer": "1508", "solution": "helseplattformen", "status": "TECHNICALLY_READY", "effectiveDate": "2024-02-01"}]""")
                .post("/api/v1/adoption/reports/status")
                .then()
                .statusCode(200)
                .body("imported", equalTo(3));
        loaded = true;
    }

    @Test
    void theHeadlineCountsTheMunicipalitiesThatHaveNotAdoptedTheSolution() {
        Pages.Shown page = Pages.get(null, "/tall/" + SOLUTION);
        assertEquals(200, page.status());
        assertEquals("nb", page.html().selectFirst("html").attr("lang"));
        assertEquals(
                "4 kommuner har ikke tatt i bruk Helseplattformen",
                page.html().selectFirst("main h1").text());
    }

    @Test
    void anUnknownSolutionIsTheNorwegianNotFoundPage() {
        Pages.Shown page = Pages.get(null, "/tall/helse-plattformen");
        assertEquals(404, page.status());
        assertEquals("Vi finner ikke siden", page.html().selectFirst("main h1").text());
    }
}
