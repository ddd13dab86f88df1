package no.ks.ehelse.platform.api;

/**
 * Request data made safe for a log line. A caller controls paths, parameters and bodies; written raw, a
 * {@code %0a} in a URL starts a line of the caller's choosing (log forging) and a NUL or escape sequence confuses
 * log shippers and terminals. Every log line that includes request data passes it through {@link #of}.
 */
public final class LogText {

    private static final int MAX_LENGTH = 500;

    private LogText() {}

    /**
     * The text with every control character (C0, DEL, C1) and the Unicode line and paragraph separators written as
     * an escape ({@code \n}, {@code \r}, {@code \t}, {@code \0}, otherwise {@code \}{@code uXXXX}), a backslash
     * doubled so an escape cannot be faked, and anything past 500 characters cut off.
     */
    public static String of(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 16);
        for (int i = 0; i < text.length(); i++) {
            if (safe.length() >= MAX_LENGTH) {
                safe.append("…(").append(text.length()).append(" characters)");
                break;
            }
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> safe.append("\\n");
                case '\r' -> safe.append("\\r");
                case '\t' -> safe.append("\\t");
                case '\0' -> safe.append("\\0");
                case '\\' -> safe.append("\\\\");
                default -> {
                    if (isUnsafe(c)) {
                        safe.append(String.format("\\u%04x", (int) c));
                    } else {
                        safe.append(c);
                    }
                }
            }
        }
        return safe.toString();
    }

    /** Whether the character must not reach a log line as it is: C0 and C1 controls, DEL, U+2028 and U+2029. */
    static boolean isUnsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
    }
}
