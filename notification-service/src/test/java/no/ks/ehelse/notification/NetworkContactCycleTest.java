package no.ks.ehelse.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.ks.ehelse.localstack.MailSink;
import no.ks.ehelse.localstack.TestEvents;
import no.ks.ehelse.localstack.TestTokens;
import no.ks.ehelse.notification.domain.Acknowledgement;
import no.ks.ehelse.notification.domain.ContactProjection;
import no.ks.ehelse.notification.domain.Notification;
import no.ks.ehelse.notification.domain.SourceEvent;
import no.ks.ehelse.notification.domain.TrackProjection;

/**
 * The measurement for issue 18: how many mails each network's e-health contact (and each municipality) receives
 * over one track's full cycle: opened, reminders 14 and 3 days before the deadline, the deadline extended, one
 * enrollment that is never acknowledged, the deadline passed, went-live, and 15 days on the clock. Printed as
 * {@code CYCLE <address> <count>}; the same scenario run on the code before this change gives the "before" numbers
 * (docs/notifications.md, "Measured"). Only events the other services already publish, so it runs on either.
 */
@QuarkusTest
class NetworkContactCycleTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SOLUTION = "syklus";
    private static final String CONCERNED = "Digi Syklus";
    private static final String DONE = "Digi Ferdig";
    private static final List<String> ADDRESSES = List.of(
            "kontakt@digi-syklus.example",
            "kontakt@digi-ferdig.example",
            "ehelse@paamelder.kommune.example",
            "ehelse@live.kommune.example",
            "ehelse@venter.kommune.example",
            "ehelse@sosken.kommune.example");

    @Test
    void aNetworkContactHearsOnlyWhatConcernsItsMunicipalities() throws Exception {
        MailSink mail = MailSink.forTests();
        String admin = TestTokens.forRole("admin");
        networkContact(CONCERNED, "kontakt@digi-syklus.example");
        networkContact(DONE, "kontakt@digi-ferdig.example");
        Given.municipalityWithContacts("5701", "Påmelder", CONCERNED, "ehelse@paamelder.kommune.example");
        Given.municipalityWithContacts("5702", "Allerede Live", CONCERNED, "ehelse@live.kommune.example");
        Given.municipalityWithContacts("5703", "Venter Ennå", CONCERNED, "ehelse@venter.kommune.example");
        Given.municipalityWithContacts("5704", "Søskenløp", DONE, "ehelse@sosken.kommune.example");
        Given.send(
                "adoption.events.v1",
                "5702",
                TestEvents.event(
                        "urn:no:ks:ehelse:adoption-stats", "no.ks.ehelse.adoption.went-live.v1", "5702", """
                {"kommunenummer": "5702", "solution": "%s", "effectiveDate": "%s"}""".formatted(
                                        SOLUTION, LocalDate.now().minusMonths(3))));
        UUID sibling = track("Syklus pulje 1");
        UUID track = track("Syklus pulje 2");
        UUID siblingEnrollment = UUID.randomUUID();
        enrollment("enrolled", siblingEnrollment, sibling, "5704", "CONFIRMED");
        Thread.sleep(3000); // the adoption and the sibling enrollment are projected before the reminders

        for (int daysLeft : new int[] {14, 3}) {
            Given.send(
                    "enrollment.tracks.v1",
                    track.toString(),
                    TestEvents.event(
                            Given.ENROLLMENT,
                            "no.ks.ehelse.track.deadline-approaching.v1",
                            track.toString(),
                            """
                    {"trackId": "%s", "solution": "%s", "name": "Syklus pulje 2", "registrationDeadline": "%s",
                     "daysLeft": %d, "confirmed": 0, "waitlisted": 0, "networksWithoutEnrollment": []}""".formatted(track, SOLUTION, LocalDate.now().plusDays(daysLeft), daysLeft)));
        }
        String extended = UUID.randomUUID().toString();
        Given.send(
                "enrollment.tracks.v1",
                track.toString(),
                TestEvents.event(
                        extended,
                        Given.ENROLLMENT,
                        "no.ks.ehelse.track.deadline-extended.v1",
                        track.toString(),
                        """
                {"trackId": "%s", "solution": "%s", "name": "Syklus pulje 2", "previousDeadline": "%s",
                 "registrationDeadline": "%s", "reason": "Flere kommuner ba om det"}""".formatted(
                                        track,
                                        SOLUTION,
                                        LocalDate.now().plusDays(3),
                                        LocalDate.now().plusDays(17))));
        // The reminders before it plan a message to every municipality the module's other tests left, so the
        // extension may take a while; it is planned (the lead at least) before the municipality enrolls.
        await().atMost(Duration.ofSeconds(90))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> Notification.count("eventId", extended) > 0));
        UUID enrollment = UUID.randomUUID();
        enrollment("enrolled", enrollment, track, "5701", "CONFIRMED");
        Given.send(
                "enrollment.tracks.v1",
                track.toString(),
                TestEvents.event(
                        Given.ENROLLMENT, "no.ks.ehelse.track.deadline-passed.v1", track.toString(), """
                {"trackId": "%s", "solution": "%s", "name": "Syklus pulje 2", "registrationDeadline": "%s",
                 "daysLeft": 0, "confirmed": 1, "waitlisted": 0, "networksWithoutEnrollment": []}""".formatted(
                                        track, SOLUTION, LocalDate.now())));
        awaitAcknowledgements(Acknowledgement.Status.AWAITING, enrollment, siblingEnrollment);
        Instant start = Instant.now();
        try {
            clock(admin, start.plus(Duration.ofDays(8)));
            awaitAcknowledgements(Acknowledgement.Status.REMINDED, enrollment, siblingEnrollment);
            // The module's other tests leave acknowledgements of their own, which the same jump reminds first, so
            // ours may have been reminded a little after day 8; day 15 is then a week after that at the earliest.
            Instant escalation = start.plus(Duration.ofDays(15));
            for (UUID id : List.of(enrollment, siblingEnrollment)) {
                Instant due = QuarkusTransaction.requiringNew().call(() -> Acknowledgement.<Acknowledgement>findById(id)
                        .nextCheckAt
                        .toInstant());
                escalation = due.isAfter(escalation) ? due.plusSeconds(1) : escalation;
            }
            clock(admin, escalation);
            awaitAcknowledgements(Acknowledgement.Status.ESCALATED, enrollment, siblingEnrollment);
            String wentLive = enrollment("went-live", enrollment, track, "5701", "LIVE");
            // Consumed (the moved clock makes it too old to tell anyone, which is not what is counted here).
            await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                    .call(() -> ((Number) SourceEvent.getEntityManager()
                                            .createNativeQuery(
                                                    "SELECT count(*) FROM processed_event WHERE event_id = :id")
                                            .setParameter("id", wentLive)
                                            .getSingleResult())
                                    .intValue()
                            == 1));
            // Sent while the clock is still moved: a message planned on day 15 is due on day 15, not today. Only this
            // scenario's recipients: the module's other tests leave messages that wait on retries or digests, and the
            // reminders above went to every municipality they left, which are sent one at a time before or among ours.
            await().atMost(Duration.ofMinutes(3)).until(() -> ADDRESSES.stream().allMatch(address -> given().auth()
                    .oauth2(admin)
                    .queryParam("status", "PENDING")
                    .queryParam("channel", "EMAIL")
                    .queryParam("recipient", address)
                    .get("/api/v1/notifications")
                    .then()
                    .statusCode(200)
                    .extract()
                    .<List<?>>path("items")
                    .isEmpty()));
        } finally {
            clock(admin, Instant.now());
        }

        QuarkusTransaction.requiringNew().run(() -> Notification.<Notification>list("eventId", extended)
                .forEach(n -> System.out.println(
                        "CYCLE extension " + n.channel + " " + n.recipient + " " + n.status + " " + n.lastError)));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String address : ADDRESSES) {
            counts.put(address, (long) mail.mailsTo(address).size());
            System.out.println("CYCLE " + address + " " + mail.mailsTo(address).size() + " "
                    + mail.mailsTo(address).stream().map(MailSink.Mail::subject).toList());
        }
        // Digi Syklus: the extension (Venter Ennå can still enroll) and the escalation about Påmelder, which never
        // acknowledged. Digi Ferdig: no extension (its only municipality is in the sibling track), but the
        // escalation about that municipality's own unacknowledged confirmation.
        assertEquals(2, counts.get("kontakt@digi-syklus.example"));
        assertEquals(1, counts.get("kontakt@digi-ferdig.example"));
        assertEquals(0, counts.get("ehelse@live.kommune.example"), "live on the solution");
        assertEquals(1, counts.get("ehelse@venter.kommune.example"), "one reminder in 14 days");
        assertEquals(
                2,
                counts.get("ehelse@sosken.kommune.example"),
                "its confirmation and the one reminder to acknowledge it");
    }

    private static void awaitAcknowledgements(Acknowledgement.Status status, UUID... enrollments) {
        await().atMost(Duration.ofSeconds(90))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> {
                    for (UUID id : enrollments) {
                        Acknowledgement a = Acknowledgement.findById(id);
                        if (a == null || a.status != status) {
                            return false;
                        }
                    }
                    return true;
                }));
    }

    private static void networkContact(String network, String email) {
        Given.send(
                "registry.contacts.v1",
                network,
                TestEvents.event(Given.REGISTRY, "no.ks.ehelse.contacts.changed.v1", network, """
                {"kommunenummer": null, "network": "%s", "contacts": [{"id": "%s", "role": "EHEALTH_CONTACT",
                 "name": "Kontaktperson e-helse", "email": "%s", "phone": null}]}""".formatted(
                                network, UUID.randomUUID(), email)));
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ContactProjection.count("network", network) == 1));
    }

    private static UUID track(String name) {
        UUID id = UUID.randomUUID();
        Given.send(
                "enrollment.tracks.v1",
                id.toString(),
                Given.trackEvent(
                                id,
                                name,
                                "leder.syklus@ks.example",
                                "nestleder.syklus@ks.example",
                                10,
                                LocalDate.now().plusDays(14))
                        .replace("\"digihelsestasjon\"", "\"" + SOLUTION + "\""));
        await().atMost(WAIT)
                .until(() -> QuarkusTransaction.requiringNew().call(() -> TrackProjection.findById(id) != null));
        return id;
    }

    private static String enrollment(String type, UUID id, UUID track, String k, String status) {
        String eventId = UUID.randomUUID().toString();
        Given.send(
                "enrollment.enrollments.v1",
                k,
                Given.enrollmentEvent(eventId, type, id, track, k, status, null)
                        .replace("\"digihelsestasjon\"", "\"" + SOLUTION + "\""));
        return eventId;
    }

    private static void clock(String admin, Instant now) {
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"now\": \"" + now + "\"}")
                .put("/api/v1/admin/clock")
                .then()
                .statusCode(200);
    }
}
