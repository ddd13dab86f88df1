package no.ks.ehelse.suite;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import no.ks.ehelse.localstack.TestEvents;

/** One valid record per consumed topic, sent right after a poison record with the same key (same partition). */
final class Good {

    private static final UUID TRACK = UUID.randomUUID();
    private static final UUID MEETING = UUID.randomUUID();
    private static final UUID RECEIPT = UUID.randomUUID();
    private static final UUID ARRANGEMENT = UUID.randomUUID();

    private Good() {}

    static String keyOf(String topic) {
        return switch (topic) {
            case "registry.solutions.v1" -> "pll";
            case "registry.municipalities.v1" -> "1201";
            case "enrollment.tracks.v1" -> TRACK.toString();
            case "enrollment.meetings.v1" -> MEETING.toString();
            default -> "4601";
        };
    }

    /** {@code Map.of} for more than its ten pairs: a good record per consumed topic. */
    @SuppressWarnings("unchecked")
    static <V> Map<String, V> pairs(Object... keysAndValues) {
        Map<String, V> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    static Map<String, String> records() {
        String today = LocalDate.now().toString();
        String inAMonth = LocalDate.now().plusMonths(1).toString();
        return pairs(
                "registry.solutions.v1", TestEvents.solution("pll", "Pasientens legemiddelliste"),
                "registry.municipalities.v1",
                        TestEvents.municipality(
                                "1201", "Bergen", null, null, null, "2019-12-31", Map.of("4601", "Bergen")),
                "registry.contacts.v1",
                        TestEvents.event(
                                "urn:no:ks:ehelse:registry", "no.ks.ehelse.contacts.changed.v1", "4601", """
                                {"kommunenummer": "4601", "network": null, "contacts": [{"id": "%s",
                                 "role": "GENERAL_INBOX", "name": null, "email": "postmottak@bergen.kommune.example",
                                 "phone": null}]}""".formatted(
                                                UUID.randomUUID())),
                "enrollment.tracks.v1",
                        TestEvents.event(
                                "urn:no:ks:ehelse:enrollment",
                                "no.ks.ehelse.track.created.v1",
                                TRACK.toString(),
                                """
                                {"id": "%s", "solution": "pll", "name": "PLL etter gift", "registrationDeadline": "%s",
                                 "status": "DRAFT", "phases": [], "milestones": [], "prerequisites": [],
                                 "workingGroup": []}""".formatted(TRACK, today)),
                "enrollment.enrollments.v1",
                        TestEvents.event(
                                "urn:no:ks:ehelse:enrollment",
                                "no.ks.ehelse.enrollment.withdrawn.v1",
                                "4601",
                                """
                                {"id": "%s", "trackId": "%s", "solution": "pll", "kommunenummer": "4601",
                                 "status": "WITHDRAWN", "late": false, "prerequisitesDone": []}""".formatted(UUID.randomUUID(), TRACK)),
                "adoption.events.v1",
                        TestEvents.event(
                                "urn:no:ks:ehelse:adoption-stats",
                                "no.ks.ehelse.adoption.went-live.v1",
                                "4601",
                                """
                                {"kommunenummer": "4601", "solution": "sfm", "effectiveDate": "%s"}""".formatted(today)),
                "enrollment.meetings.v1",
                        TestEvents.event(
                                "urn:no:ks:ehelse:enrollment",
                                "no.ks.ehelse.meeting.scheduled.v1",
                                MEETING.toString(),
                                """
                                {"meetingId": "%s", "sequence": 0, "solution": "pll",
                                 "solutionName": "Pasientens legemiddelliste", "trackId": null,
                                 "title": "Informasjonsmøte om PLL", "description": null,
                                 "start": "%sT10:00:00+01:00", "end": "%sT11:00:00+01:00", "timeZone": "Europe/Oslo",
                                 "onlineUrl": "https://mote.example.test/pll", "place": null, "capacity": null,
                                 "registrationClosesAt": "%sT09:00:00+01:00",
                                 "organizer": {"name": "PLL-innføringen", "email": "innforing-pll@ks.example.test"},
                                 "status": "SCHEDULED", "pageUrl": "https://ehelse.example.test/informasjonsmoter/%s",
                                 "cancelReason": null}""".formatted(MEETING, inAMonth, inAMonth, inAMonth, MEETING)),
                "registry.vendors.v1",
                        TestEvents.event("urn:no:ks:ehelse:registry", "no.ks.ehelse.vendor.changed.v1", "visma", """
                                {"code": "visma", "name": "Visma", "kind": "EPJ", "supports": [{"solution":
                                 "digihelsestasjon", "product": "HsPro", "from": "2024-09-10"}]}"""),
                "notification.acknowledgements.v1",
                        TestEvents.event(
                                "urn:no:ks:ehelse:notification",
                                "no.ks.ehelse.notification.enrollment-acknowledged.v1",
                                RECEIPT.toString(),
                                """
                                {"enrollmentId": "%s", "trackId": "%s", "kommunenummer": "4601", "solution": "pll",
                                 "requestedAt": "2024-05-01T08:00:00Z", "remindedAt": null,
                                 "at": "2024-05-02T08:00:00Z"}""".formatted(RECEIPT, TRACK)),
                "registry.host-arrangements.v1",
                        TestEvents.event(
                                "urn:no:ks:ehelse:registry",
                                "no.ks.ehelse.host-arrangement.registered.v1",
                                ARRANGEMENT.toString(),
                                """
                                {"id": "%s", "name": "Værnesregionen", "host": "5035", "partners": ["5034", "5036"],
                                 "allSolutions": false, "solutions": ["pll"], "validFrom": "2024-01-01",
                                 "validTo": null, "endReason": null}""".formatted(ARRANGEMENT)),
                "nhn.adoption.v1",
                        TestEvents.event(
                                "urn:no:nhn:adoption", "no.nhn.adoption.status.v1", "4601", """
                        {"kommunenummer": "4601", "solution": "pll", "status": "ACTIVE", "effectiveDate": "%s"}""".formatted(today)));
    }
}
