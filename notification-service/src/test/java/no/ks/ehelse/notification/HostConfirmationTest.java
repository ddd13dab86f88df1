package no.ks.ehelse.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import no.ks.ehelse.localstack.MailSink;

/**
 * A partner enrollment (a host municipality enrolled its partner under a vertskommune arrangement) arrives on
 * enrollment.enrollments.v1 with {@code host}: the confirmation goes through Kafka and SMTP to the partner's
 * contacts and the host's, and an ordinary enrollment still only to the municipality's own.
 */
@QuarkusTest
class HostConfirmationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void theConfirmationOfAPartnerEnrollmentIsMailedToThePartnerAndTheHost() {
        MailSink mail = MailSink.forTests();
        Given.municipalityWithContacts("5035", "Stjørdal", "digi-trondelag", "ehelse@stjordal.kommune.example");
        Given.municipalityWithContacts("5034", "Meråker", "digi-trondelag", "ehelse@meraker.kommune.example");
        Given.municipalityWithContacts("5036", "Frosta", "digi-trondelag", "ehelse@frosta.kommune.example");
        UUID track = Given.track("Værnes-løpet", "leder.v@ks.example", "nestleder.v@ks.example", 10);
        UUID hostEnrollment = UUID.randomUUID();
        Given.enrollment("enrolled", hostEnrollment, track, "5035", "CONFIRMED", null);
        mail.await(m -> m.isTo("ehelse@stjordal.kommune.example"), 1, WAIT);

        for (String partner : new String[] {"5034", "5036"}) {
            String event = Given.enrollmentEvent(
                            UUID.randomUUID().toString(),
                            "enrolled",
                            UUID.randomUUID(),
                            track,
                            partner,
                            "CONFIRMED",
                            null)
                    .replace(
                            "\"deadline\": null}",
                            "\"deadline\": null, \"host\": {\"enrollmentId\": \"" + hostEnrollment
                                    + "\", \"kommunenummer\": \"5035\"}}");
            Given.send("enrollment.enrollments.v1", partner, event);
        }

        MailSink.Mail meraker = mail.await(m -> m.isTo("ehelse@meraker.kommune.example"), 1, WAIT)
                .get(0);
        MailSink.Mail frosta = mail.await(m -> m.isTo("ehelse@frosta.kommune.example"), 1, WAIT)
                .get(0);
        assertTrue(meraker.subject().startsWith("Påmelding bekreftet: Meråker"), meraker.subject());
        assertTrue(frosta.subject().startsWith("Påmelding bekreftet: Frosta"), frosta.subject());
        var toHost = mail.await(m -> m.isTo("ehelse@stjordal.kommune.example"), 3, WAIT);
        assertEquals(
                2,
                toHost.stream()
                        .filter(m ->
                                m.subject().contains("Meråker") || m.subject().contains("Frosta"))
                        .count(),
                "the host hears of each partner it enrolled: "
                        + toHost.stream().map(MailSink.Mail::subject).toList());
    }
}
