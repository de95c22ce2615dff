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

    /**
     * Copies {@code s}'s chars from {@code from} up to the first one JSON must escape ({@link JsonLine#escapes}),
     * and returns its index ({@code s.length()} when there is none): one pass, where a scan and then a copy took two.
     */
    int plain(String s, int from);

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

            @Override
            public int plain(String s, int from) {
                int end = from;
                while (end < s.length() && !JsonLine.escapes(s.charAt(end))) {
                    end++;
                }
                out.append(s, from, end);
                return end;
            }
        };
    }
}
