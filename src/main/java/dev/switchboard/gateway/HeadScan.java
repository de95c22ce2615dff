package dev.switchboard.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpDecoderConfig;

/**
 * One pass over a raw HTTP/1.1 head before Netty parses it: whether it is complete yet, and whether a header line
 * breaks {@link HeaderSyntax}, which the decoders' non-validating headers no longer check on every add and set.
 * Requests must not fold lines (RFC 9112 section 5.2, Netty unfolds silently); responses may, and may have
 * whitespace between a name and its colon, which Netty drops as a proxy must (RFC 9112 section 5.1).
 */
final class HeadScan {

    enum Verdict {
        INCOMPLETE(null),
        COMPLETE(null),
        FOLDED("a header line starts with whitespace (obsolete line folding, RFC 9112 section 5.2)"),
        BAD_NAME("a header line is not 'name: value' with a name of token characters (RFC 9110 section 5.1)"),
        BAD_VALUE("a header value holds a control character (RFC 9110 section 5.5)");

        private final String problem;

        Verdict(String problem) {
            this.problem = problem;
        }

        /** What is wrong with the head, or null when nothing is (yet). */
        String problem() {
            return problem;
        }
    }

    private HeadScan() {
    }

    /**
     * Raw bytes beyond which Netty must refuse a head as too large (it counts characters without line ends), so a
     * decoder waiting for a complete head need not hold more.
     */
    static int maxRawHeadBytes(HttpDecoderConfig config) {
        return config.getMaxInitialLineLength() + 2 + 3 * config.getMaxHeaderSize() + 2;
    }

    static Verdict request(ByteBuf in) {
        return scan(in, false);
    }

    static Verdict response(ByteBuf in) {
        return scan(in, true);
    }

    private static Verdict scan(ByteBuf in, boolean response) {
        int i = in.readerIndex();
        int end = in.writerIndex();
        // Netty skips control characters and whitespace before the start line.
        while (i < end && isControlOrWhitespace(in.getByte(i))) {
            i++;
        }
        while (i < end && in.getByte(i) != '\n') {
            i++;
        }
        boolean field = false;
        // i is at the start line's LF; each pass of the loop reads one header line after it.
        while (++i < end) {
            byte b = in.getByte(i);
            if (b == '\n' || b == '\r' && i + 1 < end && in.getByte(i + 1) == '\n') {
                return Verdict.COMPLETE;
            }
            if (b == '\r') {
                return i + 1 == end ? Verdict.INCOMPLETE : Verdict.BAD_NAME;
            }
            int value;
            if (b == ' ' || b == '\t') {
                if (!response) {
                    return Verdict.FOLDED;
                }
                if (!field) {
                    return Verdict.BAD_NAME;
                }
                value = i;
            } else {
                value = afterColon(in, i, end, response);
                if (value < 0) {
                    return value == -1 ? Verdict.INCOMPLETE : Verdict.BAD_NAME;
                }
            }
            field = true;
            for (i = value; i < end && (b = in.getByte(i)) != '\n'; i++) {
                if (!HeaderSyntax.isValueByte(b) && !(b == '\r' && (i + 1 == end || in.getByte(i + 1) == '\n'))) {
                    return Verdict.BAD_VALUE;
                }
            }
        }
        return Verdict.INCOMPLETE;
    }

    /** Where the value of the field starting at {@code start} begins; -1 when the line is incomplete, -2 when bad. */
    private static int afterColon(ByteBuf in, int start, int end, boolean response) {
        int i = start;
        while (i < end && HeaderSyntax.isTokenByte(in.getByte(i))) {
            i++;
        }
        if (i == start) {
            return -2;
        }
        while (response && i < end && (in.getByte(i) == ' ' || in.getByte(i) == '\t')) {
            i++;
        }
        if (i == end) {
            return -1;
        }
        return in.getByte(i) == ':' ? i + 1 : -2;
    }

    private static boolean isControlOrWhitespace(byte b) {
        char c = (char) (b & 0xFF);
        return Character.isISOControl(c) || Character.isWhitespace(c);
    }
}
