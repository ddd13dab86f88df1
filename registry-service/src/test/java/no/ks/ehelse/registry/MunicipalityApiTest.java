package no.ks.ehelse.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import no.ks.ehelse.localstack.TestTokens;

/** The reference data over REST: 2024 municipalities, their history, and the areas they belong to. */
@QuarkusTest
class MunicipalityApiTest {

    private static RequestSpecification reader() {
        return given().auth().oauth2(TestTokens.forRole("reader"));
    }

    @Test
    void todaysListHasThe357MunicipalitiesOf2024WithTheirPopulation() {
        reader().get("/api/v1/municipalities?size=500")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(357))
                .body("items.find { it.kommunenummer == '0301' }.population", equalTo(717710));
        reader().get("/api/v1/networks")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(11))
                .body("items.memberCount.sum()", equalTo(357))
                .body("items.population.sum()", equalTo(5550203));
    }

    @Test
    void areaListsArePagesLikeEveryOtherList() {
        for (String list : List.of("/api/v1/counties", "/api/v1/networks", "/api/v1/health-regions")) {
            reader().get(list + "?size=2&page=1")
                    .then()
                    .statusCode(200)
                    .body("page", equalTo(1))
                    .body("size", equalTo(2))
                    .body("items.size()", equalTo(2))
                    .body("items[0].memberCount", greaterThan(0))
                    .body("items[0]", not(hasKey("municipalities")))
                    .body("items[0]", not(hasKey("members")));
        }
        reader().get("/api/v1/counties")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(15))
                .body("totalPages", equalTo(1))
                .body("items.memberCount.sum()", equalTo(357));
        reader().get("/api/v1/health-regions?size=0")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("size"));
    }

    @Test
    void aFormerNumberAnswersWithWhatItBecame() {
        reader().get("/api/v1/municipalities/3005")
                .then()
                .statusCode(200)
                .body("current", equalTo(false))
                .body("validTo", equalTo("2023-12-31"))
                .body("successors.kommunenummer", contains("3301"))
                .body("successors[0].effectiveDate", equalTo("2024-01-01"))
                .body("successors[0].changeType", equalTo("RENUMBERED"));
        reader().get("/api/v1/municipalities/0602")
                .then()
                .statusCode(200)
                .body("successors.kommunenummer", contains("3301"))
                .body("successors[0].changeType", equalTo("MERGED"));
        reader().get("/api/v1/municipalities/1507")
                .then()
                .statusCode(200)
                .body("successors.kommunenummer", containsInAnyOrder("1508", "1580"))
                .body("successors.changeType", everyItem(equalTo("SPLIT")));
        reader().get("/api/v1/municipalities/3301")
                .then()
                .statusCode(200)
                .body("current", equalTo(true))
                .body("network", equalTo("digi-viken"))
                .body("predecessors.kommunenummer", hasItems("3005", "0602", "0625", "0711"));
    }

    @Test
    void theListCanBeAskedForAnyDay() {
        reader().get("/api/v1/municipalities?validOn=2019-06-01&size=500")
                .then()
                .statusCode(200)
                .body("items.kommunenummer", hasItems("0602", "1201", "1103"))
                .body("items.kommunenummer", not(hasItem("3301")));
        reader().get("/api/v1/municipalities?validOn=2022-06-01&namePrefix=Dram")
                .then()
                .statusCode(200)
                .body("items.kommunenummer", contains("3005"));
    }

    @Test
    void filtersAndSortingCombine() {
        reader().get("/api/v1/municipalities?network=digi-vestland&sort=-population&size=3")
                .then()
                .statusCode(200)
                .body("items[0].name", equalTo("Bergen"))
                .body("totalItems", equalTo(43));
        reader().get("/api/v1/municipalities?county=34&namePrefix=v&sort=name")
                .then()
                .statusCode(200)
                .body("items.name", hasItems("Våler (Innlandet)", "Vågå"));
        reader().get("/api/v1/municipalities?healthRegion=helse-nord&size=1")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(80));
    }

    @Test
    void areasListTheirMembers() {
        reader().get("/api/v1/networks/digi-oslo")
                .then()
                .statusCode(200)
                .body("members.kommunenummer", contains("0301"));
        reader().get("/api/v1/counties/46")
                .then()
                .statusCode(200)
                .body("name", equalTo("Vestland"))
                .body("memberCount", equalTo(43))
                .body("members.size()", equalTo(43));
        reader().get("/api/v1/health-regions/helse-midt-norge")
                .then()
                .statusCode(200)
                .body("memberCount", equalTo(65));
        reader().get("/api/v1/networks/digi-atlantis").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badQueriesAreProblemsNamingTheParameter() {
        reader().get("/api/v1/municipalities?sort=area")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("sort"));
        reader().get("/api/v1/municipalities?county=4")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("county"));
        reader().get("/api/v1/municipalities/46")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("kommunenummer"));
        reader().get("/api/v1/municipalities/9999")
                .then()
                .statusCode(404)
                .body("detail", equalTo("Municipality 9999 does not exist"));
    }

    @Test
    void correctionsAreForAdminsAndCurrentNumbersOnly() {
        reader().contentType(ContentType.JSON)
                .body("{\"epjVendor\": \"DIPS\"}")
                .patch("/api/v1/municipalities/4601")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("{\"epjVendor\": \"DIPS\"}")
                .patch("/api/v1/municipalities/3005")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:no:ks:ehelse:problem:former-municipality"))
                .body("successors[0].kommunenummer", equalTo("3301"));
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("{\"population\": 1000}")
                .patch("/api/v1/municipalities/1101")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("populationDate"));
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("{\"network\": \"digi-atlantis\", \"population\": -5}")
                .patch("/api/v1/municipalities/1101")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("population"));
    }
}
