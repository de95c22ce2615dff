package dev.switchboard.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.ArrayDeque;

/**
 * The client's request body on its way to backends. It is held whole for replay only when the api retries and it
 * fits in {@code maxBufferedBody}; otherwise it streams to one backend, its parts waiting in {@code pending} until
 * that backend's connection is ready. A streamed body can be sent again only while none of it has left.
 */
final class RequestBody {

    enum Mode {
        /** No body, or one the gateway discards (nothing to forward). */
        NONE,
        /** Collected whole before the first attempt, replayed by every attempt. */
        BUFFERED,
        /** Forwarded part by part to one backend. */
        STREAMED
    }

    private final boolean chunked;
    /** The client's Content-Length as its decoder enforces it (-1 without one), read before the head is rewritten. */
    private final long contentLength;
    private final long maxBuffered;
    private Mode mode;
    private CompositeByteBuf buffered;
    private ArrayDeque<HttpContent> pending;
    private boolean sent;
    private boolean complete;

    private RequestBody(Mode mode, boolean chunked, long contentLength, long maxBuffered, CompositeByteBuf buffered) {
        this.mode = mode;
        this.chunked = chunked;
        this.contentLength = contentLength;
        this.maxBuffered = maxBuffered;
        this.buffered = buffered;
    }

    /** A body that is not forwarded: the request was answered before routing decided (or there is none). */
    static RequestBody none() {
        return new RequestBody(Mode.NONE, false, -1, 0, null);
    }

    /** How {@code request}'s body travels given the api's retry policy ({@code retries}) and buffer limit. */
    static RequestBody of(HttpRequest request, boolean retries, long maxBuffered, ByteBufAllocator alloc) {
        boolean chunked = HttpUtil.isTransferEncodingChunked(request);
        long contentLength = HttpUtil.getContentLength(request, -1L);
        boolean hasBody = chunked || contentLength > 0;
        if (hasBody && retries && contentLength <= maxBuffered) {
            return new RequestBody(Mode.BUFFERED, chunked, contentLength, maxBuffered, alloc.compositeBuffer(Integer.MAX_VALUE));
        }
        return new RequestBody(hasBody ? Mode.STREAMED : Mode.NONE, chunked, contentLength, maxBuffered, null);
    }

    Mode mode() {
        return mode;
    }

    /** The last part arrived, or none will (the client left or the framing broke). */
    boolean complete() {
        return complete;
    }

    void markComplete() {
        complete = true;
    }

    /** A part of a streamed body left for a backend. */
    boolean partSent() {
        return sent;
    }

    /** True while a new attempt can send the whole request again: it is buffered, empty, or not yet sent. */
    boolean replayable() {
        return mode != Mode.STREAMED || !sent;
    }

    /** What the exchange does after {@link #accept}. */
    enum Step {
        /** Nothing: wait for more parts. */
        WAIT,
        /** The body is complete (or there is none): the first attempt starts. */
        START,
        /** The body outgrew the buffer and streams from now: the first attempt starts, reading pauses until it is ready. */
        START_STREAMING,
        /** A streamed part waits for the backend connection: reading pauses. */
        PAUSE
    }

    /** Takes a part that arrived before the response ended; {@code attempt} is the one in flight, if any. */
    Step accept(HttpContent content, ProxyAttempt attempt) {
        boolean last = content instanceof LastHttpContent;
        switch (mode) {
            case BUFFERED -> {
                buffered.addComponent(true, content.content());
                if (buffered.readableBytes() <= maxBuffered) {
                    return last ? Step.START : Step.WAIT;
                }
                CompositeByteBuf prefix = buffered;
                buffered = null;
                mode = Mode.STREAMED;
                pend(last ? new DefaultLastHttpContent(prefix) : new DefaultHttpContent(prefix));
                return Step.START_STREAMING;
            }
            case STREAMED -> {
                if (attempt != null && attempt.headSent()) {
                    attempt.sendBodyPart(content);
                    return Step.WAIT;
                }
                pend(content);
                return Step.PAUSE;
            }
            default -> {
                content.release();
                return last ? Step.START : Step.WAIT;
            }
        }
    }

    private void pend(HttpContent content) {
        if (pending == null) {
            pending = new ArrayDeque<>(4);
        }
        pending.add(content);
    }

    /**
     * Writes the request head with the framing of what follows ({@link UpstreamFraming}), then the body or what
     * arrived of it; flushes.
     */
    void writeWithHead(Channel up, HttpRequest head) {
        if (mode != Mode.STREAMED) {
            UpstreamFraming.whole(head.headers(), buffered == null ? 0 : buffered.readableBytes());
            // One message, so the encoder writes one buffer (a small body copied in after the head) and the socket
            // one send; a head and an empty last part were two buffers and a gathering write (issue 15).
            ByteBuf body = buffered == null ? Unpooled.EMPTY_BUFFER : buffered.retainedDuplicate();
            // Void promise: a failed write reaches UpstreamHandler.exceptionCaught, which fails the attempt.
            up.writeAndFlush(new DefaultFullHttpRequest(head.protocolVersion(), head.method(), head.uri(), body, head.headers(),
                    EmptyHttpHeaders.INSTANCE), up.voidPromise());
            return;
        }
        UpstreamFraming.streamed(head.headers(), chunked, contentLength);
        up.write(head, up.voidPromise());
        HttpContent part;
        while (pending != null && (part = pending.poll()) != null) {
            sent = true;
            up.write(part, up.voidPromise());
        }
        up.flush();
    }

    /** Forwards a streamed part to the backend that already has the head. */
    void send(Channel up, HttpContent content) {
        sent = true;
        up.writeAndFlush(content, up.voidPromise());
    }

    /** Frees what is held; the exchange is over. */
    void release() {
        if (buffered != null) {
            buffered.release();
            buffered = null;
        }
        HttpContent part;
        while (pending != null && (part = pending.poll()) != null) {
            part.release();
        }
    }
}
