package dev.switchboard.gateway;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;

/**
 * Drops read requests once the client shut down its write side. The frontend toggles auto-read for backpressure
 * and pipelining; after a half-close Netty's epoll transport fails re-arming reads on the socket (epoll_ctl
 * ENOENT), which would kill the connection before the response is written. First in the pipeline, so every
 * handler's read passes it.
 */
@ChannelHandler.Sharable
final class HalfCloseReadGuard extends ChannelOutboundHandlerAdapter {

    static final HalfCloseReadGuard INSTANCE = new HalfCloseReadGuard();

    private HalfCloseReadGuard() {
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        if (!(ctx.channel() instanceof DuplexChannel duplex) || !duplex.isInputShutdown()) {
            ctx.read();
        }
    }
}
