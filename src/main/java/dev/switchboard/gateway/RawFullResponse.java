package dev.switchboard.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpVersion;

/**
 * A backend's {@link RawResponseHead} with its whole body, written to the client as one message: Netty's encoder then
 * copies a small body into the head's buffer, so the response leaves in one buffer and one send, where a head and a
 * body part were two buffers and a gathering write (issue 15). Owns {@code body}; the encoder releases it.
 */
final class RawFullResponse extends DefaultFullHttpResponse {

    private final RawResponseHead head;

    RawFullResponse(RawResponseHead head, ByteBuf body) {
        super(HttpVersion.HTTP_1_1, head.status(), body, head.headers(), EmptyHttpHeaders.INSTANCE);
        this.head = head;
    }

    /** Writes the status line and the backend's kept header lines. */
    void writeLines(ByteBuf buf) {
        head.writeLines(buf);
    }
}
