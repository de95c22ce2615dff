package dev.switchboard.gateway;

import static dev.switchboard.gateway.RawHeadBytes.digits;
import static dev.switchboard.gateway.RawHeadBytes.is;
import static dev.switchboard.gateway.RawHeadBytes.lower;
import static dev.switchboard.gateway.RawHeadBytes.startsWith;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;

/**
 * Reads a backend's response head in one pass over its bytes into a {@link RawResponseHead}, for the response a
 * proxy sees nearly always: HTTP/1.1, final, framed by one plain Content-Length (or bodyless), every line CRLF-ended
 * and well-formed. Anything else it leaves unread for Netty's decoder, which with {@link HeadScan} judges it exactly
 * as before: folded or bare-LF lines, Transfer-Encoding, a Connection naming other headers, 1xx, 205, a close-delimited
 * body, a repeated Content-Length or Via, the gateway's own diagnostics headers, and a head near the size limits.
 * It checks what {@link HeadScan} checks on every header line (token names, value bytes), and the status line too.
 */
final class RawResponseHeadParser {

    private static final byte[] HTTP_1_1 = "HTTP/1.1 ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_LENGTH = lower("content-length");
    private static final byte[] TRANSFER_ENCODING = lower("transfer-encoding");
    private static final byte[] CONNECTION = lower("connection");
    private static final byte[] KEEP_ALIVE = lower("keep-alive");
    private static final byte[] CLOSE = lower("close");
    private static final byte[] TE = lower("te");
    private static final byte[] TRAILER = lower("trailer");
    private static final byte[] UPGRADE = lower("upgrade");
    private static final byte[] VIA = lower("via");
    private static final byte[] RETRY_AFTER = lower("retry-after");
    private static final byte[] PROXY_PREFIX = lower("proxy-");
    private static final byte[] GATEWAY_PREFIX = lower("x-switchboard-");
    private static final byte[] TRACE = lower(DecisionTrace.RESPONSE_HEADER.toString());

    private enum Line { KEEP, DROP, REFUSE }

    private final int maxInitialLine;
    private final int maxHeaderSize;
    /**
     * The bytes of the head being parsed, copied once so the pass reads an array (heads are a few hundred bytes). The
     * kept lines are moved down over the dropped ones in place, and the array goes to the {@link RawResponseHead}.
     */
    private byte[] b;
    private final RawHeaderLine line = new RawHeaderLine();
    // What the header lines of the head being parsed said.
    private long contentLength;
    private boolean close;
    private String via;
    private String retryAfter;

    RawResponseHeadParser(int maxInitialLine, int maxHeaderSize) {
        this.maxInitialLine = maxInitialLine;
        this.maxHeaderSize = maxHeaderSize;
    }

    /**
     * The head at {@code in}'s reader index, read past; or null, reading nothing, when the head is not complete yet or
     * is one to leave to Netty's decoder.
     *
     * @param answersHead whether the response answers a HEAD request, so it has no body whatever its head says
     */
    RawResponseHead parse(ByteBuf in, boolean answersHead) {
        int length = RawHeadBytes.headLength(in, maxInitialLine + maxHeaderSize + 4);
        if (length < 0) {
            return null;
        }
        b = new byte[length];
        in.getBytes(in.readerIndex(), b);
        RawResponseHead head = parse(length, answersHead);
        if (head != null) {
            in.skipBytes(length);
        }
        return head;
    }

    private RawResponseHead parse(int length, boolean answersHead) {
        int status = statusCode();
        int pos = status < 0 ? -1 : statusLineEnd();
        if (pos < 0 || pos - 2 > maxInitialLine || length - pos > maxHeaderSize) {
            return null;
        }
        int keptLength = pos;
        contentLength = -1;
        close = false;
        via = null;
        retryAfter = null;
        // Each pass reads one header line; the head's blank line is at length - 2.
        while (pos < length - 2) {
            if (!line.read(b, pos)) {
                return null;
            }
            Line kind = classify(pos, line.nameEnd, line.valueStart, line.valueEnd);
            if (kind == Line.REFUSE) {
                return null;
            }
            int next = line.next;
            if (kind == Line.KEEP) {
                // Never past the line itself: what is kept is never longer than what was read.
                System.arraycopy(b, pos, b, keptLength, next - pos);
                keptLength += next - pos;
            }
            pos = next;
        }
        boolean bodyless = answersHead || status == 204 || status == 304;
        if (contentLength < 0 ? !bodyless : status == 204) {
            // No length: the body runs to the connection's end. A 204 must not have one; Netty's encoder drops it.
            return null;
        }
        // A 304's or a HEAD answer's Content-Length is the length of the body it stands for (RFC 9110 8.6), never
        // bytes that follow it (RFC 9112 6.3).
        long bodyLength = bodyless ? 0 : contentLength;
        return new RawResponseHead(HttpResponseStatus.valueOf(status), b, keptLength, !close, bodyLength, via, retryAfter);
    }

    /** What to do with the header line whose name is {@code [start, nameEnd)}, noting what the head's framing needs. */
    private Line classify(int start, int nameEnd, int valueStart, int valueEnd) {
        int length = nameEnd - start;
        if (is(b, CONTENT_LENGTH, start, length)) {
            return contentLength < 0 && (contentLength = digits(b, valueStart, valueEnd)) >= 0 ? Line.KEEP : Line.REFUSE;
        }
        if (is(b, CONNECTION, start, length)) {
            return connectionTokens(valueStart, valueEnd) ? Line.DROP : Line.REFUSE;
        }
        if (is(b, VIA, start, length)) {
            if (via != null) {
                return Line.REFUSE;
            }
            via = text(valueStart, valueEnd);
            return Line.DROP;
        }
        if (is(b, RETRY_AFTER, start, length)) {
            // The first one counts, as in Netty's headers.
            retryAfter = retryAfter == null ? text(valueStart, valueEnd) : retryAfter;
            return Line.KEEP;
        }
        if (is(b, KEEP_ALIVE, start, length) || is(b, TE, start, length) || is(b, TRAILER, start, length)
                || is(b, UPGRADE, start, length) || startsWith(b, PROXY_PREFIX, start, length)) {
            return Line.DROP;
        }
        if (is(b, TRACE, start, length)) {
            // Only the gateway writes a trace.
            return Line.DROP;
        }
        // Transfer-Encoding, and the gateway's diagnostics names it may have to replace, go to Netty's decoder.
        return is(b, TRANSFER_ENCODING, start, length) || startsWith(b, GATEWAY_PREFIX, start, length) ? Line.REFUSE : Line.KEEP;
    }

    /** Whether Connection's value is only close and keep-alive tokens, noting close: any other names headers to drop. */
    private boolean connectionTokens(int start, int end) {
        int i = start;
        while (i < end) {
            int tokenEnd = i;
            while (tokenEnd < end && b[tokenEnd] != ',') {
                tokenEnd++;
            }
            int from = i;
            int to = tokenEnd;
            while (from < to && (b[from] == ' ' || b[from] == '\t')) {
                from++;
            }
            while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
                to--;
            }
            if (is(b, CLOSE, from, to - from)) {
                close = true;
            } else if (to > from && !is(b, KEEP_ALIVE, from, to - from)) {
                return false;
            }
            i = tokenEnd + 1;
        }
        return true;
    }

    private String text(int start, int end) {
        return new String(b, start, end - start, StandardCharsets.ISO_8859_1);
    }

    /** The status code of a final HTTP/1.1 response this parser takes; -1 otherwise. */
    private int statusCode() {
        for (int i = 0; i < HTTP_1_1.length; i++) {
            if (b[i] != HTTP_1_1[i]) {
                return -1;
            }
        }
        int code = 0;
        for (int i = HTTP_1_1.length; i < HTTP_1_1.length + 3; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            code = code * 10 + digit;
        }
        // 1xx come before the final head; 205 must lose its body, which Netty's encoder sees to.
        return code < 200 || code == 205 ? -1 : code;
    }

    /** Where the first header line starts: after the status code, an optional reason phrase and CRLF; -1 if bad. */
    private int statusLineEnd() {
        int i = HTTP_1_1.length + 3;
        if (b[i] == ' ') {
            i++;
            while (b[i] != '\r') {
                if (!HeaderSyntax.isValueByte(b[i])) {
                    return -1;
                }
                i++;
            }
        }
        return b[i] == '\r' && b[i + 1] == '\n' ? i + 2 : -1;
    }
}
