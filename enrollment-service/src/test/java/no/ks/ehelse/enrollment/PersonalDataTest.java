package no.ks.ehelse.enrollment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.ks.ehelse.localstack.TestTokens;

/**
 * Personal data in enrollment-service's answers goes only to those who need it (docs/security.md): who changed an
 * enrollment is named to admins and the track's lead, others see the role; a working-group member's own address
 * is shown to admins and leads, the lead's and deputy's addresses (the track's contact points) to everyone.
 */
@QuarkusTest
class PersonalDataTest {

    private static final LocalDate TODAY = LocalDate.parse("2024-05-01");
    private static final String MEMBER = "medlem.arbeidsgruppe@kommune.example";

    @BeforeEach
    void registryAndClock() {
        TestClock.set(TODAY);
        TestRegistry.load();
    }

    @Test
    void theActorIsNamedOnlyToAdminsAndTheTracksLead() {
        String track = Tracks.open("digihelse", null, TODAY.plusDays(30), TODAY.plusDays(60));
        String ulvik = TestTokens.forRole(
                "municipality", Map.of("kommunenummer", "4620", "upn", "saksbehandler@ulvik.kommune.example"));
        String id =
                Tracks.enroll(track, ulvik, "4620").statusCode(201).extract().path("id");
        String path = "/api/v1/enrollments/" + id + "/history";

        for (String token : new String[] {
            TestTokens.forRole("admin"), TestTokens.forRole("lead", Map.of("solutions", List.of("digihelse")))
        }) {
            given().auth()
                    .oauth2(token)
                    .get(path)
                    .then()
                    .statusCode(200)
                    .body("items[0].actor", equalTo("saksbehandler@ulvik.kommune.example"));
        }
        for (String token : new String[] {
            ulvik,
            TestTokens.forRole("reader"),
            TestTokens.forRole("nhn"),
            TestTokens.forRole("lead", Map.of("solutions", List.of("vkp")))
        }) {
            given().auth()
                    .oauth2(token)
                    .get(path)
                    .then()
                    .statusCode(200)
                    .body("items[0].action", equalTo("ENROLLED"))
                    .body("items[0].actor", equalTo("municipality"));
        }
    }

    @Test
    void aWorkingGroupMembersOwnAddressIsShownToAdminsAndLeadsOnly() {
        String track = given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("""
                {"solution": "digihelse", "name": "Testløp med arbeidsgruppe", "registrationDeadline": "%s",
                 "workingGroup": [{"role": "LEAD", "name": "Nasjonal innføringsleder", "email": "innforing@ks.example"},
                                  {"role": "MEMBER", "name": "Medlem Test", "email": "%s"}]}""".formatted(TODAY.plusDays(30), MEMBER))
                .post("/api/v1/tracks")
                .then()
                .statusCode(201)
                .body("workingGroup.email", hasItem(MEMBER))
                .extract()
                .path("id");

        for (String token : new String[] {
            TestTokens.forRole("admin"), TestTokens.forRole("lead", Map.of("solutions", List.of("vkp")))
        }) {
            given().auth()
                    .oauth2(token)
                    .get("/api/v1/tracks/" + track)
                    .then()
                    .statusCode(200)
                    .body("workingGroup.email", hasItem(MEMBER));
        }
        for (String token :
                new String[] {TestTokens.forRole("reader"), TestTokens.forRole("nhn"), Tracks.municipality("4620")}) {
            given().auth()
                    .oauth2(token)
                    .get("/api/v1/tracks/" + track)
                    .then()
                    .statusCode(200)
                    .body("workingGroup.email", not(hasItem(MEMBER)))
                    .body("workingGroup.email", hasItem("innforing@ks.example"))
                    .body("workingGroup.name", hasItem("Medlem Test"));
            given().auth()
                    .oauth2(token)
                    .queryParam("solution", "digihelse")
                    .queryParam("size", 500)
                    .get("/api/v1/tracks")
                    .then()
                    .statusCode(200)
                    .body("items.workingGroup.flatten().email", everyItem(not(equalTo(MEMBER))));
        }
    }
}
