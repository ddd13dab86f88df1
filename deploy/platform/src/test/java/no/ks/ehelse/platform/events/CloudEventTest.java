package no.ks.ehelse.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CloudEventTest {

    private static final String GOOD = """
            {"specversion":"1.0","id":"e-1","source":"urn:no:nhn:adoption","type":"no.nhn.adoption.status.v1",
             "subject":"4601","time":"2024-05-01T10:00:00Z","datacontenttype":"application/json",
             "data":{"kommunenummer":"4601","solution":"digihelse","status":"ACTIVE","effectiveDate":"2024-05-01"}}""";

    @Test
    void parsesAStructuredModeEvent() {
        CloudEvent event = CloudEvent.parse(GOOD);
        assertEquals("e-1", event.id());
        assertEquals("no.nhn.adoption.status.v1", event.type());
        assertEquals("4601", event.subject());
        assertEquals("ACTIVE", event.text("status"));
        assertEquals(2024, event.time().getYear());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "malformed JSON| {\"id\": |malformed JSON",
                "an array| [1,2] |not a JSON object",
                "wrong specversion| {\"specversion\":\"0.3\",\"id\":\"x\",\"source\":\"s\",\"type\":\"t\",\"data\":{}} |specversion must be 1.0",
                "missing id| {\"specversion\":\"1.0\",\"source\":\"s\",\"type\":\"t\",\"data\":{}} |'id'",
                "numeric type| {\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"s\",\"type\":7,\"data\":{}} |'type'",
                "bad time| {\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"s\",\"type\":\"t\",\"time\":\"yesterday\",\"data\":{}} |RFC 3339",
                "no data| {\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"s\",\"type\":\"t\"} |data is missing",
            })
    void aPoisonRecordSaysWhy(String name, String value, String reason) {
        PoisonRecordException e = assertThrows(PoisonRecordException.class, () -> CloudEvent.parse(value));
        org.junit.jupiter.api.Assertions.assertTrue(
                e.getMessage().contains(reason), () -> "reason '" + e.getMessage() + "' should mention " + reason);
        assertEquals(PoisonCategory.MALFORMED, e.category());
    }

    @Test
    void anIdTheDatabaseCouldNotKeyByIsMalformed() {
        // processed_event is keyed by the id: PostgreSQL refuses a NUL in text and a text too big to index.
        PoisonRecordException nul = assertThrows(
                PoisonRecordException.class, () -> CloudEvent.parse(GOOD.replace("\"e-1\"", "\"e-\\u00001\"")));
        assertEquals("field 'id' contains a NUL character", nul.getMessage());
        assertEquals(PoisonCategory.MALFORMED, nul.category());
        String longest = "e".repeat(CloudEvent.MAX_ID_LENGTH);
        assertEquals(longest, CloudEvent.parse(GOOD.replace("e-1", longest)).id());
        PoisonRecordException tooLong =
                assertThrows(PoisonRecordException.class, () -> CloudEvent.parse(GOOD.replace("e-1", longest + "e")));
        assertEquals("field 'id' is longer than 500 characters", tooLong.getMessage());
        assertEquals(PoisonCategory.MALFORMED, tooLong.category());
    }

    @Test
    void aMissingDataFieldIsPoison() {
        CloudEvent event = CloudEvent.parse(GOOD.replace("\"status\":\"ACTIVE\",", ""));
        PoisonRecordException e = assertThrows(PoisonRecordException.class, () -> event.text("status"));
        assertEquals("missing or non-string field 'status'", e.getMessage());
        assertEquals(PoisonCategory.MISSING_FIELD, e.category());
    }
}
