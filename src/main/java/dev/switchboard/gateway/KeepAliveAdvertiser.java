package dev.switchboard.gateway;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.util.AsciiString;
import java.time.Duration;

/**
 * Adds {@code Keep-Alive: timeout=N} to every final response that keeps its connection open, so clients stop
 * reusing an idle connection before {@link ClientIdleTimer} closes it instead of finding it closed (issue 11
 * finding 5). Backends' Keep-Alive headers are hop-by-hop and never reach the client.
 */
@ChannelHandler.Sharable
final class KeepAliveAdvertiser extends ChannelOutboundHandlerAdapter {

    private static final AsciiString KEEP_ALIVE = AsciiString.cached("keep-alive");

    private final AsciiString value;

    KeepAliveAdvertiser(Duration idleTimeout) {
        this.value = AsciiString.cached("timeout=" + idleTimeout.toSeconds());
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response && response.status().codeClass() != HttpStatusClass.INFORMATIONAL
                && !response.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true)) {
            response.headers().set(KEEP_ALIVE, value);
        }
        ctx.write(msg, promise);
    }
}
