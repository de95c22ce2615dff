package dev.switchboard.gateway;

/**
 * Where {@link JsonLine} and {@link InstantText} write: ASCII text only, so a byte per char. The access log writes
 * into a {@link LineBuffer}'s bytes; a decision trace, which becomes a header value, into a StringBuilder.
 */
interface AsciiSink {

    void ascii(char c);

    /** {@code s}'s chars from {@code from} to {@code to}, all ASCII. */
    void ascii(String s, int from, int to);

    void decimal(long value);

    static AsciiSink of(StringBuilder out) {
        return new AsciiSink() {
            @Override
            public void ascii(char c) {
                out.append(c);
            }

            @Override
            public void ascii(String s, int from, int to) {
                out.append(s, from, to);
            }

            @Override
            public void decimal(long value) {
                out.append(value);
            }
        };
    }
}
