package no.ks.ehelse.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import no.ks.ehelse.localstack.TestEvents;

/**
 * Fault 5's poison: per consumed topic a broken envelope, and data-level poison made from the topic's good record by
 * changing one value (a bad date, a number out of range, a NUL character in text), each dead-lettered by exactly the
 * services that read that field.
 *
 * @param topic     where it is sent
 * @param value     the record value
 * @param reason    what its {@code dead-letter-reason} must contain ({@code null}: anything but blank)
 * @param category  its {@code dead-letter-category}
 * @param consumers the services that dead-letter it, one DLQ record each
 */
record Poison(String topic, String value, String reason, String category, List<String> consumers) {

    static final String NUL = "\\u0000";

    /** Every poison for these topics, consumed by these services, with the topics' good records. */
    static List<Poison> all(Map<String, List<String>> consumers, Map<String, String> good) {
        String[] envelopes = {"{not json", "[]", "{\"specversion\": \"1.0\"}"};
        List<Poison> poison = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<String>> c : consumers.entrySet()) {
            poison.add(new Poison(c.getKey(), envelopes[i++ % envelopes.length], null, "malformed", c.getValue()));
        }
        String solutions = "registry.solutions.v1";
        poison.add(data(
                consumers,
                solutions,
                changed(
                        good.get(solutions),
                        "\"Pasientens legemiddelliste\"",
                        "\"Pasientens" + NUL + "legemiddelliste\""),
                "field 'name' contains a NUL character"));

        String arrangements = "registry.host-arrangements.v1";
        poison.add(data(
                consumers,
                arrangements,
                changed(good.get(arrangements), "\"validFrom\": \"2024-01-01\"", "\"validFrom\": \"2024-02-30\""),
                "'validFrom' is not a date (yyyy-MM-dd): 2024-02-30"));

        String municipalities = "registry.municipalities.v1";
        String municipality = good.get(municipalities);
        poison.add(data(
                consumers,
                municipalities,
                changed(municipality, "\"validTo\": \"2019-12-31\"", "\"validTo\": \"2019-12-32\""),
                "'validTo' is not a date (yyyy-MM-dd): 2019-12-32"));
        poison.add(data(
                consumers,
                municipalities,
                changed(municipality, "\"name\": \"Bergen\"", "\"name\": \"Ber" + NUL + "gen\""),
                "field 'name' contains a NUL character"));
        poison.add(new Poison(
                municipalities,
                changed(
                        TestEvents.municipality(
                                "1201", "Bergen", null, null, 17000, "2019-12-31", Map.of("4601", "Bergen")),
                        "\"population\": 17000",
                        "\"population\": 99999999999"),
                "field 'population' is not an integer in range",
                "invalid-value",
                List.of("adoption-stats-service")));

        String contacts = "registry.contacts.v1";
        // enrollment-service reads only which roles are filled, not the addresses.
        poison.add(new Poison(
                contacts,
                changed(good.get(contacts), "\"postmottak@", "\"postmottak" + NUL + "@"),
                "field 'contacts[0].email' contains a NUL character",
                "invalid-value",
                List.of("notification-service")));
        poison.add(data(
                consumers,
                contacts,
                changed(good.get(contacts), "\"GENERAL_INBOX\"", "\"GENERAL" + NUL + "INBOX\""),
                "field 'contacts[0].role' contains a NUL character"));

        String vendors = "registry.vendors.v1";
        poison.add(data(
                consumers,
                vendors,
                changed(good.get(vendors), "\"from\": \"2024-09-10\"", "\"from\": \"2024-09-31\""),
                "'supports[0].from' is not a date"));

        String receipts = "notification.acknowledgements.v1";
        poison.add(data(
                consumers,
                receipts,
                changed(good.get(receipts), "\"at\": \"2024-05-02T08:00:00Z\"", "\"at\": \"i går\""),
                "at must be a date-time"));

        String tracks = "enrollment.tracks.v1";
        String track = good.get(tracks);
        poison.add(data(
                consumers,
                tracks,
                changed(track, "\"registrationDeadline\": \"", "\"registrationDeadline\": \"31.12."),
                "'registrationDeadline' is not a date"));
        poison.add(data(
                consumers,
                tracks,
                changed(track, "\"PLL etter gift\"", "\"PLL" + NUL + "etter gift\""),
                "field 'name' contains a NUL character"));

        String enrollments = "enrollment.enrollments.v1";
        String enrollment = good.get(enrollments);
        poison.add(data(
                consumers,
                enrollments,
                changed(enrollment, "\"WITHDRAWN\"", "\"WITH" + NUL + "DRAWN\""),
                "field 'status' contains a NUL character"));
        poison.add(new Poison(
                enrollments,
                changed(enrollment, "\"late\": false", "\"late\": false, \"wentLiveOn\": \"2026-02-30\""),
                "'wentLiveOn' is not a date (yyyy-MM-dd): 2026-02-30",
                "invalid-value",
                List.of("adoption-stats-service")));
        poison.add(new Poison(
                enrollments,
                changed(enrollment, "\"late\": false", "\"late\": false, \"waitlistPosition\": 99999999999"),
                "field 'waitlistPosition' is not an integer in range",
                "invalid-value",
                List.of("notification-service")));

        String adoption = "adoption.events.v1";
        String wentLive = good.get(adoption);
        poison.add(data(
                consumers,
                adoption,
                changed(wentLive, "\"effectiveDate\": \"", "\"effectiveDate\": \"31.12."),
                "'effectiveDate' is not a date"));
        poison.add(data(
                consumers,
                adoption,
                changed(wentLive, "\"solution\": \"sfm\"", "\"solution\": \"s" + NUL + "fm\""),
                "field 'solution' contains a NUL character"));

        String nhn = "nhn.adoption.v1";
        String status = good.get(nhn);
        poison.add(data(
                consumers,
                nhn,
                changed(status, "\"effectiveDate\": \"", "\"effectiveDate\": \"31.12."),
                "'effectiveDate' is not a date"));
        poison.add(data(
                consumers,
                nhn,
                changed(status, "\"solution\": \"pll\"", "\"solution\": \"p" + NUL + "ll\""),
                "field 'solution' contains a NUL character"));
        poison.add(data(
                consumers,
                nhn,
                changed(
                        TestEvents.event("urn:no:nhn:adoption", "no.nhn.adoption.usage.v1", "4601", """
                                {"kommunenummer": "4601", "solution": "pll", "metric": "fault-5", "period": "2024-05",
                                 "value": 3.5}"""),
                        "\"value\": 3.5",
                        "\"value\": 1e400"),
                "field 'value' is not a finite number"));
        return poison;
    }

    /** Invalid data that every consumer of the topic reads. */
    private static Poison data(Map<String, List<String>> consumers, String topic, String value, String reason) {
        return new Poison(topic, value, reason, "invalid-value", consumers.get(topic));
    }

    /**
     * The good record with one value changed and an event id of its own (with the good record's id, a consumer that
     * has applied the good one would skip it as a redelivery before reading a field); fails when the value is not
     * there, so no poison is a good record.
     */
    private static String changed(String record, String from, String to) {
        String id = "\"id\": \"";
        int idAt = record.indexOf(id) + id.length();
        String ownId =
                record.substring(0, idAt) + java.util.UUID.randomUUID() + record.substring(record.indexOf('"', idAt));
        int at = ownId.indexOf(from);
        if (idAt < id.length() || at < 0) {
            throw new IllegalStateException("'" + from + "' or the id not in " + record);
        }
        return ownId.substring(0, at) + to + ownId.substring(at + from.length());
    }
}
