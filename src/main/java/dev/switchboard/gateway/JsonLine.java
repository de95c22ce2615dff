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
        out.append('{');
        comma = false;
        return this;
    }

    JsonLine endObject() {
        out.append('}');
        comma = true;
        return this;
    }

    JsonLine startArray(String name) {
        name(name);
        out.append('[');
        comma = false;
        return this;
    }

    JsonLine endArray() {
        out.append(']');
        comma = true;
        return this;
    }

    JsonLine field(String name, String value) {
        name(name);
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        comma = true;
        return this;
    }

    JsonLine field(String name, long value) {
        name(name);
        out.append(value);
        comma = true;
        return this;
    }

    JsonLine field(String name, double value) {
        name(name);
        out.append(value);
        comma = true;
        return this;
    }

    JsonLine field(String name, boolean value) {
        name(name);
        out.append(value);
        comma = true;
        return this;
    }

    private void name(String name) {
        separate();
        string(name);
        out.append(':');
    }

    private void separate() {
        if (comma) {
            out.append(',');
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7F) {
                out.append("\\u").append(HEX[c >> 12]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
