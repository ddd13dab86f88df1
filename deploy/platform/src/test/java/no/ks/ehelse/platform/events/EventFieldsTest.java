package no.ks.ehelse.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class EventFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static EventFields fields(String json) throws Exception {
        JsonNode node = JSON.readTree(json);
        return EventFields.of(node, "");
    }

    private static void assertPoison(String expectedReason, org.junit.jupiter.api.function.Executable read) {
        PoisonRecordException e = assertThrows(PoisonRecordException.class, read);
        assertTrue(
                e.getMessage().contains(expectedReason),
                () -> "reason '" + e.getMessage() + "' should contain '" + expectedReason + "'");
    }

    @Test
    void readsEveryTypeOfField() throws Exception {
        UUID id = UUID.randomUUID();
        EventFields f = fields("""
                {"name":"Iveland","id":"%s","on":"2024-05-01","count":42,"value":1.5,"level":"ACTIVE",
                 "none":null,"nested":{"on":"1837-01-01"},"list":[{"n":"a"},{"n":"b"}]}""".formatted(id));
        assertEquals("Iveland", f.text("name"));
        assertEquals(id, f.uuid("id"));
        assertEquals(LocalDate.of(2024, 5, 1), f.date("on"));
        assertEquals(42, f.integer("count"));
        assertEquals(1.5, f.number("value"));
        assertEquals(Level.ACTIVE, f.enumValue("level", Level.class));
        assertNull(f.optionalText("none"));
        assertNull(f.optionalDate("missing"));
        assertNull(f.optionalInteger("none"));
        assertEquals(LocalDate.of(1837, 1, 1), f.object("nested").date("on"));
        assertEquals("b", f.objects("list").get(1).text("n"));
        assertEquals(0, f.objects("missing").size());
    }

    @Test
    void readsAnArrayOfStringsAndJudgesEachItem() throws Exception {
        EventFields f = fields("""
                {"requires":["kjernejournal","pll"],"none":null,"empty":[],"blank":["a",""],"number":["a",4],
                 "object":{"a":1}}""");
        assertEquals(java.util.List.of("kjernejournal", "pll"), f.texts("requires"));
        assertEquals(0, f.texts("missing").size(), "absent: none");
        assertEquals(0, f.texts("none").size(), "null: none");
        assertEquals(0, f.texts("empty").size());
        assertPoison("'blank[1]' must be a non-blank string", () -> f.texts("blank"));
        assertPoison("'number[1]' must be a non-blank string", () -> f.texts("number"));
        assertPoison("'object' must be an array", () -> f.texts("object"));
    }

    enum Level {
        ACTIVE,
        PILOT
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "nine-digit year, which PostgreSQL refuses|{\"on\":\"+999999999-12-31\"}|is outside 0001-01-01 to 9999-12-31",
                "Norwegian notation|{\"on\":\"01.01.2024\"}|'on' is not a date",
                "impossible day|{\"on\":\"2024-02-30\"}|'on' is not a date",
                "a number|{\"on\":20240101}|non-string field 'on'",
                "blank|{\"on\":\" \"}|'on' is not a date",
            })
    void aBadDateIsPoison(String name, String json, String reason) throws Exception {
        EventFields f = fields(json);
        assertPoison(reason, () -> f.optionalDate("on"));
    }

    @Test
    void aDateOutsideItsRangeIsPoison() throws Exception {
        DateRange nhn = new DateRange(LocalDate.of(2000, 1, 1), LocalDate.of(2027, 12, 31));
        assertPoison("'on' 9999-12-31 is outside 2000-01-01 to 2027-12-31", () -> fields("{\"on\":\"9999-12-31\"}")
                .date("on", nhn));
        assertEquals(
                LocalDate.of(2027, 12, 31), fields("{\"on\":\"2027-12-31\"}").date("on", nhn));
    }

    @Test
    void aNulCharacterInTextIsPoison() throws Exception {
        assertPoison("'name' contains a NUL character", () -> fields("{\"name\":\"Ive\\u0000land\"}")
                .text("name"));
    }

    @Test
    void numbersMustBeIntegersInRangeAndFinite() throws Exception {
        assertPoison(
                "'count' is not an integer", () -> fields("{\"count\":1.5}").integer("count"));
        assertPoison("'count' is not an integer", () -> fields("{\"count\":99999999999}")
                .integer("count"));
        assertPoison(
                "'count' is not an integer", () -> fields("{\"count\":\"7\"}").integer("count"));
        assertPoison(
                "non-numeric field 'value'", () -> fields("{\"value\":\"7\"}").number("value"));
        assertPoison("'value' is not a finite number", () -> fields("{\"value\":1e400}")
                .number("value"));
    }

    @Test
    void uuidsAndEnumsAreExact() throws Exception {
        assertPoison(
                "'id' is not a UUID", () -> fields("{\"id\":\"1-1-1-1-1\"}").uuid("id"));
        assertPoison("'level' must be one of [ACTIVE, PILOT], was active", () -> fields("{\"level\":\"active\"}")
                .enumValue("level", Level.class));
    }

    @Test
    void reasonsNameTheNestedField() throws Exception {
        EventFields f = fields("{\"successors\":[{\"on\":\"2024-01-01\"},{\"on\":\"x\"}]}");
        assertPoison(
                "'successors[1].on' is not a date",
                () -> f.objects("successors").get(1).date("on"));
        assertPoison("'successors' must be an array", () -> fields("{\"successors\":{}}")
                .objects("successors"));
    }

    @Test
    void eachFaultHasItsCategory() throws Exception {
        EventFields f = fields("""
                {"name":"","count":"7","n":7,"on":"x","value":"7","level":"active","nul":"a\\u0000b","list":{}}""");
        assertCategory(PoisonCategory.MISSING_FIELD, () -> f.text("absent"));
        assertCategory(PoisonCategory.MISSING_FIELD, () -> f.text("name"));
        assertCategory(PoisonCategory.MISSING_FIELD, () -> f.date("absent"));
        assertCategory(PoisonCategory.MISSING_FIELD, () -> f.integer("absent"));
        assertCategory(PoisonCategory.MISSING_FIELD, () -> f.number("absent"));
        assertCategory(PoisonCategory.INVALID_VALUE, () -> f.text("n"));
        assertCategory(PoisonCategory.INVALID_VALUE, () -> f.integer("count"));
        assertCategory(PoisonCategory.INVALID_VALUE, () -> f.date("on"));
        assertCategory(PoisonCategory.INVALID_VALUE, () -> f.number("value"));
        assertCategory(PoisonCategory.INVALID_VALUE, () -> f.enumValue("level", Level.class));
        assertCategory(PoisonCategory.INVALID_VALUE, () -> f.text("nul"));
        assertCategory(PoisonCategory.INVALID_VALUE, () -> f.objects("list"));
        assertCategory(PoisonCategory.INVALID_VALUE, () -> f.uuid("on"));
        assertCategory(
                PoisonCategory.INVALID_VALUE,
                () -> EventFields.parseDate(
                        "on", "1999-12-31", new DateRange(LocalDate.of(2000, 1, 1), LocalDate.MAX)));
    }

    private static void assertCategory(PoisonCategory expected, org.junit.jupiter.api.function.Executable read) {
        assertEquals(expected, assertThrows(PoisonRecordException.class, read).category());
    }
}
