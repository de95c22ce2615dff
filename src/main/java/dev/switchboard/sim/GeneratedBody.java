package dev.switchboard.sim;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.stream.ChunkedInput;
import java.nio.charset.StandardCharsets;

/**
 * A response body of a given length, handed to ChunkedWriteHandler chunk by chunk so that only
 * what the socket can take is in flight; every chunk is a slice of one shared read-only buffer.
 */
final class GeneratedBody implements ChunkedInput<ByteBuf> {

    static final int CHUNK_SIZE = 64 * 1024;

    private static final ByteBuf PATTERN = pattern();

    private final long length;
    private long produced;

    GeneratedBody(long length) {
        this.length = length;
    }

    @Override
    public boolean isEndOfInput() {
        return produced >= length;
    }

    @Override
    public void close() {
        // Nothing to release: chunks are slices of a shared, never-freed buffer.
    }

    @Override
    @Deprecated
    public ByteBuf readChunk(ChannelHandlerContext ctx) {
        return readChunk(ctx.alloc());
    }

    @Override
    public ByteBuf readChunk(ByteBufAllocator allocator) {
        if (isEndOfInput()) {
            return null;
        }
        int n = (int) Math.min(CHUNK_SIZE, length - produced);
        produced += n;
        return PATTERN.slice(0, n);
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public long progress() {
        return produced;
    }

    private static ByteBuf pattern() {
        byte[] line = "switchboard sim body\n".getBytes(StandardCharsets.US_ASCII);
        ByteBuf buf = Unpooled.directBuffer(CHUNK_SIZE, CHUNK_SIZE);
        while (buf.isWritable()) {
            buf.writeBytes(line, 0, Math.min(line.length, buf.writableBytes()));
        }
        return Unpooled.unreleasableBuffer(buf.asReadOnly());
    }
}
