package dev.switchboard.sim;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's HTTP handler: takes each request in and hands it, once complete, to the control endpoint
 * under {@code /_sim/} ({@link SimControl}) or the simulated backend ({@link SimResponder}); both answer through
 * the response writers here. Request bodies are counted as they stream in, never kept, except the small JSON
 * bodies of control requests.
 */
final class SimHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(SimHandler.class);
    private static final String CONTROL_PREFIX = "/_sim/";

    /** What the handler keeps of a request while its body streams in. */
    record Exchange(HttpVersion version, HttpMethod method, String uri, QueryStringDecoder query,
                    String host, HttpHeaders seen, boolean keepAlive, boolean control) {
    }

    private final SimBackend backend;
    private final boolean controlOnly;
    private final SimControl controlPlane;
    private final SimResponder responder;
    private Exchange exchange;
    private long bodyBytes;

    SimHandler(SimBackend backend, boolean controlOnly) {
        this.backend = backend;
        this.controlOnly = controlOnly;
        this.controlPlane = new SimControl(backend, controlOnly);
        this.responder = new SimResponder(backend);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpRequest request) {
                onRequest(ctx, request);
            }
            if (msg instanceof HttpContent content) {
                onContent(ctx, content);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        controlPlane.release();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(backend, ctx, cause);
    }

    private void onRequest(ChannelHandlerContext ctx, HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            exchange = null;
            HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST);
            send(ctx, response, HttpMethod.GET, text("malformed request\n"), false);
            return;
        }
        QueryStringDecoder query = new QueryStringDecoder(request.uri());
        boolean control = query.path().startsWith(CONTROL_PREFIX);
        exchange = new Exchange(request.protocolVersion(), request.method(), request.uri(), query,
                request.headers().get(HttpHeaderNames.HOST), SimResponder.seenHeaders(request),
                HttpUtil.isKeepAlive(request), control);
        bodyBytes = 0;
        if (!control && !controlOnly) {
            backend.counters().requestReceived();
        }
    }

    private void onContent(ChannelHandlerContext ctx, HttpContent content) {
        if (exchange == null) {
            return;
        }
        if (content.decoderResult().isFailure()) {
            exchange = null;
            ctx.close();
            return;
        }
        bodyBytes += content.content().readableBytes();
        if (exchange.control() && !controlPlane.collect(ctx, content, bodyBytes)) {
            Exchange tooLarge = exchange;
            exchange = null;
            controlPlane.tooLarge(ctx, tooLarge);
            return;
        }
        if (content instanceof LastHttpContent) {
            Exchange done = exchange;
            exchange = null;
            if (done.control()) {
                controlPlane.answer(ctx, done);
            } else if (controlOnly) {
                sendJson(ctx, done, HttpResponseStatus.NOT_FOUND,
                        SimBehaviorJson.error(null, "this port serves only " + CONTROL_PREFIX), done.keepAlive());
            } else {
                responder.simulate(ctx, done, bodyBytes);
            }
        }
    }

    static void sendJson(ChannelHandlerContext ctx, Exchange ex, HttpResponseStatus status, byte[] json,
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
     * connection as {@link #exceptionCaught} would.
     */
    static void guarded(SimBackend backend, ChannelHandlerContext ctx, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            fail(backend, ctx, e);
        }
    }

    private static void fail(SimBackend backend, ChannelHandlerContext ctx, Throwable cause) {
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
