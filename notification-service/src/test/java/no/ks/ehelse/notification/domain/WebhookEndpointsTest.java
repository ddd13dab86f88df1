package no.ks.ehelse.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import no.ks.ehelse.notification.domain.WebhookEndpointsAccess;
import no.ks.ehelse.notification.infra.WebhookSignature;

/** The SSRF guard with production settings, and signing against the Standard Webhooks reference example. */
class WebhookEndpointsTest {

    @ParameterizedTest
    @ValueSource(strings = { "https://127.0.0.1/hook", "https://localhost/hook", "https://10.1.2.3/hook",
            "https://192.168.0.10/hook", "https://172.16.5.5/hook", "https://169.254.169.254/latest/meta-data",
            "https://100.64.0.1/hook", "https://[::1]/hook", "https://[fd00::1]/hook", "https://0.0.0.0/hook",
            "http://93.184.215.14/hook", "https://user:pw@93.184.215.14/hook", "https://no-such-host.invalid/hook" })
    void productionRefusesPlainHttpAndInternalOrUnresolvableHosts(String url) {
        assertTrue(WebhookEndpointsAccess.production().refusal(url).isPresent(), url);
    }

    @Test
    void productionAcceptsAPublicHttpsAddress() {
        assertTrue(WebhookEndpointsAccess.production().refusal("https://93.184.215.14/hook").isEmpty());
    }

    @Test
    void testSettingsAllowALocalHttpReceiver() {
        assertTrue(WebhookEndpointsAccess.forTests().refusal("http://127.0.0.1:8089/hook").isEmpty());
        assertTrue(WebhookEndpointsAccess.forTests().refusal("ftp://127.0.0.1/hook").isPresent());
    }

    @Test
    void signatureMatchesTheStandardWebhooksExample() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}"));
    }
}
