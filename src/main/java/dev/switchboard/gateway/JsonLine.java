package dev.switchboard.gateway;

/**
 * Appends one compact JSON object to a reused {@link StringBuilder}, ASCII only (anything else as a \\u escape), so
 * it also fits a header. The access log writes a line per request with it: a JSON generator, its writer and the
 * line's String per request were most of the log thread's time.
 */
final class JsonLine {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder out;
    /** Whether the next member or element needs a comma before it. */
    private boolean comma;

    JsonLine(StringBuilder out) {
        this.out = out;
    }

    JsonLine startObject() {
        separate();
        return open('{');
    }

    JsonLine endObject() {
        return close('}');
    }

    JsonLine startArray(String name) {
        name(name);
        return open('[');
    }

    JsonLine endArray() {
        return close(']');
    }

    JsonLine field(String name, String value) {
        if (value == null) {
            name(name).append("null");
        } else {
            string(name(name), value);
        }
        return written();
    }

    JsonLine field(String name, long value) {
        name(name).append(value);
        return written();
    }

    /** {@code hundredths / 100} as a number, written as {@code Double.toString} would but without its float formatting. */
    JsonLine hundredths(String name, long hundredths) {
        appendHundredths(name(name), hundredths);
        return written();
    }

    /**
     * {@code hundredths / 100} as {@code Double.toString(hundredths / 100.0)} prints it ("0.05", "1.0", "12.5"):
     * formatting a double was ~10 % of the access log thread's samples. Below 10^7 that is the exact two-decimal
     * value without trailing zeros; larger or negative values (scientific notation there) go to the JDK.
     */
    static StringBuilder appendHundredths(StringBuilder out, long hundredths) {
        if (hundredths < 0 || hundredths >= 1_000_000_000L) {
            return out.append(hundredths / 100.0);
        }
        int fraction = (int) (hundredths % 100);
        out.append(hundredths / 100).append('.');
        if (fraction % 10 == 0) {
            return out.append(fraction / 10);
        }
        return out.append(fraction < 10 ? "0" : "").append(fraction);
    }

    JsonLine field(String name, boolean value) {
        name(name).append(value);
        return written();
    }

    /** Starts a member: the comma before it when needed, then its name. */
    private StringBuilder name(String name) {
        separate();
        string(out, name);
        return out.append(':');
    }

    private JsonLine written() {
        comma = true;
        return this;
    }

    private JsonLine open(char bracket) {
        out.append(bracket);
        comma = false;
        return this;
    }

    private JsonLine close(char bracket) {
        out.append(bracket);
        return written();
    }

    private void separate() {
        if (comma) {
            out.append(',');
        }
    }

    /** Runs that need no escape go in one bulk copy: a char-at-a-time append was most of the log thread's time. */
    private static void string(StringBuilder out, String s) {
        out.append('"');
        int clean = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20 || c >= 0x7F) {
                out.append(s, clean, i);
                escape(out, c);
                clean = i + 1;
            }
        }
        out.append(s, clean, s.length()).append('"');
    }

    private static void escape(StringBuilder out, char c) {
        if (c == '"' || c == '\\') {
            out.append('\\').append(c);
        } else {
            out.append("\\u").append(HEX[c >> 12]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
        }
    }
}
