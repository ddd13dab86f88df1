package no.ks.ehelse.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import no.ks.ehelse.localstack.TestTokens;

/** Name matching over HTTP, one name and in bulk (the rules are covered in domain.NameIndexTest). */
@QuarkusTest
class NameMatchingApiTest {

    private static final Logger LOG = Logger.getLogger(NameMatchingApiTest.class);

    @Test
    void oneNameSaysHowItMatched() {
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .queryParam("name", "Nord Fron")
                .get("/api/v1/municipalities/match")
                .then()
                .statusCode(200)
                .body("status", equalTo("MATCHED"))
                .body("method", equalTo("NORMALISED"))
                .body("municipality.kommunenummer", equalTo("3436"));
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .queryParam("name", "Våler")
                .get("/api/v1/municipalities/match")
                .then()
                .statusCode(200)
                .body("status", equalTo("AMBIGUOUS"))
                .body("candidates.kommunenummer", containsInAnyOrder("3114", "3419"));
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .queryParam("name", "Våler")
                .queryParam("county", "34")
                .get("/api/v1/municipalities/match")
                .then()
                .statusCode(200)
                .body("municipality.kommunenummer", equalTo("3419"));
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/municipalities/match")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("name"));
    }

    @Test
    void aMessyListIsMatchedInOrderWithASummary() {
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "names",
                        List.of(
                                "Nord Fron",
                                "Sør Varanger",
                                "Gáivuotna - Kåfjord - Kaivuono",
                                "Våler",
                                "Kristiansan",
                                "Hornindal",
                                "Atlantis")))
                .post("/api/v1/municipalities/match")
                .then()
                .statusCode(200)
                .body(
                        "results.status",
                        contains("MATCHED", "MATCHED", "MATCHED", "AMBIGUOUS", "MATCHED", "MATCHED", "UNMATCHED"))
                .body(
                        "results.method",
                        contains("NORMALISED", "NORMALISED", "EXACT", "NORMALISED", "FUZZY", "ALIAS", null))
                .body("results[5].how", equalTo("former name: 1444 Hornindal until 2019-12-31"))
                .body("byStatus.MATCHED", equalTo(5))
                .body("byMethod.FUZZY", equalTo(1));
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .contentType(ContentType.JSON)
                .body(Map.of("names", List.of()))
                .post("/api/v1/municipalities/match")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("names"));
    }

    /** The figures of the closing note: how the registry's own names match, and what a 400-name list costs. */
    @Test
    void everyOfficialAndFormerNameMatches() {
        List<String> official = given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/municipalities?size=500")
                .jsonPath()
                .getList("items.name");
        java.util.Set<String> former = new java.util.TreeSet<>();
        for (String day : List.of("2017-06-01", "2019-06-01", "2022-06-01")) {
            for (String name : given().auth()
                    .oauth2(TestTokens.forRole("reader"))
                    .get("/api/v1/municipalities?validOn=" + day + "&size=500")
                    .jsonPath()
                    .<String>getList("items.name")) {
                if (!official.contains(name)) {
                    former.add(name);
                }
            }
        }
        JsonPath all = bulk(official);
        LOG.infof("Official names (%d): %s %s", official.size(), all.getMap("byStatus"), all.getMap("byMethod"));
        org.junit.jupiter.api.Assertions.assertEquals(357, all.getInt("byMethod.EXACT"));
        JsonPath old = bulk(new ArrayList<>(former));
        LOG.infof(
                "Former names no longer in use (%d): %s %s",
                former.size(), old.getMap("byStatus"), old.getMap("byMethod"));
        org.junit.jupiter.api.Assertions.assertFalse(
                old.getMap("byStatus").containsKey("UNMATCHED"), () -> old.prettify());

        List<String> list400 = new ArrayList<>();
        for (int i = 0; list400.size() < 400; i++) {
            String name = official.get(i % official.size());
            list400.add(i % 3 == 0 ? name.toUpperCase() : i % 3 == 1 ? name.replace('-', ' ') + " kommune" : name);
        }
        long[] millis = new long[21];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            bulk(list400);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        java.util.Arrays.sort(millis);
        LOG.infof("400-name bulk match over HTTP: p50 %d ms, max %d ms (21 runs)", millis[10], millis[20]);
    }

    private static JsonPath bulk(List<String> names) {
        return given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .contentType(ContentType.JSON)
                .body(Map.of("names", names))
                .post("/api/v1/municipalities/match")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
