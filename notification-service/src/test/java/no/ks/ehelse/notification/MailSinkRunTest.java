package no.ks.ehelse.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import no.ks.ehelse.localstack.MailSink;
import no.ks.ehelse.localstack.TestEvents;
import no.ks.ehelse.notification.domain.Channel;
import no.ks.ehelse.notification.domain.ContactProjection;
import no.ks.ehelse.notification.domain.Notification;
import no.ks.ehelse.notification.domain.NotificationStatus;

/**
 * The local mail sink as the README promises, fed by this service: 200 mails planned from one event and sent by
 * the dispatcher's parallel workers leave exactly one {@code .eml} file each, with 200 different Message-IDs, and
 * as many files as the service reports SENT.
 */
@QuarkusTest
class MailSinkRunTest {

    private static final int MAILS = 200;

    @Test
    void everySentMailIsOneEmlFile() throws Exception {
        // Not a @TempDir: the sink keeps writing later tests' mails here, and a deleted directory would fail them.
        Path directory = Path.of("target", "mail-run-" + UUID.randomUUID());
        MailSink.forTests().writeTo(directory, line -> {});

        String k = OnlyThoseWhoCanActTest.municipality("Mangeadresser", "Digi Mange", null);
        List<String> addresses = new ArrayList<>();
        StringBuilder contacts = new StringBuilder();
        for (int i = 0; i < MAILS; i++) {
            String address = "kontakt" + i + "@k" + k + ".kommune.example";
            addresses.add(address);
            contacts.append(i == 0 ? "" : ", ").append("""
                    {"id": "%s", "role": "EHEALTH_CONTACT", "name": null, "email": "%s", "phone": null}""".formatted(UUID.randomUUID(), address));
        }
        Given.send(
                "registry.contacts.v1",
                k,
                TestEvents.event(Given.REGISTRY, "no.ks.ehelse.contacts.changed.v1", k, """
                {"kommunenummer": "%s", "network": null, "contacts": [%s]}""".formatted(k, contacts)));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ContactProjection.count("kommunenummer", k) == MAILS));

        UUID track = OnlyThoseWhoCanActTest.track("mange-adresser", null);
        OnlyThoseWhoCanActTest.enroll(track, k, "CONFIRMED");

        Set<String> wanted = new HashSet<>(addresses);
        await().atMost(Duration.ofSeconds(120))
                .until(() -> sent(k) == MAILS && filesTo(directory, wanted).size() == MAILS);
        List<String> files = filesTo(directory, wanted);
        assertEquals(sent(k), files.size(), "one .eml per SENT mail");
        Set<String> ids = files.stream().map(f -> header(f, "Message-ID")).collect(Collectors.toSet());
        assertEquals(MAILS, ids.size(), "no two files with the same Message-ID");
        Set<String> to = files.stream().map(f -> header(f, "To")).collect(Collectors.toSet());
        assertEquals(wanted, to, "every address once");
    }

    private static long sent(String kommunenummer) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Notification.count(
                        "kommunenummer = ?1 and channel = ?2 and status = ?3",
                        kommunenummer,
                        Channel.EMAIL,
                        NotificationStatus.SENT));
    }

    /** The raw files (as written) whose To header is one of {@code addresses}. */
    private static List<String> filesTo(Path directory, Set<String> addresses) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".eml"))
                    .map(f -> {
                        try {
                            return Files.readString(f, StandardCharsets.ISO_8859_1);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .filter(raw -> addresses.contains(header(raw, "To")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(String raw, String name) {
        for (String line :
                raw.substring(0, Math.max(0, raw.indexOf("\r\n\r\n"))).split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return "";
    }
}
