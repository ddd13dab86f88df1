package no.ks.ehelse.adoption;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import no.ks.ehelse.localstack.TestTokens;

/** Questions that used to be answered with zeros, 404 or 500 are refused naming the parameter. */
@QuarkusTest
class StrictQueriesTest {

    @BeforeEach
    void registry() {
        TestRegistry.load();
    }

    private static RequestSpecification reader() {
        return given().auth().oauth2(TestTokens.forRole("reader"));
    }

    @Test
    void aMetricNhnNeverReportedIsRefusedWithTheReportedOnes() {
        given().auth()
                .oauth2(TestTokens.forRole("nhn"))
                .contentType(ContentType.JSON)
                .body("""
                        [{"kommunenummer": "4601", "solution": "vkp", "metric": "alarmer", "period": "2024-05",
                          "value": 12}]""")
                .post("/api/v1/adoption/reports/usage")
                .then()
                .statusCode(200)
                .body("imported", equalTo(1));
        reader().get("/api/v1/adoption/vkp/usage?metric=alarmer&period=2024-05")
                .then()
                .statusCode(200)
                .body("total", equalTo(12.0f));
        for (String accept : new String[] {"application/json", "text/csv"}) {
            reader().accept(accept)
                    .get("/api/v1/adoption/vkp/usage?metric=alarm&period=2024-05")
                    .then()
                    .statusCode(400)
                    .body("violations[0].field", equalTo("metric"))
                    .body("allowed", hasItem("alarmer"));
        }
    }

    @Test
    void anUnknownSolutionInTheAmbitionFilterIsRefusedWithTheKnownCodes() {
        reader().get("/api/v1/ambitions?solution=kjerne-journal")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("solution"))
                .body("allowed", hasItem("kjernejournal"));
        reader().get("/api/v1/ambitions?solution=kjernejournal").then().statusCode(200);
    }

    @Test
    void anUnknownSolutionInAPathIsA404NamingTheKnownCodes() {
        for (String path : List.of(
                "coverage",
                "coverage/series?from=2024-01",
                "non-adopters",
                "funnel",
                "forecast",
                "usage?metric=alarmer&period=2024-05")) {
            reader().get("/api/v1/adoption/kjerne-journal/" + path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("detail", containsString("kjerne-journal does not exist"))
                    .body("allowed", hasItem("kjernejournal"))
                    .body("allowed", hasItem("vkp"));
        }
    }

    @Test
    void aPathValueThatCannotBeReadIs400NamingItNot404() {
        reader().get("/api/v1/ambitions/vkp/next-year")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("year"))
                .body("violations[0].message", equalTo("must be a whole number"));
    }

    @Test
    void aSingleValueParameterGivenTwiceIsRefusedNamingIt() {
        reader().get("/api/v1/adoption/vkp/coverage?groupBy=NATION&groupBy=COUNTY")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("groupBy"))
                .body("violations[0].message", containsString("2 times"));
        reader().get("/api/v1/adoption/vkp/municipalities/4601/history?page=0&page=1")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("page"));
    }

    @Test
    void anAsOfDateThatCannotBeReadOrStoredNamesTheParameter() {
        reader().queryParam("asOf", "+999999999-12-31")
                .get("/api/v1/adoption/vkp/coverage")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("asOf"))
                .body("violations[0].message", containsString("9999-12-31"));
        reader().queryParam("asOf", "01.01.2024")
                .get("/api/v1/adoption/vkp/coverage")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("asOf"));
    }

    @Test
    void aNulCharacterInAnImportedRowIsRefusedNamingTheRowAndField() {
        given().auth()
                .oauth2(TestTokens.forRole("nhn"))
                .contentType(ContentType.JSON)
                .body("""
                        [{"kommunenummer": "4601", "solution": "vkp", "metric": "ala\\u0000rmer",
                          "period": "2024-06", "value": 1}]""")
                .post("/api/v1/adoption/reports/usage")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("[0].metric"))
                .body("violations[0].message", equalTo("must not contain a NUL character"));
    }
}
