package no.ks.ehelse.notification;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import no.ks.ehelse.localstack.Pages;
import no.ks.ehelse.localstack.TestTokens;

/**
 * The settings page's choice per message kind and channel, posted as a browser would (with its CSRF token), checked
 * against what the API then says: the fixed kinds shown as fixed, a kind to act on without OFF, a refused value.
 */
@QuarkusTest
class PreferencePagesTest {

    private static final String ME = "lise@lindaas.kommune.example";
    private final String token = TestTokens.forRole("reader", Map.of("upn", ME, "sub", "lise"));

    @Test
    void thePageChoosesPerKindAndChannelAndShowsWhatCannotBeChangedAsFixed() {
        Pages.Shown page = Pages.get(token, "/varsler/innstillinger");
        assertEquals(200, page.status());
        Element confirmed = page.html().getElementById("type-egen-ENROLLED_CONFIRMED");
        assertNotNull(confirmed, page.html().outerHtml());
        assertEquals(2, confirmed.select("td:contains(Alltid straks)").size(), confirmed.outerHtml());
        assertTrue(confirmed.select("select").isEmpty(), "a confirmation offers nothing to choose");
        Element overdue = page.html().getElementById("valg-egen-EMAIL-PREREQUISITE_OVERDUE");
        assertNull(overdue.selectFirst("option[value$=:OFF]"), "what must be acted on is never off");
        assertNotNull(overdue.selectFirst("option[value=EMAIL:PREREQUISITE_OVERDUE:WEEKLY_DIGEST]"));
        Element wentLive = page.html().getElementById("valg-egen-EMAIL-WENT_LIVE");
        assertEquals(
                List.of("Straks", "Daglig sammendrag", "Ukentlig sammendrag", "Av"),
                wentLive.select("option").eachText());
        assertNotNull(page.html().selectFirst("label[for=valg-egen-EMAIL-WENT_LIVE]"), "every select has a label");

        Response saved = Pages.post(
                token,
                page,
                "/varsler/innstillinger/typer",
                "valg",
                "EMAIL:WENT_LIVE:WEEKLY_DIGEST",
                "valg",
                "FEED:WITHDRAWN:OFF",
                "valg",
                "EMAIL:DEADLINE_APPROACHING:IMMEDIATE");
        assertEquals(303, saved.statusCode());
        assertTrue(saved.header("Location").endsWith("/varsler/innstillinger?melding=levering-lagret"));

        JsonPath api = given().auth()
                .oauth2(token)
                .get("/api/v1/recipients/" + ME + "/preferences")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(
                List.of("WEEKLY_DIGEST"),
                api.getList("kinds.findAll { it.kind == 'WENT_LIVE' && it.channel == 'EMAIL' }.delivery"));
        assertEquals(
                List.of("OFF"),
                api.getList("kinds.findAll { it.kind == 'WITHDRAWN' && it.channel == 'FEED' }.delivery"));
        assertEquals(
                List.of(false),
                api.getList("kinds.findAll { it.kind == 'DEADLINE_APPROACHING' && it.channel == 'EMAIL' }.chosen"),
                "an unchanged choice is not stored as one");

        Pages.Shown after = Pages.get(token, "/varsler/innstillinger?melding=levering-lagret");
        assertNotNull(after.html()
                .selectFirst("#valg-egen-EMAIL-WENT_LIVE option[value=EMAIL:WENT_LIVE:WEEKLY_DIGEST][selected]"));
        assertTrue(after.html().text().contains("Valget ditt er lagret."));

        Response refused =
                Pages.post(token, after, "/varsler/innstillinger/typer", "valg", "EMAIL:PREREQUISITE_OVERDUE:OFF");
        assertEquals(400, refused.statusCode());
        Response forged = Pages.postWithoutCsrf(token, "/varsler/innstillinger/typer", "valg", "EMAIL:WENT_LIVE:OFF");
        assertEquals(400, forged.statusCode(), "the signed-in page's forms keep their CSRF check");
        assertEquals(
                List.of("WEEKLY_DIGEST"),
                given().auth()
                        .oauth2(token)
                        .get("/api/v1/recipients/" + ME + "/preferences")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("kinds.findAll { it.kind == 'WENT_LIVE' && it.channel == 'EMAIL' }.delivery"));
    }

    @Test
    void aMunicipalityChoosesPerKindForItsRoleAddressAndForNoOneElse() {
        String role = "postmottak@nordvik.kommune.example.test";
        Given.municipalityWithContacts("5596", "Nordvik", "Nordvik digi", role);
        String nordvik = TestTokens.forRole(
                "municipality", Map.of("kommunenummer", "5596", "upn", "kontakt@nordvik.kommune.example.test"));
        Pages.Shown page = Pages.get(nordvik, "/varsler/innstillinger");
        assertEquals(200, page.status());
        Element details = page.html().selectFirst("details:contains(" + role + ")");
        assertNotNull(details, "the role address has its own choices per kind");
        assertNotNull(details.selectFirst("input[name=address][value=" + role + "]"));

        Response saved = Pages.post(
                nordvik, page, "/varsler/innstillinger/typer", "address", role, "valg", "EMAIL:WENT_LIVE:OFF");
        assertEquals(303, saved.statusCode(), saved.asString());
        assertEquals(
                List.of("OFF"),
                given().auth()
                        .oauth2(nordvik)
                        .get("/api/v1/recipients/" + role + "/preferences")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("kinds.findAll { it.kind == 'WENT_LIVE' && it.channel == 'EMAIL' }.delivery"));

        Response notTheirs = Pages.post(
                nordvik,
                page,
                "/varsler/innstillinger/typer",
                "address",
                "someone@elsewhere.example.test",
                "valg",
                "EMAIL:WENT_LIVE:OFF");
        assertEquals(403, notTheirs.statusCode());
    }
}
