package dev.switchboard.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.List;

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

    /**
     * The message whose head {@code gate} just saw has a body of {@code length} bytes: with none, its empty last part
     * goes out now; otherwise the next bytes are read as its body.
     */
    void begin(long length, List<Object> out, HeadGate gate) {
        if (length > 0) {
            left = length;
        } else {
            out.add(LastHttpContent.EMPTY_LAST_CONTENT);
            gate.decoded(LastHttpContent.EMPTY_LAST_CONTENT);
        }
    }

    /** Emits the body's next part readable in {@code in}, if any; its last part is a LastHttpContent. */
    void read(ByteBuf in, List<Object> out, HeadGate gate) {
        int size = (int) Math.min(Math.min(in.readableBytes(), left), maxChunk);
        if (size == 0) {
            return;
        }
        left -= size;
        ByteBuf part = in.readRetainedSlice(size);
        if (left > 0) {
            out.add(new DefaultHttpContent(part));
            return;
        }
        left = -1;
        // A body framed by length has no trailers: no headers object per message.
        LastHttpContent last = new DefaultLastHttpContent(part, EmptyHttpHeaders.INSTANCE);
        out.add(last);
        gate.decoded(last);
    }
}
