package dev.switchboard.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * A backend's HTTP/1.1 response head kept as the bytes the client gets: its status line and the header lines that
 * pass the hop (hop-by-hop lines are already gone, {@link RawResponseHeadParser}). Its {@link #headers()} start
 * empty and hold only what the gateway adds (Via, diagnostics, Connection, Keep-Alive), which the client's encoder
 * writes after {@link #writeLines}. Parsing a head into Netty's headers and encoding it again was a fifth of the
 * gateway's CPU (issue 15).
 */
final class RawResponseHead extends DefaultHttpResponse {

    private static final HttpHeadersFactory ADDITIONS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);

    private final byte[] lines;
    private final int length;
    private final boolean keepAlive;
    private final long bodyLength;
    private final String via;
    private final String retryAfter;

    /**
     * @param lines         the status line and kept header lines, each ending in CRLF, in {@code [0, length)}
     * @param bodyLength    the length of the body that follows the head; 0 for none (204, 304, an answer to HEAD)
     * @param via           the backend's Via value, which the gateway's own entry follows; null for none
     * @param retryAfter    the backend's Retry-After value, null for none
     */
    RawResponseHead(HttpResponseStatus status, byte[] lines, int length, boolean keepAlive, long bodyLength, String via, String retryAfter) {
        super(HttpVersion.HTTP_1_1, status, ADDITIONS.newHeaders());
        this.lines = lines;
        this.length = length;
        this.keepAlive = keepAlive;
        this.bodyLength = bodyLength;
        this.via = via;
        this.retryAfter = retryAfter;
    }

    /** Writes the status line and the backend's kept header lines. */
    void writeLines(ByteBuf buf) {
        buf.writeBytes(lines, 0, length);
    }

    /** The length of the body that follows the head, whatever its Content-Length says; 0 when it has none. */
    long bodyLength() {
        return bodyLength;
    }

    /** The Via value the client gets: the backend's, then the gateway's. */
    String via() {
        return via == null ? HeaderRewriter.VIA_VALUE : via + ", " + HeaderRewriter.VIA_VALUE;
    }

    /** Whether the backend keeps the connection open after {@code response}. */
    static boolean keepAlive(HttpResponse response) {
        return response instanceof RawResponseHead raw ? raw.keepAlive : HttpUtil.isKeepAlive(response);
    }

    /** The backend's Retry-After value in {@code response}, or null. */
    static String retryAfter(HttpResponse response) {
        return response instanceof RawResponseHead raw ? raw.retryAfter : response.headers().get(HttpHeaderNames.RETRY_AFTER);
    }
}
