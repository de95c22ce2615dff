package dev.switchboard.gateway;

import static dev.switchboard.gateway.RawHeadBytes.digits;
import static dev.switchboard.gateway.RawHeadBytes.is;
import static dev.switchboard.gateway.RawHeadBytes.lower;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a client's request head in one pass over its bytes, for the request a proxy sees nearly always: HTTP/1.1, an
 * origin or absolute target of visible ASCII, at most one plain Content-Length and no Transfer-Encoding, every line
 * CRLF-ended and well-formed ({@link RawHeaderLine}: what {@link HeadScan} checks). Its headers are slices of one copy
 * of the head ({@link AsciiString}s, which the encoder towards the backend copies as bytes), without Netty's line
 * parser and a String per name and value.
 *
 * <p>Anything else it leaves unread for Netty's decoder and {@link HeadScan}, which judge it exactly as before: other
 * versions, chunked or other codings, a repeated or odd Content-Length, folded, bare-LF or otherwise malformed lines,
 * empty lines before the request line, other target bytes, and a head near the size limits. What it does read is then
 * checked like any request ({@link RequestValidator}: Host, method, path).
 */
final class RawRequestHeadParser {

    private static final byte[] HTTP_1_1_CRLF = " HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_LENGTH = lower("content-length");
    private static final byte[] TRANSFER_ENCODING = lower("transfer-encoding");
    /** Checked header by header here, so the headers skip Netty's validation on every add and set. */
    private static final HttpHeadersFactory CHECKED_HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);

    private final int maxInitialLine;
    private final int maxHeaderSize;
    private final RawHeaderLine line = new RawHeaderLine();
    private long contentLength;

    RawRequestHeadParser(int maxInitialLine, int maxHeaderSize) {
        this.maxInitialLine = maxInitialLine;
        this.maxHeaderSize = maxHeaderSize;
    }

    /**
     * The head at {@code in}'s reader index, read past; or null, reading nothing, when the head is not complete yet or
     * is one to leave to Netty's decoder.
     */
    HttpRequest parse(ByteBuf in) {
        int length = RawHeadBytes.headLength(in, maxInitialLine + maxHeaderSize + 4);
        if (length < 0) {
            return null;
        }
        // Not reused: the headers are slices of it.
        byte[] b = new byte[length];
        in.getBytes(in.readerIndex(), b);
        HttpRequest request = parse(b);
        if (request != null) {
            in.skipBytes(length);
        }
        return request;
    }

    /**
     * The body's length of the head {@link #parse} returned last: 0 when it named none, and then the head is a
     * {@link io.netty.handler.codec.http.FullHttpRequest}, the whole request.
     */
    long contentLength() {
        return contentLength;
    }

    private HttpRequest parse(byte[] b) {
        int methodEnd = 0;
        while (HeaderSyntax.isTokenByte(b[methodEnd])) {
            methodEnd++;
        }
        if (methodEnd == 0 || b[methodEnd] != ' ') {
            return null;
        }
        int targetEnd = methodEnd + 1;
        // Visible ASCII only: bytes are signed, so obs-text is negative.
        while (b[targetEnd] > ' ' && b[targetEnd] != 0x7F) {
            targetEnd++;
        }
        int pos = targetEnd + HTTP_1_1_CRLF.length;
        if (targetEnd == methodEnd + 1 || pos > b.length || !Arrays.equals(b, targetEnd, pos, HTTP_1_1_CRLF, 0, HTTP_1_1_CRLF.length)
                || pos - 2 > maxInitialLine || b.length - pos > maxHeaderSize) {
            return null;
        }
        HttpHeaders headers = headers(b, pos);
        if (headers == null) {
            return null;
        }
        String target = new String(b, methodEnd + 1, targetEnd - methodEnd - 1, StandardCharsets.ISO_8859_1);
        HttpMethod method = method(b, methodEnd);
        // Without a body the head is the whole request: one message down the pipeline, not a head and an empty part.
        return contentLength == 0
                ? new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, target, Unpooled.EMPTY_BUFFER, headers, EmptyHttpHeaders.INSTANCE)
                : new DefaultHttpRequest(HttpVersion.HTTP_1_1, method, target, headers);
    }

    /** The header lines from {@code pos} to the blank line, noting the Content-Length; null for a head to leave. */
    private HttpHeaders headers(byte[] b, int pos) {
        HttpHeaders headers = CHECKED_HEADERS.newHeaders();
        contentLength = -1;
        while (pos < b.length - 2) {
            if (!line.read(b, pos)) {
                return null;
            }
            int nameLength = line.nameEnd - pos;
            if (is(b, TRANSFER_ENCODING, pos, nameLength)) {
                return null;
            }
            if (is(b, CONTENT_LENGTH, pos, nameLength) && !firstLength(b)) {
                return null;
            }
            headers.add(new AsciiString(b, pos, nameLength, false), new AsciiString(b, line.valueStart, line.valueEnd - line.valueStart, false));
            pos = line.next;
        }
        contentLength = Math.max(contentLength, 0);
        return headers;
    }

    /**
     * Notes the line's Content-Length; false when one came before, or the value is not plain digits. A leading zero is
     * left to Netty too, which rewrites the value to its canonical form.
     */
    private boolean firstLength(byte[] b) {
        int from = line.valueStart;
        if (contentLength >= 0 || line.valueEnd - from > 1 && b[from] == '0') {
            return false;
        }
        contentLength = digits(b, from, line.valueEnd);
        return contentLength >= 0;
    }

    /** GET without a look-up: nearly every request is one. */
    private static HttpMethod method(byte[] b, int length) {
        if (length == 3 && b[0] == 'G' && b[1] == 'E' && b[2] == 'T') {
            return HttpMethod.GET;
        }
        return HttpMethod.valueOf(new String(b, 0, length, StandardCharsets.US_ASCII));
    }
}
