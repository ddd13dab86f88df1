package no.ks.ehelse.localstack;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the application's mailer at the test JVM's SMTP server ({@link MailSink#forTests()}), a real server
 * rather than Quarkus' mock mailbox, so tests see what an SMTP relay would receive.
 */
public class MailSinkTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.mailer.mock",
                "false",
                "quarkus.mailer.host",
                "127.0.0.1",
                "quarkus.mailer.port",
                Integer.toString(MailSink.testPort()),
                "quarkus.mailer.start-tls",
                "DISABLED");
    }

    @Override
    public void stop() {
        // The server belongs to the test code and lives as long as the test JVM.
    }
}
