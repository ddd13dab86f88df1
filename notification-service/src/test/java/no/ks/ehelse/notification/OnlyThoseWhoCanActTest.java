package no.ks.ehelse.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import no.ks.ehelse.localstack.MailSink;
import no.ks.ehelse.localstack.TestEvents;
import no.ks.ehelse.localstack.TestTokens;
import no.ks.ehelse.notification.domain.ContactProjection;
import no.ks.ehelse.notification.domain.EnrollmentProjection;
import no.ks.ehelse.notification.domain.MunicipalityProjection;
import no.ks.ehelse.notification.domain.SolutionAdoption;
import no.ks.ehelse.notification.domain.TrackProjection;

/**
 * Deadline reminders and extensions reach only those who can act on them (docs/notifications.md, "Who can still
 * act"): one test per exclusion, each through Kafka to the SMTP server, each with a solution of its own so the
 * other tests' municipalities do not count.
 */
@QuarkusTest
class OnlyThoseWhoCanActTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger NUMBERS = new AtomicInteger(5600);

    private MailSink mail;
    private final String admin = TestTokens.forRole("admin");

    @BeforeEach
    void smtp() {
        mail = MailSink.forTests();
    }

    @Test
    void aMunicipalityAlreadyEnrolledInAnotherTrackOfTheSolutionIsNotReminded() {
        String solution = solution();
        String able = municipality("Kan Melde", "Digi Test A", null);
        String sibling = municipality("Allerede Påmeldt", "Digi Test A", null);
        UUID first = track(solution, null);
        UUID second = track(solution, null);
        enroll(first, sibling, "CONFIRMED");

        String event = deadlineApproaching(second, solution, 14);

        assertReminded(event, able);
        assertNotReminded(event, sibling);
    }

    @Test
    void aMunicipalityLiveOnTheSolutionIsNotReminded() {
        String solution = solution();
        String able = municipality("Kan Melde", "Digi Test B", null);
        String liveByTrack = municipality("Live Via Løp", "Digi Test B", null);
        String liveByNhn = municipality("Live Hos NHN", "Digi Test B", null);
        UUID earlier = track(solution, null);
        UUID track = track(solution, null);
        enroll(earlier, liveByTrack, "LIVE");
        // Live by NHN's data without ever enrolling here: adoption-stats' went-live.
        Given.send(
                "adoption.events.v1",
                liveByNhn,
                TestEvents.event(
                        "urn:no:ks:ehelse:adoption-stats",
                        "no.ks.ehelse.adoption.went-live.v1",
                        liveByNhn,
                        """
                {"kommunenummer": "%s", "solution": "%s", "effectiveDate": "%s"}""".formatted(liveByNhn, solution, LocalDate.now().minusMonths(2))));
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> SolutionAdoption.count("kommunenummer = ?1 and solution = ?2", liveByNhn, solution) == 1));

        String event = deadlineApproaching(track, solution, 14);

        assertReminded(event, able);
        assertNotReminded(event, liveByTrack);
        assertNotReminded(event, liveByNhn);
    }

    @Test
    void aPerVendorTrackRemindsOnlyMunicipalitiesOnItsVendor() {
        String solution = solution();
        String sameVendor = municipality("Samme Leverandør", "Digi Test C", "CGM");
        String otherVendor = municipality("Annen Leverandør", "Digi Test C", "InfoDoc");
        String unknownVendor = municipality("Ukjent Leverandør", "Digi Test C", null);
        UUID track = track(solution, "cgm");

        String event = deadlineApproaching(track, solution, 14);

        assertReminded(event, sameVendor);
        assertNotReminded(event, otherVendor);
        // Not known to be on another vendor: told rather than missed.
        assertReminded(event, unknownVendor);
    }

    @Test
    void aPerVendorTrackGoesByTheRegistrysVendorCodesWhereMunicipalitiesHaveThem() {
        String solution = solution();
        String code = "vendor-" + solution;
        // Free text that names the vendor in another spelling, as the seeds' "HsPro/Visma" does.
        String onIt = municipality("Kode Ja", "Digi Test C", "HsPro/" + code, List.of(code));
        String onAnother = municipality("Kode Nei", "Digi Test C", null, List.of("annen-" + code));
        String noCodes = municipality("Kode Ukjent", "Digi Test C", null);
        UUID track = track(solution, code);

        String event = deadlineApproaching(track, solution, 14);

        assertReminded(event, onIt);
        assertNotReminded(event, onAnother);
        // Enrollment-service refuses a municipality without the track's vendor: no reminder to sign up.
        assertNotReminded(event, noCodes);
    }

    @Test
    void aTrackForAVendorNoMunicipalityHasAsEpjVendorExcludesNobody() {
        String solution = solution();
        String a = municipality("Velferd A", "Digi Test D", "DIPS");
        UUID track = track(solution, "Eksempel VFT AS " + solution);

        assertReminded(deadlineApproaching(track, solution, 14), a);
    }

    @Test
    void aMunicipalityRemindedAboutTheSolutionWithinTheQuietPeriodIsNotRemindedAgain() {
        String solution = solution();
        String k = municipality("Påminnet", "Digi Test E", null);
        UUID track = track(solution, null);
        UUID sibling = track(solution, null);
        String first = deadlineApproaching(track, solution, 14);
        assertReminded(first, k);

        String again = deadlineApproaching(track, solution, 3);
        String siblingReminder = deadlineApproaching(sibling, solution, 10);

        assertNothingPlanned(again, k);
        assertNothingPlanned(siblingReminder, k);
        assertEquals(
                1,
                mail.mailsTo(contact(k)).stream()
                        .filter(m -> m.subject().startsWith("Påminnelse"))
                        .count(),
                "one reminder about the solution within 14 days");
    }

    @Test
    void anExtensionGoesToTheLeadDeputyAndOnlyTheNetworksWhoseMunicipalitiesItConcerns() {
        String solution = solution();
        String concerned = "Digi Berørt " + solution;
        String done = "Digi Ferdig " + solution;
        String empty = "Digi Tom " + solution;
        municipality("Kan Fortsatt", concerned, null);
        String enrolled = municipality("Har Meldt Seg", done, null);
        networkContact(concerned);
        networkContact(done);
        networkContact(empty);
        UUID track = track(solution, null);
        enroll(track, enrolled, "CONFIRMED");

        String event = UUID.randomUUID().toString();
        Given.send(
                "enrollment.tracks.v1",
                track.toString(),
                TestEvents.event(
                        event,
                        Given.ENROLLMENT,
                        "no.ks.ehelse.track.deadline-extended.v1",
                        track.toString(),
                        """
                {"trackId": "%s", "solution": "%s", "name": "Løp %s", "previousDeadline": "%s",
                 "registrationDeadline": "%s", "reason": "Flere kommuner har bedt om det"}""".formatted(
                                        track,
                                        solution,
                                        solution,
                                        LocalDate.now().plusDays(2),
                                        LocalDate.now().plusDays(16))));

        Set<String> expected = new TreeSet<>(List.of(
                "leder." + solution + "@ks.example",
                "nestleder." + solution + "@ks.example",
                networkAddress(concerned)));
        // Other tests' networks may be concerned too (their municipalities can enroll in this new solution).
        Set<String> told = mailedRecipients(event, expected.size());
        assertTrue(told.containsAll(expected), told.toString());
        assertFalse(told.contains(networkAddress(done)), told.toString());
        assertFalse(told.contains(networkAddress(empty)), told.toString());
        assertTrue(
                told.stream().allMatch(a -> a.startsWith("kontakt") || expected.contains(a)),
                "network contacts, the lead and the deputy only: " + told);
        for (String address : expected) {
            mail.await(m -> m.isTo(address) && m.subject().startsWith("Ny påmeldingsfrist"), 1, WAIT);
        }
        assertTrue(mail.mailsTo(networkAddress(done)).isEmpty(), "all its municipalities enrolled");
        assertTrue(mail.mailsTo(networkAddress(empty)).isEmpty(), "no municipality of its own");
    }

    // --- the situation -------------------------------------------------------------------------------------

    private static String solution() {
        return "losning-" + NUMBERS.incrementAndGet();
    }

    /** A municipality with one contact ({@link #contact}) and the given EPJ vendor. */
    static String municipality(String name, String network, String epjVendor) {
        return municipality(name, network, epjVendor, List.of());
    }

    /** ... and the given registry vendor codes. */
    static String municipality(String name, String network, String epjVendor, List<String> vendors) {
        String k = Integer.toString(NUMBERS.incrementAndGet());
        String event =
                TestEvents.municipality(k, name + " " + k, network, "HELSE_VEST", 4000, null, java.util.Map.of());
        if (epjVendor != null) {
            event = event.replace("\"epjVendor\": null", "\"epjVendor\": \"" + epjVendor + "\"");
        }
        if (!vendors.isEmpty()) {
            event = event.replace(
                    "\"epjVendor\":",
                    "\"vendors\": ["
                            + vendors.stream()
                                    .map(v -> "\"" + v + "\"")
                                    .collect(java.util.stream.Collectors.joining(", "))
                            + "], \"epjVendor\":");
        }
        Given.send("registry.municipalities.v1", k, event);
        Given.send(
                "registry.contacts.v1",
                k,
                TestEvents.event(Given.REGISTRY, "no.ks.ehelse.contacts.changed.v1", k, """
                {"kommunenummer": "%s", "network": null, "contacts": [{"id": "%s", "role": "EHEALTH_CONTACT",
                 "name": "Kontakt %s", "email": "%s", "phone": null}]}""".formatted(
                                k, UUID.randomUUID(), k, contact(k))));
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            MunicipalityProjection m = MunicipalityProjection.findById(k);
            return m != null && ContactProjection.count("kommunenummer", k) == 1;
        }));
        return k;
    }

    static String contact(String kommunenummer) {
        return "ehelse@k" + kommunenummer + ".kommune.example";
    }

    static String networkAddress(String network) {
        return "kontaktperson@" + network.toLowerCase().replaceAll("[^a-z0-9]+", "-") + ".example";
    }

    static void networkContact(String network) {
        Given.send(
                "registry.contacts.v1",
                network,
                TestEvents.event(Given.REGISTRY, "no.ks.ehelse.contacts.changed.v1", network, """
                {"kommunenummer": null, "network": "%s", "contacts": [{"id": "%s", "role": "EHEALTH_CONTACT",
                 "name": "Kontaktperson e-helse", "email": "%s", "phone": null}]}""".formatted(
                                network, UUID.randomUUID(), networkAddress(network))));
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ContactProjection.count("network", network) == 1));
    }

    /** An open track of {@code solution}, per vendor when {@code vendor} is set; known here when this returns. */
    static UUID track(String solution, String vendor) {
        UUID id = UUID.randomUUID();
        String event = Given.trackEvent(
                        id,
                        "Løp " + solution,
                        "leder." + solution + "@ks.example",
                        "nestleder." + solution + "@ks.example",
                        10,
                        LocalDate.now().plusDays(30))
                .replace("\"digihelsestasjon\"", "\"" + solution + "\"")
                .replace("\"vendor\": null", vendor == null ? "\"vendor\": null" : "\"vendor\": \"" + vendor + "\"");
        Given.send("enrollment.tracks.v1", id.toString(), event);
        await().atMost(WAIT)
                .until(() -> QuarkusTransaction.requiringNew().call(() -> TrackProjection.findById(id) != null));
        return id;
    }

    static UUID enroll(UUID track, String kommunenummer, String status) {
        UUID id = UUID.randomUUID();
        String solution =
                QuarkusTransaction.requiringNew().call(() -> TrackProjection.<TrackProjection>findById(track).solution);
        String type = "LIVE".equals(status) ? "went-live" : "enrolled";
        Given.send(
                "enrollment.enrollments.v1",
                kommunenummer,
                Given.enrollmentEvent(UUID.randomUUID().toString(), type, id, track, kommunenummer, status, null)
                        .replace("\"digihelsestasjon\"", "\"" + solution + "\""));
        await().atMost(WAIT)
                .until(() -> QuarkusTransaction.requiringNew().call(() -> EnrollmentProjection.findById(id) != null));
        return id;
    }

    static String deadlineApproaching(UUID track, String solution, int daysLeft) {
        String event = UUID.randomUUID().toString();
        Given.send(
                "enrollment.tracks.v1",
                track.toString(),
                TestEvents.event(
                        event,
                        Given.ENROLLMENT,
                        "no.ks.ehelse.track.deadline-approaching.v1",
                        track.toString(),
                        """
                {"trackId": "%s", "solution": "%s", "name": "Løp %s", "registrationDeadline": "%s",
                 "daysLeft": %d, "confirmed": 0, "waitlisted": 0, "networksWithoutEnrollment": []}""".formatted(track, solution, solution, LocalDate.now().plusDays(daysLeft), daysLeft)));
        return event;
    }

    private void assertReminded(String event, String kommunenummer) {
        mail.await(m -> m.isTo(contact(kommunenummer)) && m.subject().startsWith("Påminnelse"), 1, WAIT);
        await().atMost(WAIT).until(() -> mailStatuses(event).containsKey(contact(kommunenummer)));
    }

    /**
     * Nothing planned for the municipality's contact. Checked once the event's other messages exist: the
     * event's messages are all planned in one transaction, so a message that is not there by then never will be.
     */
    private void assertNotReminded(String event, String kommunenummer) {
        assertNothingPlanned(event, kommunenummer);
        assertTrue(
                mail.mailsTo(contact(kommunenummer)).stream()
                        .noneMatch(m -> m.subject().startsWith("Påminnelse")),
                "no reminder mailed to " + kommunenummer);
    }

    private void assertNothingPlanned(String event, String kommunenummer) {
        await().atMost(WAIT).until(() -> processed(event));
        assertTrue(
                !mailStatuses(event).containsKey(contact(kommunenummer)),
                "no reminder planned for " + kommunenummer + ": " + mailStatuses(event));
    }

    private static boolean processed(String eventId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                                        .createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id = :id")
                                        .setParameter("id", eventId)
                                        .getSingleResult())
                                .longValue()
                        > 0);
    }

    /**
     * Every page: a reminder goes to every municipality that can still enroll, and the module's other tests leave
     * many (with contacts) in the database, so one event's messages need not fit on the first page.
     */
    private java.util.Map<String, String> mailStatuses(String eventId) {
        java.util.Map<String, String> byRecipient = new java.util.TreeMap<>();
        int totalPages;
        int pageIndex = 0;
        do {
            JsonPath page = given().auth()
                    .oauth2(admin)
                    .queryParam("eventId", eventId)
                    .queryParam("channel", "EMAIL")
                    .queryParam("size", 100)
                    .queryParam("page", pageIndex)
                    .get("/api/v1/notifications")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<String> recipients = page.getList("items.recipient");
            List<String> statuses = page.getList("items.status");
            for (int i = 0; i < recipients.size(); i++) {
                byRecipient.put(recipients.get(i), statuses.get(i));
            }
            totalPages = page.getInt("totalPages");
            pageIndex++;
        } while (pageIndex < totalPages);
        return byRecipient;
    }

    private Set<String> mailedRecipients(String eventId, int atLeast) {
        await().atMost(WAIT).until(() -> mailStatuses(eventId).size() >= atLeast);
        return mailStatuses(eventId).keySet().stream().collect(Collectors.toCollection(TreeSet::new));
    }
}
