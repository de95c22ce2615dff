package dev.switchboard.sim;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the simulated backend's connections answer and fail, shared by the handler, its control plane and its
 * responder so that neither depends on the handler.
 */
final class SimReplies {

    // The handler's logger, so these lines keep the name they are configured and searched by.
    private static final Logger LOG = LoggerFactory.getLogger(SimHandler.class);

    private SimReplies() {
    }

    static void sendJson(ChannelHandlerContext ctx, SimExchange ex, HttpResponseStatus status, byte[] json,
                         boolean keepAlive) {
        HttpResponse response = new DefaultHttpResponse(ex.version(), status);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        send(ctx, response, ex.method(), Unpooled.wrappedBuffer(json), keepAlive);
    }

    static void send(ChannelHandlerContext ctx, HttpResponse response, HttpMethod method, ByteBuf body,
                     boolean keepAlive) {
        if (!response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        }
        finish(ctx, response, method, body.readableBytes(), new DefaultLastHttpContent(body), keepAlive);
    }

    /** Writes head and body; {@code body} is a LastHttpContent or a chunked input producing {@code length} bytes. */
    static void finish(ChannelHandlerContext ctx, HttpResponse response, HttpMethod method, long length,
                       Object body, boolean keepAlive) {
        int code = response.status().code();
        boolean noContent = code == 204 || code == 304;
        if (!noContent) {
            HttpUtil.setContentLength(response, length);
        }
        HttpUtil.setKeepAlive(response, keepAlive);
        ctx.write(response);
        Object content = body;
        if (noContent || method.equals(HttpMethod.HEAD)) {
            ReferenceCountUtil.release(body);
            content = LastHttpContent.EMPTY_LAST_CONTENT;
        }
        var written = ctx.writeAndFlush(content);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /**
     * Runs a task scheduled on the connection's loop, outside the pipeline: a RuntimeException fails the
     * connection as the handler's exceptionCaught does.
     */
    static void guarded(SimBackend backend, ChannelHandlerContext ctx, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            fail(backend, ctx, e);
        }
    }

    static void fail(SimBackend backend, ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("sim-backend {}: I/O error on {}: {}", backend.name(), ctx.channel(), cause.toString());
        } else {
            LOG.warn("sim-backend {}: unexpected error on {}, closing it", backend.name(), ctx.channel(), cause);
        }
        ctx.close();
    }

    static ByteBuf text(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }
}
