package no.ks.ehelse.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.ehelse.localstack.TestTokens;
import no.ks.ehelse.localstack.WebhookReceiver;
import no.ks.ehelse.notification.domain.SecretCipher;
import no.ks.ehelse.notification.domain.WebhookSecrets;

/**
 * Webhook secrets at rest: the column holds only AES-GCM ciphertext (read with plain JDBC), receivers still
 * verify the signature, plain rows from before are encrypted by the start-up pass (idempotently), a rotation
 * re-encrypts under the new key, and a key that opens none of the stored secrets stops the start-up pass.
 */
@QuarkusTest
class WebhookSecretsAtRestTest {

    private static final String OTHER_KEY =
            Base64.getEncoder().encodeToString("another-test-only-key-32-bytes!!".getBytes());

    /** The fixed test-only key of application.properties (%test), which the running service uses. */
    private String testKey;

    @Inject
    DataSource db;

    @Inject
    EntityManager em;

    @Inject
    WebhookSecrets secrets;

    @BeforeEach
    void key() {
        testKey = ConfigProvider.getConfig().getValue("ehelse.notifications.webhooks.secret-key", String.class);
    }

    @Test
    void theColumnHoldsNoPlainSecretAndTheReceiverStillVerifiesTheSignature() throws SQLException {
        Given.municipalityWithContacts("4640", "Testvik", "Testvik digi", "ehelse@testvik.kommune.example.test");
        UUID track = Given.track("Testløp hemmeligheter", "leder.h@ks.example.test", "nestleder.h@ks.example.test", 5);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath created = given().auth()
                    .oauth2(TestTokens.forRole("admin"))
                    .contentType(ContentType.JSON)
                    .body("""
                    {"eventTypes": ["no.ks.ehelse.enrollment.enrolled.v1"], "channel": "WEBHOOK",
                     "address": "%s", "trackId": "%s"}""".formatted(receiver.url("/secret"), track))
                    .post("/api/v1/subscriptions")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath();
            String secret = created.getString("secret");
            UUID id = UUID.fromString(created.getString("id"));
            receiver.secret("/secret", secret);

            String stored = column(id);
            assertFalse(stored.contains(secret), stored);
            assertFalse(stored.contains(secret.substring("whsec_".length())), "not even the key bytes' base64");
            assertTrue(
                    stored.startsWith("v1:" + new SecretCipher(testKey, List.of(), "K").currentKeyId() + ":"), stored);

            Given.enrollment("enrolled", UUID.randomUUID(), track, "4640", "CONFIRMED", null);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !receiver.calls("/secret").isEmpty());
            WebhookReceiver.Call call = receiver.calls("/secret").get(0);
            assertTrue(call.signatureValid(), "signed with the decrypted secret: " + call);
        }
    }

    @Test
    void aPlainSecretFromBeforeIsEncryptedByTheStartUpPassOnce() throws SQLException {
        UUID id = UUID.randomUUID();
        String plain = "whsec_" + Base64.getEncoder().encodeToString("a plain secret from an old release".getBytes());
        try (Connection c = db.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO subscription (id, owner, event_types, channel, address, kommunenummer, "
                                + "created_at, secret) VALUES (?, 'test', ARRAY['no.ks.ehelse.enrollment.went-live.v1'], "
                                + "'WEBHOOK', 'http://127.0.0.1:9/old', '4642', now(), ?)")) {
            insert.setObject(1, id);
            insert.setString(2, plain);
            insert.executeUpdate();
        }

        assertTrue(secrets.encryptAtRest() >= 1);
        String sealed = column(id);
        assertNotEquals(plain, sealed);
        assertEquals(plain, new SecretCipher(testKey, List.of(), "K").open(sealed, id.toString()));
        assertEquals(0, secrets.encryptAtRest(), "a second run changes nothing");
        assertEquals(sealed, column(id));
    }

    @Test
    void aRotationReEncryptsUnderTheNewKeyAndAWrongKeyStopsTheStartUpPass() throws SQLException {
        UUID id = subscribeWebhook();
        String before = column(id);

        SecretCipher.KeyProblem wrong = assertThrows(SecretCipher.KeyProblem.class, () -> new WebhookSecrets(
                        new SecretCipher(OTHER_KEY, List.of(), "EHELSE_WEBHOOK_SECRET_KEY"), em)
                .encryptAtRest());
        assertTrue(wrong.getMessage().contains("the wrong key is configured"), wrong.getMessage());
        assertEquals(before, column(id), "nothing changed");

        String otherId = new SecretCipher(OTHER_KEY, List.of(), "K").currentKeyId();
        try {
            assertTrue(new WebhookSecrets(new SecretCipher(OTHER_KEY, List.of(testKey), "K"), em).encryptAtRest() >= 1);
            assertTrue(column(id).startsWith("v1:" + otherId + ":"), column(id));
        } finally {
            // Back to the key the running service has, so the other tests' deliveries still sign.
            new WebhookSecrets(new SecretCipher(testKey, List.of(OTHER_KEY), "K"), em).encryptAtRest();
        }
        assertFalse(column(id).startsWith("v1:" + otherId + ":"));
        assertEquals(
                new SecretCipher(testKey, List.of(), "K").open(before, id.toString()),
                new SecretCipher(testKey, List.of(), "K").open(column(id), id.toString()));
    }

    private UUID subscribeWebhook() {
        return UUID.fromString(given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("""
                {"eventTypes": ["no.ks.ehelse.enrollment.went-live.v1"], "channel": "WEBHOOK",
                 "address": "http://127.0.0.1:9/rotation", "kommunenummer": "4641"}""")
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    private String column(UUID id) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT secret FROM subscription WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next(), "subscription " + id);
                return rs.getString(1);
            }
        }
    }
}
