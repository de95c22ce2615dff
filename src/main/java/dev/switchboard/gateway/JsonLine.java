package dev.switchboard.gateway;

import java.time.Instant;

/**
 * Writes one compact JSON object, ASCII only (anything else as a \\u escape), so it also fits a header. The access
 * log writes a line per request with it straight into its output bytes: a JSON generator, its writer and the line's
 * String per request were most of the log thread's time.
 */
final class JsonLine {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final AsciiSink out;
    /** Whether the next member or element needs a comma before it. */
    private boolean comma;

    JsonLine(AsciiSink out) {
        this.out = out;
    }

    JsonLine(StringBuilder out) {
        this(AsciiSink.of(out));
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
        name(name);
        if (value == null) {
            out.ascii("null", 0, 4);
        } else {
            string(out, value);
        }
        return written();
    }

    /** A string member whose value is {@code start} followed by {@code rest}, written without joining them. */
    JsonLine field(String name, String start, String rest) {
        name(name);
        out.ascii('"');
        escaped(out, start);
        escaped(out, rest);
        out.ascii('"');
        return written();
    }

    JsonLine field(String name, long value) {
        name(name);
        out.decimal(value);
        return written();
    }

    /** The time as {@link Instant#toString()} writes it. */
    JsonLine field(String name, Instant time) {
        name(name);
        out.ascii('"');
        InstantText.write(time, out);
        out.ascii('"');
        return written();
    }

    /** {@code hundredths / 100} as a number, written as {@code Double.toString} would but without its float formatting. */
    JsonLine hundredths(String name, long hundredths) {
        name(name);
        hundredths(out, hundredths);
        return written();
    }

    /** {@link #hundredths(AsciiSink, long)} for the text format's line of chars. */
    static StringBuilder appendHundredths(StringBuilder out, long hundredths) {
        hundredths(AsciiSink.of(out), hundredths);
        return out;
    }

    /**
     * {@code hundredths / 100} as {@code Double.toString(hundredths / 100.0)} prints it ("0.05", "1.0", "12.5"):
     * formatting a double was ~10 % of the access log thread's samples. Below 10^7 that is the exact two-decimal
     * value without trailing zeros; larger or negative values (scientific notation there) go to the JDK.
     */
    private static void hundredths(AsciiSink out, long hundredths) {
        if (hundredths < 0 || hundredths >= 1_000_000_000L) {
            String text = Double.toString(hundredths / 100.0);
            out.ascii(text, 0, text.length());
            return;
        }
        int fraction = (int) (hundredths % 100);
        out.decimal(hundredths / 100);
        out.ascii('.');
        if (fraction % 10 == 0) {
            out.decimal(fraction / 10);
            return;
        }
        if (fraction < 10) {
            out.ascii('0');
        }
        out.decimal(fraction);
    }

    JsonLine field(String name, boolean value) {
        name(name);
        out.ascii(value ? "true" : "false", 0, value ? 4 : 5);
        return written();
    }

    /** Starts a member: the comma before it when needed, then its name. */
    private void name(String name) {
        separate();
        string(out, name);
        out.ascii(':');
    }

    private JsonLine written() {
        comma = true;
        return this;
    }

    private JsonLine open(char bracket) {
        out.ascii(bracket);
        comma = false;
        return this;
    }

    private JsonLine close(char bracket) {
        out.ascii(bracket);
        return written();
    }

    private void separate() {
        if (comma) {
            out.ascii(',');
        }
    }

    private static void string(AsciiSink out, String s) {
        out.ascii('"');
        escaped(out, s);
        out.ascii('"');
    }

    /** Runs that need no escape go in one copy: a char-at-a-time append was most of the log thread's time. */
    private static void escaped(AsciiSink out, String s) {
        for (int i = out.plain(s, 0); i < s.length(); i = out.plain(s, i + 1)) {
            escape(out, s.charAt(i));
        }
    }

    /** Whether JSON text needs {@code c} escaped; anything beyond ASCII is too, to keep lines ASCII. */
    static boolean escapes(char c) {
        return c == '"' || c == '\\' || c < 0x20 || c >= 0x7F;
    }

    private static void escape(AsciiSink out, char c) {
        out.ascii('\\');
        if (c == '"' || c == '\\') {
            out.ascii(c);
        } else {
            out.ascii('u');
            out.ascii(HEX[c >> 12]);
            out.ascii(HEX[c >> 8 & 0xF]);
            out.ascii(HEX[c >> 4 & 0xF]);
            out.ascii(HEX[c & 0xF]);
        }
    }
}
