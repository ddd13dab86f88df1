package no.ks.ehelse.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import no.ks.ehelse.localstack.MailSink;
import no.ks.ehelse.localstack.TestEvents;
import no.ks.ehelse.localstack.TestTokens;
import no.ks.ehelse.notification.domain.Language;
import no.ks.ehelse.notification.domain.MessageKind;
import no.ks.ehelse.notification.domain.MunicipalityProjection;

/**
 * Nynorsk beside bokmål, from Kafka to the SMTP server: a municipality whose målform the registry gives as nynorsk
 * gets its mails (and its feed) in nynorsk, a bokmål one in bokmål, and a person's own choice wins over both.
 */
@QuarkusTest
class NynorskTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String admin = TestTokens.forRole("admin");
    private MailSink mail;

    @Inject
    Engine engine;

    @BeforeEach
    void smtp() {
        mail = MailSink.forTests();
    }

    @Test
    void aNynorskMunicipalityGetsTheConfirmationInNynorskAndABokmaalOneInBokmaal() {
        String nynorsk = nynorskMunicipality("Nynorskvik");
        String bokmaal = OnlyThoseWhoCanActTest.municipality("Bokmålsby", "Digi Målform", null);
        UUID track = OnlyThoseWhoCanActTest.track("malform-a", null);
        OnlyThoseWhoCanActTest.enroll(track, nynorsk, "CONFIRMED");
        OnlyThoseWhoCanActTest.enroll(track, bokmaal, "CONFIRMED");

        MailSink.Mail nn = mail.await(m -> m.isTo(OnlyThoseWhoCanActTest.contact(nynorsk)), 1, WAIT)
                .get(0);
        assertTrue(nn.subject().startsWith("Påmeldinga er stadfesta: Nynorskvik"), nn.subject());
        String text = nn.text().replace("\r\n", "\n");
        assertTrue(text.contains("er påmeld innføringsløpet «Løp malform-a», og plassen er stadfesta."), text);
        assertTrue(text.contains("Stadfest at de har fått påmeldinga"), text);
        assertTrue(text.contains("Fasane i løpet\n- Forankre og førebu\n- Gjennomføre\n- Avslutte og realisere"), text);
        assertTrue(text.contains("Kven som leier innføringa"), text);
        assertTrue(text.contains("Denne meldinga er send frå tenesta til KS og Norsk helsenett"), text);
        for (String bokmaalOnly : List.of("påmeldingen", "ikke", "Hvem", "Bekreft at dere", "meldingen er sendt")) {
            assertFalse(text.contains(bokmaalOnly), "no bokmål '" + bokmaalOnly + "' in: " + text);
        }
        assertTrue(nn.html().contains("<html lang=\"nn\">"), nn.html());
        assertTrue(nn.html().contains("<h3>Stadfest at de har fått påmeldinga</h3>"), nn.html());
        assertNotNull(nn.header("List-Unsubscribe"), "one-click unsubscribe whatever the form");
        assertEquals("List-Unsubscribe=One-Click", nn.header("List-Unsubscribe-Post"));
        assertTrue(nn.text().contains("/varsler/innstillinger"), "the footer links to the preferences page");

        MailSink.Mail nb = mail.await(m -> m.isTo(OnlyThoseWhoCanActTest.contact(bokmaal)), 1, WAIT)
                .get(0);
        assertTrue(nb.subject().startsWith("Påmelding bekreftet: Bokmålsby"), nb.subject());
        assertTrue(nb.text().contains("Bekreft at dere har mottatt påmeldingen"), nb.text());
        assertTrue(nb.html().contains("<html lang=\"nb\">"), nb.html());
        assertNotNull(nb.header("List-Unsubscribe"));

        // The municipality's feed is written in its form too, without the mail's footer.
        await().atMost(WAIT).untilAsserted(() -> given().auth()
                .oauth2(admin)
                .queryParam("kommunenummer", nynorsk)
                .get("/api/v1/feed")
                .then()
                .statusCode(200)
                .body("items.title", hasItem(startsWith("Påmeldinga er stadfesta: Nynorskvik"))));
        String entry = given().auth()
                .oauth2(admin)
                .queryParam("kommunenummer", nynorsk)
                .get("/api/v1/feed")
                .then()
                .extract()
                .path("items[0].text");
        assertTrue(entry.contains("Stadfest at de har fått påmeldinga"), entry);
        assertFalse(entry.contains("Denne meldinga er send"), "no footer in the feed: " + entry);
    }

    @Test
    void aReminderToANynorskMunicipalityIsInNynorsk() {
        String nynorsk = nynorskMunicipality("Nynorskdal");
        UUID track = OnlyThoseWhoCanActTest.track("malform-b", null);
        OnlyThoseWhoCanActTest.deadlineApproaching(track, "malform-b", 14);

        MailSink.Mail m = mail.await(x -> x.isTo(OnlyThoseWhoCanActTest.contact(nynorsk)), 1, WAIT)
                .get(0);
        assertTrue(m.subject().startsWith("Påminning: påmeldingsfristen for Løp malform-b er "), m.subject());
        assertTrue(m.text().contains("er enno ikkje påmeld innføringsløpet «Løp malform-b»"), m.text());
        assertTrue(m.text().contains("om 14 dagar"), m.text());
        assertTrue(m.text().contains("Meld kommunen på frå sida til løysinga"), m.text());
    }

    @Test
    void aPersonsOwnChoiceWinsOverTheMunicipalitysAndCanBeDropped() {
        String bokmaal = OnlyThoseWhoCanActTest.municipality("Valgby", "Digi Målform", null);
        String nynorsk = nynorskMunicipality("Valgvik");
        String toNynorsk = OnlyThoseWhoCanActTest.contact(bokmaal);
        String toBokmaal = OnlyThoseWhoCanActTest.contact(nynorsk);

        given().auth()
                .oauth2(admin)
                .get("/api/v1/recipients/" + toBokmaal + "/language")
                .then()
                .statusCode(200)
                .body("language", equalTo("NYNORSK"))
                .body("source", equalTo("MUNICIPALITY"));
        // The municipality chooses for its own registry contact, as it does for the delivery.
        given().auth()
                .oauth2(TestTokens.forRole("municipality", java.util.Map.of("kommunenummer", bokmaal)))
                .contentType(ContentType.JSON)
                .body("{\"language\": \"NYNORSK\"}")
                .put("/api/v1/recipients/" + toNynorsk + "/language")
                .then()
                .statusCode(200)
                .body("language", equalTo("NYNORSK"))
                .body("source", equalTo("OWN_CHOICE"))
                .body("municipalityLanguage", equalTo("BOKMAL"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"language\": \"BOKMAL\"}")
                .put("/api/v1/recipients/" + toBokmaal + "/language")
                .then()
                .statusCode(200)
                .body("language", equalTo("BOKMAL"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"language\": \"SAMISK\"}")
                .put("/api/v1/recipients/" + toBokmaal + "/language")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("language"));
        given().auth()
                .oauth2(TestTokens.forRole("reader"))
                .contentType(ContentType.JSON)
                .body("{\"language\": \"NYNORSK\"}")
                .put("/api/v1/recipients/" + toBokmaal + "/language")
                .then()
                .statusCode(403);

        UUID track = OnlyThoseWhoCanActTest.track("malform-c", null);
        OnlyThoseWhoCanActTest.enroll(track, bokmaal, "CONFIRMED");
        OnlyThoseWhoCanActTest.enroll(track, nynorsk, "CONFIRMED");
        MailSink.Mail chosenNynorsk =
                mail.await(m -> m.isTo(toNynorsk), 1, WAIT).get(0);
        assertTrue(chosenNynorsk.subject().startsWith("Påmeldinga er stadfesta: Valgby"), chosenNynorsk.subject());
        MailSink.Mail chosenBokmaal =
                mail.await(m -> m.isTo(toBokmaal), 1, WAIT).get(0);
        assertTrue(chosenBokmaal.subject().startsWith("Påmelding bekreftet: Valgvik"), chosenBokmaal.subject());

        given().auth()
                .oauth2(admin)
                .delete("/api/v1/recipients/" + toBokmaal + "/language")
                .then()
                .statusCode(200)
                .body("language", equalTo("NYNORSK"))
                .body("source", equalTo("MUNICIPALITY"));
    }

    @Test
    void everyKindHasANynorskTextAndHtmlTemplateWithASubject() {
        List<String> missing = new ArrayList<>();
        List<String> templates = new ArrayList<>();
        for (MessageKind kind : MessageKind.values()) {
            templates.add(kind.template);
        }
        templates.add("digest");
        for (String name : templates.stream().distinct().toList()) {
            Template text = engine.getTemplate("messages/nn/" + name + ".txt");
            Template html = engine.getTemplate("messages/nn/" + name + ".html");
            if (text == null || html == null || text.getFragment("subject") == null) {
                missing.add(name);
            }
        }
        assertEquals(List.of(), missing, "kinds without a nynorsk text and HTML template with a subject");
    }

    /** A municipality whose målform the registry gives as nynorsk, with one contact; known here when this returns. */
    static String nynorskMunicipality(String name) {
        String k = OnlyThoseWhoCanActTest.municipality(name, "Digi Målform", null);
        String event = TestEvents.municipality(
                        k, name + " " + k, "Digi Målform", "HELSE_VEST", 4000, null, java.util.Map.of())
                .replace("\"epjVendor\": null", "\"epjVendor\": null, \"language\": \"NYNORSK\"");
        Given.send("registry.municipalities.v1", k, event);
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            MunicipalityProjection m = MunicipalityProjection.findById(k);
            return m != null && m.language == Language.NYNORSK;
        }));
        return k;
    }
}
