package no.ks.ehelse.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import no.ks.ehelse.localstack.TestTokens;

/**
 * The platform's strict REST rules (StrictRequests, StrictJson, ProblemMappers), seen on this service's lists and
 * bodies: what used to be ignored, answered as 404 or 500, or written raw into the log.
 */
@QuarkusTest
class StrictRequestsTest {

    private static RequestSpecification reader() {
        return given().auth().oauth2(TestTokens.forRole("reader"));
    }

    @Test
    void anUnknownQueryParameterIsRefusedNamingItAndTheAllowedOnes() {
        reader().get("/api/v1/municipalities?netwrok=digi-vestland")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("netwrok"))
                .body("violations[0].message", containsString("network"))
                .body("allowed", hasItems("county", "network", "validOn", "page", "size"));
        reader().get("/api/v1/solutions/kjernejournal?size=5")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("size"))
                .body("detail", containsString("no query parameters"));
    }

    @Test
    void aMalformedIdInThePathIs400NamingItNot404() {
        reader().get("/api/v1/contacts/not-a-uuid")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("id"))
                .body("violations[0].message", equalTo("must be a UUID"));
        reader().get("/api/v1/contacts/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aSingleValueParameterGivenTwiceIsRefusedNamingIt() {
        reader().get("/api/v1/solutions?page=1&page=2")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("page"))
                .body("violations[0].message", containsString("2 times"));
        reader().get("/api/v1/municipalities?network=digi-vestland&network=digi-oslo")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("network"));
        reader().get("/api/v1/municipalities?network=digi-vestland&size=5")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(43));
    }

    @Test
    void matchingWithinAnUnknownAreaIsRefusedWithTheKnownCodes() {
        reader().queryParam("name", "Bergen")
                .queryParam("network", "digi-atlantis")
                .get("/api/v1/municipalities/match")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("network"))
                .body("allowed", hasItem("digi-vestland"));
        reader().queryParam("name", "Bergen")
                .queryParam("county", "99")
                .get("/api/v1/municipalities/match")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("county"))
                .body("allowed", hasItem("46"));
        reader().contentType(ContentType.JSON)
                .body("{\"names\": [\"Bergen\"], \"network\": \"Digi Vestland\"}")
                .post("/api/v1/municipalities/match")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("network"))
                .body("allowed", hasItem("digi-vestland"));
        reader().queryParam("name", "Bergen")
                .queryParam("network", "digi-vestland")
                .get("/api/v1/municipalities/match")
                .then()
                .statusCode(200)
                .body("municipality.kommunenummer", equalTo("4601"));
    }

    @Test
    void aValueThatCannotBeReadNamesTheParameterInsteadOfAnswering404() {
        reader().queryParam("page", "first")
                .get("/api/v1/solutions")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("page"))
                .body("violations[0].message", equalTo("must be a whole number"));
        reader().queryParam("validOn", "01.01.2024")
                .get("/api/v1/municipalities")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("validOn"))
                .body("violations[0].message", containsString("2024-01-31"));
        reader().queryParam("area", "HEALTH")
                .get("/api/v1/solutions")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("area"))
                .body("violations[0].message", containsString("WELFARE_TECHNOLOGY"));
    }

    @Test
    void anUnknownAreaCodeInAFilterIsRefusedWithTheKnownCodes() {
        reader().queryParam("network", "Digi Vestland")
                .get("/api/v1/municipalities")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("network"))
                .body("allowed", hasItem("digi-vestland"));
        reader().queryParam("healthRegion", "vest")
                .get("/api/v1/municipalities")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("healthRegion"))
                .body("allowed", hasItem("helse-vest"));
        reader().queryParam("county", "99")
                .get("/api/v1/municipalities")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("county"))
                .body("allowed", hasItem("46"));
    }

    @Test
    void aDateBeyondFourDigitYearsIsRefusedNamingTheParameter() {
        reader().queryParam("validOn", "+999999999-12-31")
                .get("/api/v1/municipalities")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("validOn"))
                .body("violations[0].message", containsString("9999-12-31"));
    }

    @Test
    void aPagePastTheLargestOffsetIsRefusedNamingPage() {
        for (String list : List.of("/api/v1/solutions", "/api/v1/municipalities")) {
            reader().queryParam("page", 4294968)
                    .queryParam("size", 500)
                    .get(list)
                    .then()
                    .statusCode(400)
                    .body("violations[0].field", equalTo("page"))
                    .body("violations[0].message", containsString("4294967"));
        }
    }

    @Test
    void aNulCharacterInAPathQueryOrBodyIsRefusedNamingWhere() {
        reader().urlEncodingEnabled(false)
                .get("/api/v1/solutions/kjerne%00journal")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("code"));
        reader().queryParam("namePrefix", "Nord\u0000")
                .get("/api/v1/municipalities")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("namePrefix"));
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("""
                        {"code": "nul-test", "name": "Nul\\u0000test", "area": "CITIZEN_SERVICES",
                         "owner": "KS", "stage": "ROLLOUT"}""")
                .post("/api/v1/solutions")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("name"))
                .body("violations[0].message", equalTo("must not contain a NUL character"));
    }

    @Test
    void anAcceptHeaderAskingForAnotherTypeIs406ListingWhatIsOffered() {
        for (String accept : List.of("text/plain", "application/xml")) {
            reader().accept(accept)
                    .get("/api/v1/solutions")
                    .then()
                    .statusCode(406)
                    .contentType("application/problem+json")
                    .body("offered", hasItem("application/json"));
        }
        reader().accept("application/json, text/plain;q=0.5")
                .get("/api/v1/solutions")
                .then()
                .statusCode(200);
    }

    @Test
    void aForgedLineInTheRequestPathNeverBecomesALineOfTheLog() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record instanceof ExtLogRecord ext
                        ? ext.getFormattedMessage()
                        : String.valueOf(record.getMessage());
                lines.addAll(List.of(String.valueOf(message).split("\\R", -1)));
                if (record.getThrown() != null) {
                    lines.addAll(List.of(String.valueOf(record.getThrown()).split("\\R", -1)));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            reader().urlEncodingEnabled(false)
                    .get("/api/v1/solutions/%00%0aFORGED-LOG-LINE")
                    .then()
                    .statusCode(400)
                    .body("violations[0].field", equalTo("code"));
        } finally {
            root.removeHandler(capture);
        }
        assertTrue(
                lines.stream().noneMatch(l -> l.startsWith("FORGED-LOG-LINE")),
                "a request's line break must not start a log line: " + lines);
    }
}
