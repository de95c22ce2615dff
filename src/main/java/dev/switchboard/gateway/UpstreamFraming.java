package dev.switchboard.gateway;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;

/**
 * Framing of a request towards a backend, derived by the gateway from the bytes it is about to write, never taken
 * from whatever framing headers survived the rewrite: a request with a body carries exactly one of Content-Length
 * and {@code Transfer-Encoding: chunked}, so the backend reads exactly one request per attempt (issue 11).
 */
final class UpstreamFraming {

    private UpstreamFraming() {
    }

    /**
     * The transfer codings a message names when they are anything but one plain {@code chunked}, or null. The
     * gateway re-frames every body per hop and cannot carry another coding across it (a request is refused with
     * 501, a backend's response with 502).
     */
    static String otherCodings(HttpHeaders headers) {
        if (!headers.contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            return null;
        }
        List<String> codings = headers.getAll(HttpHeaderNames.TRANSFER_ENCODING);
        return codings.size() == 1 && HttpHeaderValues.CHUNKED.contentEqualsIgnoreCase(codings.getFirst().trim())
                ? null : String.join(", ", codings);
    }

    /**
     * A body written in one piece ({@code length} bytes, 0 for none). A body-less request keeps a Content-Length
     * only when the client sent one (then 0): GETs usually carry none.
     */
    static void whole(HttpHeaders headers, int length) {
        boolean clientSentLength = headers.contains(HttpHeaderNames.CONTENT_LENGTH);
        headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
        if (length > 0 || clientSentLength) {
            headers.setInt(HttpHeaderNames.CONTENT_LENGTH, length);
        } else {
            headers.remove(HttpHeaderNames.CONTENT_LENGTH);
        }
    }

    /**
     * A body streamed part by part as the client's decoder delivers it: chunked when the client's was (the codec
     * re-chunks the parts), else the client's Content-Length, which the decoder has enforced on those parts.
     */
    static void streamed(HttpHeaders headers, boolean chunked, long contentLength) {
        if (chunked) {
            headers.remove(HttpHeaderNames.CONTENT_LENGTH);
            headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        } else {
            headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
            headers.set(HttpHeaderNames.CONTENT_LENGTH, contentLength);
        }
    }
}
