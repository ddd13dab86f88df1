package no.ks.ehelse.notification;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import no.ks.ehelse.localstack.TestEvents;
import no.ks.ehelse.notification.domain.ContactProjection;
import no.ks.ehelse.notification.domain.MunicipalityProjection;

/**
 * The other services' events, as a plain producer sends them (schema-checked by {@link TestEvents}): what the
 * registry and enrollment-service would publish. All names and addresses are fictitious.
 */
final class Given {

    static final String REGISTRY = "urn:no:ks:ehelse:registry";
    static final String ENROLLMENT = "urn:no:ks:ehelse:enrollment";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Given() {}

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static void municipality(String number, String name, String network) {
        TestEvents.send(
                bootstrap(),
                "registry.municipalities.v1",
                number,
                TestEvents.municipality(number, name, network, "HELSE_VEST", 5000, null, Map.of()));
    }

    /** A municipality with its contacts: each address gets role EHEALTH_CONTACT. */
    static void municipalityWithContacts(String number, String name, String network, String... emails) {
        municipality(number, name, network);
        String contacts = List.of(emails).stream()
                .map(e -> """
                {"id": "%s", "role": "EHEALTH_CONTACT", "name": "Kontakt %s", "email": "%s", "phone": null}""".formatted(UUID.randomUUID(), name, e))
                .collect(Collectors.joining(", ", "[", "]"));
        TestEvents.send(
                bootstrap(),
                "registry.contacts.v1",
                number,
                TestEvents.event(
                        REGISTRY,
                        "no.ks.ehelse.contacts.changed.v1",
                        number,
                        "{\"kommunenummer\": \"%s\", \"network\": null, \"contacts\": %s}"
                                .formatted(number, contacts)));
        // Contacts and enrollments travel on different topics (as in production, where contacts are registered
        // long before a municipality enrolls); wait until both projections have this municipality.
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ContactProjection.count("kommunenummer", number) == emails.length
                        && MunicipalityProjection.findById(number) != null));
    }

    /** An open track with a lead and a deputy, one prerequisite and a kick-off. */
    static UUID track(String name, String lead, String deputy, int capacity) {
        UUID id = UUID.randomUUID();
        TestEvents.send(
                bootstrap(),
                "enrollment.tracks.v1",
                id.toString(),
                trackEvent(id, name, lead, deputy, capacity, LocalDate.now().plusDays(30)));
        return id;
    }

    static String trackEvent(UUID id, String name, String lead, String deputy, int capacity, LocalDate deadline) {
        return TestEvents.event(ENROLLMENT, "no.ks.ehelse.track.opened.v1", id.toString(), """
                {"id": "%s", "solution": "digihelsestasjon", "name": "%s", "cohort": "2026", "vendor": null,
                 "description": "Digital helsestasjon for foreldre og barn.", "capacity": %d,
                 "registrationOpens": null, "registrationDeadline": "%s", "kickOff": "%s", "closing": null,
                 "status": "OPEN", "phases": [], "milestones": [{"kind": "KICK_OFF", "title": null, "date": "%s"}],
                 "prerequisites": [{"id": "helseid", "category": "TECHNICAL", "description": "HelseID-klient bestilt",
                                    "dueDate": "%s"}],
                 "workingGroup": [{"role": "LEAD", "name": "Innføringsleder Test", "email": "%s"},
                                  {"role": "DEPUTY", "name": "Stedfortreder Test", "email": "%s"}]}""".formatted(
                        id,
                        name,
                        capacity,
                        deadline,
                        deadline.plusDays(20),
                        deadline.plusDays(20),
                        deadline.plusDays(10),
                        lead,
                        deputy));
    }

    /** An enrollment event; returns its event id. */
    static String enrollment(
            String type, UUID enrollmentId, UUID trackId, String kommunenummer, String status, Integer position) {
        String id = UUID.randomUUID().toString();
        send(
                "enrollment.enrollments.v1",
                kommunenummer,
                enrollmentEvent(id, type, enrollmentId, trackId, kommunenummer, status, position));
        return id;
    }

    static String enrollmentEvent(
            String eventId,
            String type,
            UUID enrollmentId,
            UUID trackId,
            String kommunenummer,
            String status,
            Integer position) {
        return TestEvents.event(
                eventId, ENROLLMENT, "no.ks.ehelse.enrollment." + type + ".v1", kommunenummer, """
                {"id": "%s", "trackId": "%s", "solution": "digihelsestasjon", "kommunenummer": "%s",
                 "status": "%s", "waitlistPosition": %s, "late": false, "lateReason": null, "phase": null,
                 "prerequisitesDone": [], "wentLiveOn": %s, "reason": null, "deadlineItem": null, "deadline": null}""".formatted(
                                enrollmentId,
                                trackId,
                                kommunenummer,
                                status,
                                position,
                                "LIVE".equals(status) ? "\"" + LocalDate.now() + "\"" : "null"));
    }

    static void deadlineApproaching(UUID trackId, String name, int daysLeft) {
        TestEvents.send(
                bootstrap(),
                "enrollment.tracks.v1",
                trackId.toString(),
                TestEvents.event(
                        ENROLLMENT, "no.ks.ehelse.track.deadline-approaching.v1", trackId.toString(), """
                        {"trackId": "%s", "solution": "digihelsestasjon", "name": "%s", "registrationDeadline": "%s",
                         "daysLeft": %d, "confirmed": 0, "waitlisted": 0, "networksWithoutEnrollment": []}""".formatted(
                                        trackId, name, LocalDate.now().plusDays(daysLeft), daysLeft)));
    }

    static void deadlinePassed(UUID trackId, String name, List<String> networksWithout) {
        String networks = networksWithout.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
        TestEvents.send(
                bootstrap(),
                "enrollment.tracks.v1",
                trackId.toString(),
                TestEvents.event(ENROLLMENT, "no.ks.ehelse.track.deadline-passed.v1", trackId.toString(), """
                        {"trackId": "%s", "solution": "digihelsestasjon", "name": "%s", "registrationDeadline": "%s",
                         "daysLeft": 0, "confirmed": 2, "waitlisted": 1, "networksWithoutEnrollment": [%s]}""".formatted(
                                trackId, name, LocalDate.now(), networks)));
    }

    /** The same event as if it had happened {@code age} ago (its CloudEvents {@code time}). */
    static String aged(String event, Duration age) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(event);
            node.put("time", Instant.now().minus(age).toString());
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An envelope around {@code data} without the schema check, for records a consumer must refuse. */
    static String unchecked(String source, String type, String subject, String data) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "%s", "type": "%s", "subject": "%s", "time": "%s",
                 "datacontenttype": "application/json", "data": %s}""".formatted(UUID.randomUUID(), source, type, subject, Instant.now(), data);
    }

    static void send(String topic, String key, String value) {
        TestEvents.send(bootstrap(), topic, key, value);
    }
}
