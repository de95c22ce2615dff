package dev.switchboard.dns.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a TCP connection that has not delivered a complete query within the window since it opened or since its
 * last complete query. It sits after the frame decoder, so only whole queries count: an idle timer that any byte
 * reset let a client trickling a byte every few seconds hold a connection, and 256 such clients every connection
 * the responder takes, for as long as they liked.
 */
final class TcpQueryDeadline extends ChannelInboundHandlerAdapter {

    private final long windowNanos;
    private ScheduledFuture<?> deadline;

    TcpQueryDeadline(Duration window) {
        this.windowNanos = window.toNanos();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        restart(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object query) {
        restart(ctx);
        ctx.fireChannelRead(query);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    private void restart(ChannelHandlerContext ctx) {
        cancel();
        deadline = ctx.executor().schedule(() -> ctx.close(), windowNanos, TimeUnit.NANOSECONDS);
    }

    private void cancel() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }
}
