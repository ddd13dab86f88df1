package no.ks.ehelse.notification.domain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF guard with production settings, and the relaxed settings of tests and the local run. */
class WebhookEndpointsTest {

    private static final WebhookEndpoints PRODUCTION = new WebhookEndpoints(true, false);
    private static final WebhookEndpoints TESTS = new WebhookEndpoints(false, true);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1/hook",
                "https://localhost/hook",
                "https://10.1.2.3/hook",
                "https://192.168.0.10/hook",
                "https://172.16.5.5/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://100.64.0.1/hook",
                "https://[::1]/hook",
                "https://[fd00::1]/hook",
                "https://0.0.0.0/hook",
                "http://93.184.215.14/hook",
                "https://user:pw@93.184.215.14/hook",
                "https://no-such-host.invalid/hook"
            })
    void productionRefusesPlainHttpAndInternalOrUnresolvableHosts(String url) {
        assertTrue(PRODUCTION.refusal(url).isPresent(), url);
    }

    @Test
    void productionAcceptsAPublicHttpsAddress() {
        assertTrue(PRODUCTION.refusal("https://93.184.215.14/hook").isEmpty());
    }

    @Test
    void testSettingsAllowALocalHttpReceiver() {
        assertTrue(TESTS.refusal("http://127.0.0.1:8089/hook").isEmpty());
        assertTrue(TESTS.refusal("ftp://127.0.0.1/hook").isPresent());
    }
}
