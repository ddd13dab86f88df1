package no.ks.ehelse.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void lineBreaksAndControlCharactersBecomeVisibleEscapes() {
        assertEquals("/api/v1/solutions/\\0\\nFORGED-LOG-LINE", LogText.of("/api/v1/solutions/\0\nFORGED-LOG-LINE"));
        assertEquals("a\\r\\nb\\tc", LogText.of("a\r\nb\tc"));
        assertEquals("esc\\u001b[31m del\\u007f c1\\u0085", LogText.of("esc\u001b[31m del\u007f c1\u0085"));
        assertEquals("line\\u2028para\\u2029", LogText.of("line\u2028para\u2029"));
    }

    @Test
    void aBackslashIsDoubledSoAnEscapeCannotBeFaked() {
        assertEquals("fake \\\\n", LogText.of("fake \\n"));
    }

    @Test
    void ordinaryTextIncludingNorwegianLettersIsKept() {
        assertEquals("Ålesund – Nærøysund", LogText.of("Ålesund – Nærøysund"));
        assertEquals("null", LogText.of(null));
    }

    @Test
    void theResultIsNeverMoreThanOneLine() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            every.append(c);
        }
        assertFalse(LogText.of(every.substring(0, 400)).matches("(?s).*\\R.*"));
        for (char c = 0; c < 0x3000; c++) {
            assertFalse(
                    LogText.of("x" + c + "y").matches("(?s).*[\\p{Cntrl}\\u2028\\u2029\\u0085].*"),
                    "escapes U+" + Integer.toHexString(c));
        }
    }

    @Test
    void longValuesAreCutWithTheirLength() {
        String cut = LogText.of("x".repeat(10_000));
        assertTrue(cut.length() < 600);
        assertTrue(cut.endsWith("…(10000 characters)"));
    }
}
