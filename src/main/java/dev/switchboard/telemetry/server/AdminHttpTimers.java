package dev.switchboard.telemetry.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Deadlines for the admin listener's HTTP phase, so a client cannot hold a connection (and what it has sent) for
 * free: a request must arrive whole, head and body, within {@link #REQUEST_TIMEOUT} of its first byte, or it is
 * answered 408 and the connection closes; a keep-alive connection with no request under way is closed after
 * {@link #IDLE_TIMEOUT}. While a request is being answered no timer runs. The bridge removes this handler when it
 * hands a WebSocket upgrade over, so a console's stream is never cut by these timers.
 */
final class AdminHttpTimers extends ChannelDuplexHandler {

    /** Time from a request's first byte to its last; generous for a 1 MiB config on a slow link. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    /** Time a keep-alive connection may wait for its next request; longer than common scrape intervals. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

    private enum Phase { IDLE, RECEIVING, ANSWERING }

    private Phase phase = Phase.IDLE;
    private ScheduledFuture<?> timer;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            idle(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        idle(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        receiving(ctx);
        if (msg instanceof LastHttpContent) {
            // The request is whole: answering it is our time, not the client's.
            cancel();
            phase = Phase.ANSWERING;
        }
        ctx.fireChannelRead(msg);
    }

    /** Fires for every socket read, also one that brought only part of a head, which the codec does not pass on. */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        receiving(ctx);
        ctx.fireChannelReadComplete();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        boolean informational = msg instanceof HttpResponse r && r.status().codeClass() == HttpStatusClass.INFORMATIONAL;
        if (msg instanceof LastHttpContent && !informational && phase == Phase.ANSWERING) {
            idle(ctx);
        }
        ctx.write(msg, promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    private void receiving(ChannelHandlerContext ctx) {
        if (phase == Phase.IDLE) {
            phase = Phase.RECEIVING;
            schedule(ctx, REQUEST_TIMEOUT, () -> {
                FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_TIMEOUT, Unpooled.EMPTY_BUFFER);
                response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
                HttpUtil.setKeepAlive(response, false);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            });
        }
    }

    private void idle(ChannelHandlerContext ctx) {
        phase = Phase.IDLE;
        schedule(ctx, IDLE_TIMEOUT, ctx::close);
    }

    private void schedule(ChannelHandlerContext ctx, Duration after, Runnable action) {
        cancel();
        timer = ctx.executor().schedule(() -> {
            timer = null;
            action.run();
        }, after.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
