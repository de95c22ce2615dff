package dev.switchboard.gateway;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last handler of a backend connection: hands responses to the attempt that owns the connection, and keeps an
 * idle pooled connection tidy (drops it from the pool when the backend closes it; {@link UpstreamPool#sweepIdle}
 * closes it when idle too long).
 */
final class UpstreamHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamHandler.class);

    private final UpstreamPool pool;
    private final UpstreamKey key;
    private UpstreamListener listener;
    /** The pool's sweep count when the connection last went idle. */
    private int releasedAtSweep;

    UpstreamHandler(UpstreamPool pool, UpstreamKey key) {
        this.pool = pool;
        this.key = key;
    }

    UpstreamKey key() {
        return key;
    }

    void attach(UpstreamListener owner) {
        this.listener = owner;
    }

    void detach() {
        this.listener = null;
    }

    void releasedAtSweep(int sweep) {
        releasedAtSweep = sweep;
    }

    int releasedAtSweep() {
        return releasedAtSweep;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (listener != null && msg instanceof HttpObject part) {
            listener.onResponsePart(part);
        } else {
            // Bytes on an idle connection: the backend broke framing; the connection cannot be reused.
            ReferenceCountUtil.release(msg);
            ctx.close();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (listener != null) {
            listener.onUpstreamReadComplete();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        UpstreamListener owner = listener;
        listener = null;
        if (owner != null) {
            owner.onUpstreamClosed();
        } else {
            pool.forget(key, ctx.channel());
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (listener != null) {
            listener.onUpstreamWritabilityChanged(ctx.channel().isWritable());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        UpstreamListener owner = listener;
        listener = null;
        if (owner != null) {
            owner.onUpstreamError(cause);
        } else {
            LOG.debug("idle connection to {}:{} failed: {}", key.host(), key.port(), cause.toString());
        }
        ctx.close();
    }
}
