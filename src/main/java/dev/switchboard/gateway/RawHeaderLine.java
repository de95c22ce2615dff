package dev.switchboard.gateway;

/**
 * Reads one header line of a CRLF-ended head held in a byte array, as both one-pass head parsers accept it:
 * {@code token ":" OWS value OWS CRLF}, with the value's bytes checked as {@link HeadScan} checks them. Anything else
 * (a fold, whitespace before the colon, a bare CR, a control byte) is left to Netty's decoder and {@link HeadScan}.
 * Reused line after line; its fields describe the last line read.
 */
final class RawHeaderLine {

    /** Where the name ends (at the colon). */
    int nameEnd;
    /** The value, without the whitespace around it: {@code [valueStart, valueEnd)}. */
    int valueStart;
    int valueEnd;
    /** Where the next line starts. */
    int next;

    /**
     * Reads the line starting at {@code start}; false when it is not one the parsers take. The head ends with a blank
     * line, so every scan stops inside the array: neither a name nor a value byte is CR.
     */
    boolean read(byte[] b, int start) {
        int end = start;
        while (HeaderSyntax.isTokenByte(b[end])) {
            end++;
        }
        if (end == start || b[end] != ':') {
            return false;
        }
        nameEnd = end;
        int from = end + 1;
        while (b[from] == ' ' || b[from] == '\t') {
            from++;
        }
        int cr = from;
        while (b[cr] != '\r') {
            if (!HeaderSyntax.isValueByte(b[cr])) {
                return false;
            }
            cr++;
        }
        if (b[cr + 1] != '\n') {
            return false;
        }
        int to = cr;
        while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
            to--;
        }
        valueStart = from;
        valueEnd = to;
        next = cr + 2;
        return true;
    }
}
