package no.ks.ehelse.registry;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import no.ks.ehelse.localstack.EventContract;
import no.ks.ehelse.localstack.EventProbe;
import no.ks.ehelse.localstack.Pages;
import no.ks.ehelse.localstack.TestTokens;

/**
 * The municipality's contacts page, driven as a browser would (GET, then POST its forms with the CSRF token): the
 * contacts by role, add, change and remove with Norwegian field messages and POST-redirect-GET, and each change
 * announced on {@code registry.contacts.v1} as the API path announces it.
 */
@QuarkusTest
class ContactPagesTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final String molde = TestTokens.forRole("municipality", Map.of("kommunenummer", "1506"));

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    @Test
    void aMunicipalityAddsChangesAndRemovesItsContactsAndEachChangeIsAnnounced() {
        Pages.Shown page = Pages.get(molde, "/kontakter/1506");
        assertEquals(200, page.status());
        assertEquals("Kontakter for Molde", page.html().selectFirst("main h1").text());
        assertEquals("nb", page.html().selectFirst("html").attr("lang"));
        assertTrue(page.html().select("#roller-uten-kontakt li").text().contains("Bestiller av HelseID"));

        try (EventProbe probe = EventProbe.open(bootstrap(), "registry.contacts.v1")) {
            Response added = Pages.post(
                    molde,
                    page,
                    "/kontakter/1506",
                    "role",
                    "HELSEID_ORDERER",
                    "name",
                    "HelseID-bestiller",
                    "email",
                    " HelseID@Molde.kommune.example.test ",
                    "phone",
                    "+47 71 00 00 00");
            assertEquals(303, added.statusCode(), added.asString());
            assertTrue(added.header("Location").endsWith("/kontakter/1506?melding=lagt-til"), added.header("Location"));
            EventProbe.Received event = probe.await(r -> "1506".equals(r.key()), WAIT);
            EventContract.assertValid(event.value());
            assertEquals(
                    "helseid@molde.kommune.example.test",
                    event.value().at("/data/contacts/0/email").asText());
            assertEquals(
                    "HELSEID_ORDERER", event.value().at("/data/contacts/0/role").asText());
        }

        page = Pages.get(molde, "/kontakter/1506?melding=lagt-til");
        assertEquals(
                "Kontakten er lagt til.", page.html().selectFirst(".ds-alert").text());
        Element row = page.html().selectFirst("main table tbody tr");
        assertNotNull(row, "the new contact is listed");
        assertEquals("Bestiller av HelseID", row.selectFirst("th").text());
        assertEquals(
                "helseid@molde.kommune.example.test", row.select("td").get(1).text());
        assertEquals("+47 71 00 00 00", row.select("td").get(2).text());
        assertTrue(!page.html().select("#roller-uten-kontakt li").text().contains("Bestiller av HelseID"));

        // Change it: the form comes filled in with what is registered.
        String editPath = row.selectFirst("a[href$=/endre]").attr("href");
        Pages.Shown edit = Pages.get(molde, editPath);
        assertEquals(200, edit.status());
        assertEquals(
                "helseid@molde.kommune.example.test",
                edit.html().getElementById("email").attr("value"));
        assertEquals(
                "HELSEID_ORDERER", edit.html().select("#role option[selected]").attr("value"));
        try (EventProbe probe = EventProbe.open(bootstrap(), "registry.contacts.v1")) {
            Response changed = Pages.post(
                    molde,
                    edit,
                    editPath,
                    "role",
                    "HELSEID_ORDERER",
                    "name",
                    "HelseID-bestiller",
                    "email",
                    "ehelse@molde.kommune.example.test",
                    "phone",
                    "");
            assertEquals(303, changed.statusCode(), changed.asString());
            EventProbe.Received event = probe.await(r -> "1506".equals(r.key()), WAIT);
            EventContract.assertValid(event.value());
            assertEquals(
                    "ehelse@molde.kommune.example.test",
                    event.value().at("/data/contacts/0/email").asText());
        }
        page = Pages.get(molde, "/kontakter/1506?melding=endret");
        assertEquals(
                "Endringen er lagret.", page.html().selectFirst(".ds-alert").text());
        row = page.html().selectFirst("main table tbody tr");
        assertEquals(
                "ehelse@molde.kommune.example.test", row.select("td").get(1).text());
        assertEquals("–", row.select("td").get(2).text(), "the phone number was removed");
        // The API reads the same registry.
        given().auth()
                .oauth2(molde)
                .get("/api/v1/municipalities/1506/contacts")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("ehelse@molde.kommune.example.test"));

        // Remove it, after a confirming step.
        String removePath = row.selectFirst("a[href$=/fjern]").attr("href");
        Pages.Shown confirm = Pages.get(molde, removePath);
        assertEquals(
                "Vil du fjerne kontakten?",
                confirm.html().selectFirst("main h1").text());
        try (EventProbe probe = EventProbe.open(bootstrap(), "registry.contacts.v1")) {
            Response removed = Pages.post(molde, confirm, removePath);
            assertEquals(303, removed.statusCode(), removed.asString());
            EventProbe.Received event = probe.await(r -> "1506".equals(r.key()), WAIT);
            EventContract.assertValid(event.value());
            assertEquals(0, event.value().at("/data/contacts").size());
        }
        page = Pages.get(molde, "/kontakter/1506?melding=fjernet");
        assertEquals(
                "Kontakten er fjernet.", page.html().selectFirst(".ds-alert").text());
        assertNull(page.html().selectFirst("main table"));
        assertEquals(
                "Kommunen har ingen kontakter registrert ennå.",
                page.html().selectFirst("#kontakter-tittel + p").text());
    }

    @Test
    void anInvalidFormComesBackWithAnErrorSummaryAndTheFieldsMessagesAndNothingIsSaved() {
        Pages.Shown page = Pages.get(molde, "/kontakter/1506");
        Response refused = Pages.post(
                molde,
                page,
                "/kontakter/1506",
                "role",
                "",
                "name",
                "Kontakt",
                "email",
                "ikke-en-adresse",
                "phone",
                "ring meg");
        assertEquals(400, refused.statusCode());
        Document html = Pages.html(refused);
        assertEquals(
                List.of(
                        Map.entry("#role", "Velg en rolle"),
                        Map.entry("#email", "Skriv inn en gyldig e-postadresse, som ehelse@kommunen.no"),
                        Map.entry("#phone", "Skriv inn et telefonnummer med 5 til 20 sifre, som +47 22 00 00 00")),
                Pages.errorSummary(html));
        Element email = html.getElementById("email");
        assertEquals("true", email.attr("aria-invalid"));
        assertTrue(email.attr("aria-describedby").contains("email-error"));
        assertEquals(
                "Skriv inn en gyldig e-postadresse, som ehelse@kommunen.no",
                html.getElementById("email-error").text());
        assertEquals("ikke-en-adresse", email.attr("value"), "what was typed is kept");
        assertEquals("Kontakt", html.getElementById("name").attr("value"));
        assertEquals("", html.getElementById("name").attr("aria-invalid"));
        assertNull(Pages.get(molde, "/kontakter/1506").html().selectFirst("main table"), "nothing was saved");

        Response missing = Pages.post(molde, page, "/kontakter/1506", "role", "IT_CONTACT", "email", " ");
        assertEquals(400, missing.statusCode());
        assertEquals(List.of(Map.entry("#email", "Skriv inn e-postadressen")), Pages.errorSummary(Pages.html(missing)));
        Response unknownRole = Pages.post(
                molde, page, "/kontakter/1506", "role", "MAYOR", "email", "postmottak@molde.kommune.example.test");
        assertEquals(
                List.of(Map.entry("#role", "Velg en av rollene i lista")), Pages.errorSummary(Pages.html(unknownRole)));
    }

    @Test
    void anotherMunicipalityGetsTheNorwegian403PageAndCannotChangeAnything() {
        String bergen = TestTokens.forRole("municipality", Map.of("kommunenummer", "4601"));
        Pages.Shown page = Pages.get(bergen, "/kontakter/1506");
        assertEquals(403, page.status());
        assertEquals(
                "Du har ikke tilgang til denne siden",
                page.html().selectFirst("main h1").text());

        Pages.Shown own = Pages.get(bergen, "/kontakter/4601");
        Response forged = Pages.post(
                bergen, own, "/kontakter/4601", "role", "IT_CONTACT", "email", "it@bergen.kommune.example.test");
        assertEquals(303, forged.statusCode(), "its own page takes the form");
        Response other = Pages.postElsewhere(
                bergen, own, "/kontakter/1506", "role", "IT_CONTACT", "email", "it@bergen.kommune.example.test");
        assertEquals(403, other.statusCode());
        assertEquals(
                "Du har ikke tilgang til denne siden",
                Pages.html(other).selectFirst("main h1").text());
        assertNull(Pages.get(molde, "/kontakter/1506").html().selectFirst("main table"));
    }

    @Test
    void aLeadSeesTheContactsButHasNoFormsAndAnUnknownMunicipalityIsANorwegian404Page() {
        Pages.Shown page =
                Pages.get(TestTokens.forRole("lead", Map.of("solutions", List.of("vkp"))), "/kontakter/1506");
        assertEquals(200, page.status());
        assertNull(page.html().selectFirst("main form"), "only the municipality and admins change contacts");
        assertEquals(
                "Bare kommunen selv, kontaktpersonen e-helse i kommunens digitaliseringsnettverk og KS' administratorer kan endre kontaktene.",
                page.html().selectFirst("main .eh-meta").text());

        Pages.Shown unknown = Pages.get(TestTokens.forRole("admin"), "/kontakter/9999");
        assertEquals(404, unknown.status());
        assertEquals(
                "Vi finner ikke siden", unknown.html().selectFirst("main h1").text());
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        Response refused = Pages.postWithoutCsrf(
                TestTokens.forRole("admin"),
                "/kontakter/1506",
                "role",
                "GENERAL_INBOX",
                "email",
                "postmottak@molde.kommune.example.test");
        assertEquals(400, refused.statusCode());
        assertNull(Pages.get(molde, "/kontakter/1506").html().selectFirst("main table"));
    }
}
