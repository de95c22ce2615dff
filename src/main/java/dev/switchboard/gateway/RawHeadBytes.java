package dev.switchboard.gateway;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The byte-level reads both one-pass head parsers make ({@link RawRequestHeadParser}, {@link RawResponseHeadParser}):
 * where a CRLF-ended head ends, case-blind name matches and plain decimal lengths. Header names here are letters and
 * '-', so a match folds case with one OR.
 */
final class RawHeadBytes {

    /** A Content-Length of more digits would overflow a long. */
    private static final int MAX_LENGTH_DIGITS = 18;

    private RawHeadBytes() {
    }

    /**
     * Bytes from {@code in}'s reader index up to and including the blank line ending the head; -1 when that line is
     * not within {@code maxBytes}, or a line ends in a bare LF (a head for Netty's decoder and {@link HeadScan}).
     */
    static int headLength(ByteBuf in, int maxBytes) {
        int start = in.readerIndex();
        int limit = (int) Math.min(in.writerIndex(), (long) start + maxBytes);
        int lineStart = start;
        while (true) {
            int lf = in.indexOf(lineStart, limit, (byte) '\n');
            if (lf <= lineStart || in.getByte(lf - 1) != '\r') {
                return -1;
            }
            if (lf == lineStart + 1 && lineStart > start) {
                return lf + 1 - start;
            }
            lineStart = lf + 1;
        }
    }

    /** Whether {@code b[start, start + length)} is {@code name} (lower case), ignoring case. */
    static boolean is(byte[] b, byte[] name, int start, int length) {
        return length == name.length && startsWith(b, name, start, length);
    }

    /** Whether {@code b[start, start + length)} starts with {@code prefix} (lower case), ignoring case. */
    static boolean startsWith(byte[] b, byte[] prefix, int start, int length) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            int c = b[start + i];
            // '-' | 0x20 is '-' and a letter | 0x20 its lower case; no other token byte folds onto either.
            if (c != prefix[i] && (c | 0x20) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The decimal number in {@code b[start, end)}; -1 unless it is 1 to 18 digits and nothing else. */
    static long digits(byte[] b, int start, int end) {
        if (end == start || end - start > MAX_LENGTH_DIGITS) {
            return -1;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    static byte[] lower(String name) {
        return name.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    }
}
