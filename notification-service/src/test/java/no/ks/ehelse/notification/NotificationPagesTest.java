package no.ks.ehelse.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import no.ks.ehelse.localstack.Pages;
import no.ks.ehelse.localstack.TestTokens;
import no.ks.ehelse.notification.domain.TrackProjection;

/**
 * The feed and settings pages, driven as a browser would (GET, then POST its forms with the CSRF token), fed by
 * events on the real broker: the municipality's feed newest first in pages of 20 with read marks, and the
 * signed-in person's delivery choice and e-mail subscriptions, checked against what the API then says.
 */
@QuarkusTest
class NotificationPagesTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private final String admin = TestTokens.forRole("admin");
    private final String sidevik = TestTokens.forRole(
            "municipality", Map.of("kommunenummer", "5599", "upn", "kontakt@sidevik.kommune.example.test"));

    @Test
    void theFeedPageShowsWhatWasSentNewestFirstTwentyToAPageAndMarksEntriesRead() {
        Given.municipalityWithContacts("5599", "Sidevik", "Sidevik digi", "ehelse@sidevik.kommune.example.test");
        UUID track =
                Given.track("DigiHelsestasjon 2027 høst", "leder.s@ks.example.test", "nestleder.s@ks.example.test", 50);
        await().atMost(WAIT)
                .until(() -> QuarkusTransaction.requiringNew().call(() -> TrackProjection.findById(track) != null));
        for (int i = 0; i < 23; i++) {
            Given.enrollment("enrolled", UUID.randomUUID(), track, "5599", "CONFIRMED", null);
        }
        await().atMost(WAIT).untilAsserted(() -> given().auth()
                .oauth2(admin)
                .queryParam("kommunenummer", "5599")
                .get("/api/v1/feed")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(23)));

        Pages.Shown first = Pages.get(sidevik, "/varsler/5599");
        assertEquals(200, first.status());
        assertEquals("Varsler til Sidevik", first.html().selectFirst("main h1").text());
        assertEquals(
                "23 varsler, side 1 av 2.",
                first.html().getElementById("antall").text());
        List<OffsetDateTime> times = times(first.html());
        assertEquals(20, times.size());
        assertEquals(times.stream().sorted(Comparator.reverseOrder()).toList(), times, "newest first");
        Element entry = first.html().selectFirst("li.eh-feed__entry");
        assertTrue(entry.selectFirst("h2").text().startsWith("Påmelding bekreftet: Sidevik"), entry.text());
        assertTrue(entry.selectFirst(".eh-feed__text").text().contains("DigiHelsestasjon 2027 høst"), entry.text());
        assertEquals("Ulest", entry.selectFirst(".ds-tag").text());
        assertNotNull(first.html().selectFirst("a[rel=next][href=/varsler/5599?side=2]"));
        assertNull(first.html().selectFirst("a[rel=prev]"));

        Pages.Shown second = Pages.get(sidevik, "/varsler/5599?side=2");
        List<OffsetDateTime> older = times(second.html());
        assertEquals(3, older.size());
        assertFalse(older.get(0).isAfter(times.get(19)), "page 2 goes on where page 1 ended");
        assertNotNull(second.html().selectFirst("a[rel=prev][href=/varsler/5599?side=1]"));
        // A page past the end shows the last page instead of an empty list.
        assertEquals(3, times(Pages.get(sidevik, "/varsler/5599?side=9").html()).size());

        String id = entry.id().substring("varsel-".length());
        String action = "/varsler/5599/" + id + "/lest";
        Response read = Pages.post(sidevik, first, action, "side", "1", "lest", "ja");
        assertEquals(303, read.statusCode(), read.asString());
        assertTrue(read.header("Location").endsWith("/varsler/5599?side=1#varsel-" + id), read.header("Location"));
        Element marked = Pages.get(sidevik, "/varsler/5599").html().getElementById("varsel-" + id);
        assertEquals("Lest", marked.selectFirst(".ds-tag").text());
        given().auth()
                .oauth2(sidevik)
                .queryParam("kommunenummer", "5599")
                .queryParam("unread", true)
                .get("/api/v1/feed")
                .then()
                .body("totalItems", equalTo(22));

        Pages.Shown other =
                Pages.get(TestTokens.forRole("municipality", Map.of("kommunenummer", "4601")), "/varsler/5599");
        assertEquals(403, other.status());
        assertEquals(
                "Du har ikke tilgang til denne siden",
                other.html().selectFirst("main h1").text());
        assertEquals(
                403, Pages.get(TestTokens.forRole("reader"), "/varsler/5599").status());
        assertEquals(200, Pages.get(admin, "/varsler/5599").status());
        assertEquals(404, Pages.get(admin, "/varsler/5598").status(), "a municipality the service does not know");
    }

    @Test
    void aPersonAddsAndRemovesAnEmailSubscriptionAndChoosesTheDigestForAContact() {
        Given.municipalityWithContacts("5597", "Fjellvik", "Fjellvik digi", "postmottak@fjellvik.kommune.example.test");
        String fjellvik = TestTokens.forRole(
                "municipality", Map.of("kommunenummer", "5597", "upn", "kontakt@fjellvik.kommune.example.test"));

        Pages.Shown page = Pages.get(fjellvik, "/varsler/innstillinger");
        assertEquals(200, page.status());
        assertEquals(
                "Innstillinger for varsler", page.html().selectFirst("main h1").text());
        assertEquals(
                "Du har ingen abonnementer.",
                page.html().selectFirst("#abonnementer-tittel + p").text());
        assertEquals(
                "kontakt@fjellvik.kommune.example.test",
                page.html().getElementById("address").attr("value"),
                "the new subscription starts with the person's own address");
        assertEquals("5597", page.html().getElementById("kommunenummer").attr("value"));
        Element contact =
                page.html().selectFirst("form.eh-choice:has(input[value=postmottak@fjellvik.kommune.example.test])");
        assertNotNull(contact, "the municipality's contact has a choice");

        // The digest for the contact.
        Response chosen = Pages.post(
                fjellvik,
                page,
                "/varsler/innstillinger/levering",
                "address",
                "postmottak@fjellvik.kommune.example.test",
                "delivery",
                "DAILY_DIGEST");
        assertEquals(303, chosen.statusCode(), chosen.asString());
        given().auth()
                .oauth2(fjellvik)
                .get("/api/v1/recipients/postmottak@fjellvik.kommune.example.test/delivery")
                .then()
                .statusCode(200)
                .body("delivery", equalTo("DAILY_DIGEST"));
        Response notTheirs = Pages.post(
                fjellvik,
                page,
                "/varsler/innstillinger/levering",
                "address",
                "ehelse@sidevik.kommune.example.test",
                "delivery",
                "DAILY_DIGEST");
        assertEquals(403, notTheirs.statusCode());

        // A form with errors.
        Response refused = Pages.post(
                fjellvik,
                page,
                "/varsler/innstillinger/abonnementer",
                "address",
                "ikke-en-adresse",
                "kommunenummer",
                "55",
                "delivery",
                "IMMEDIATE");
        assertEquals(400, refused.statusCode());
        Document html = Pages.html(refused);
        assertEquals(
                List.of(
                        Map.entry("#eventType", "Velg minst én hendelse"),
                        Map.entry("#kommunenummer", "Kommunenummeret har fire sifre, som 4601")),
                Pages.errorSummary(html));
        assertEquals("true", html.getElementById("kommunenummer").attr("aria-invalid"));
        Response badAddress = Pages.post(
                fjellvik,
                page,
                "/varsler/innstillinger/abonnementer",
                "eventType",
                "no.ks.ehelse.enrollment.went-live.v1",
                "address",
                "ikke-en-adresse",
                "delivery",
                "IMMEDIATE");
        assertEquals(400, badAddress.statusCode());
        Document bad = Pages.html(badAddress);
        assertEquals(
                List.of(Map.entry("#address", "Skriv inn en gyldig e-postadresse, som ehelse@kommunen.no")),
                Pages.errorSummary(bad));
        assertEquals(
                "Skriv inn en gyldig e-postadresse, som ehelse@kommunen.no",
                bad.getElementById("address-error").text());
        assertTrue(
                bad.selectFirst("input[value=no.ks.ehelse.enrollment.went-live.v1]")
                        .hasAttr("checked"),
                "what was chosen is kept");

        // A valid one.
        Response added = Pages.post(
                fjellvik,
                page,
                "/varsler/innstillinger/abonnementer",
                "eventType",
                "no.ks.ehelse.enrollment.went-live.v1",
                "eventType",
                "no.ks.ehelse.track.opened.v1",
                "address",
                "postmottak@fjellvik.kommune.example.test",
                "kommunenummer",
                "5597",
                "delivery",
                "DAILY_DIGEST");
        assertEquals(303, added.statusCode(), added.asString());
        assertTrue(added.header("Location").endsWith("/varsler/innstillinger?melding=abonnement-lagt-til"));
        JsonPath api = given().auth()
                .oauth2(fjellvik)
                .get("/api/v1/subscriptions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(1, api.getInt("totalItems"));
        assertEquals("EMAIL", api.getString("items[0].channel"));
        assertEquals("DAILY_DIGEST", api.getString("items[0].delivery"));
        assertEquals("5597", api.getString("items[0].kommunenummer"));
        assertEquals(
                List.of("no.ks.ehelse.enrollment.went-live.v1", "no.ks.ehelse.track.opened.v1"),
                api.getList("items[0].eventTypes"));
        String id = api.getString("items[0].id");

        page = Pages.get(fjellvik, "/varsler/innstillinger?melding=abonnement-lagt-til");
        assertEquals(
                "Abonnementet er lagt til.",
                page.html().selectFirst(".ds-alert").text());
        Element listed = page.html().getElementById("abonnement-" + id);
        assertNotNull(listed);
        assertEquals(
                "E-post til postmottak@fjellvik.kommune.example.test",
                listed.selectFirst("h3").text());
        assertEquals(
                List.of("En kommune tok løsningen i bruk", "Et innføringsløp åpnet for påmelding"),
                listed.select("ul li").eachText());
        assertTrue(
                listed.text().contains("Venter på bekreftelse"),
                "another address gets nothing until it confirms: " + listed.text());

        // Another person cannot remove it; its owner can.
        Pages.Shown readers = Pages.get(TestTokens.forRole("reader"), "/varsler/innstillinger");
        Response foreign = Pages.post(
                TestTokens.forRole("reader"),
                readers,
                "/varsler/innstillinger/abonnementer",
                "eventType",
                "no.ks.ehelse.track.opened.v1",
                "address",
                "test-reader@example.test");
        assertEquals(303, foreign.statusCode());
        String readerSubscription = given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .get("/api/v1/subscriptions")
                .then()
                .extract()
                .path("items[0].id");
        Pages.Shown fresh = Pages.get(fjellvik, "/varsler/innstillinger");
        Response notOwner = Pages.postElsewhere(
                fjellvik, fresh, "/varsler/innstillinger/abonnementer/" + readerSubscription + "/fjern");
        assertEquals(404, notOwner.statusCode());

        Response removed = Pages.post(fjellvik, fresh, "/varsler/innstillinger/abonnementer/" + id + "/fjern");
        assertEquals(303, removed.statusCode(), removed.asString());
        page = Pages.get(fjellvik, "/varsler/innstillinger?melding=abonnement-fjernet");
        assertEquals(
                "Abonnementet er fjernet.", page.html().selectFirst(".ds-alert").text());
        assertNull(page.html().getElementById("abonnement-" + id));
        // Removed is deleted: no longer found (its delivery log stays for operators).
        given().auth()
                .oauth2(fjellvik)
                .get("/api/v1/subscriptions/" + id)
                .then()
                .statusCode(404);
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        Response refused = Pages.postWithoutCsrf(
                sidevik,
                "/varsler/innstillinger/abonnementer",
                "eventType",
                "no.ks.ehelse.track.opened.v1",
                "address",
                "ehelse@sidevik.kommune.example.test");
        assertEquals(400, refused.statusCode());
        given().auth()
                .oauth2(sidevik)
                .get("/api/v1/subscriptions")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
    }

    /** The feed entries' times, in the order the page lists them. */
    private static List<OffsetDateTime> times(Document page) {
        List<OffsetDateTime> times = new ArrayList<>();
        for (Element time : page.select("li.eh-feed__entry time")) {
            times.add(OffsetDateTime.parse(time.attr("datetime")));
        }
        return times;
    }
}
