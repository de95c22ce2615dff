package dev.switchboard.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpContent;

/**
 * The body of a message whose head a one-pass parser read ({@link RawRequestHeadParser}, {@link RawResponseHeadParser}):
 * framed by its Content-Length, so its parts are slices of the connection's bytes, at most {@code maxChunk} each, as
 * Netty's decoder would cut them. Netty's decoder has no part in such a message.
 */
final class LengthFramedBody {

    private final int maxChunk;
    /** Body bytes still due; -1 when no body is being read. */
    private long left = -1;

    LengthFramedBody(int maxChunk) {
        this.maxChunk = maxChunk;
    }

    /** Whether a body is being read: the next bytes are its own. */
    boolean reading() {
        return left >= 0;
    }

    /** The next bytes are a body of {@code length} (more than 0) bytes. */
    void start(long length) {
        left = length;
    }

    /** The next part of the body from {@code in}, or null when no byte is readable; its last part is a LastHttpContent. */
    HttpContent read(ByteBuf in) {
        int size = (int) Math.min(Math.min(in.readableBytes(), left), maxChunk);
        if (size == 0) {
            return null;
        }
        left -= size;
        ByteBuf part = in.readRetainedSlice(size);
        if (left > 0) {
            return new DefaultHttpContent(part);
        }
        left = -1;
        // A body framed by length has no trailers: no headers object per message.
        return new DefaultLastHttpContent(part, EmptyHttpHeaders.INSTANCE);
    }
}
