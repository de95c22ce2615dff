package dev.switchboard.sim;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;

/**
 * One connection's HTTP handler: takes each request in and hands it, once complete, to the control endpoint
 * under {@code /_sim/} ({@link SimControl}) or the simulated backend ({@link SimResponder}); both answer through
 * {@link SimReplies}. Request bodies are counted as they stream in, never kept, except the small JSON
 * bodies of control requests.
 */
final class SimHandler extends ChannelInboundHandlerAdapter {

    private static final String CONTROL_PREFIX = "/_sim/";

    private final SimBackend backend;
    private final boolean controlOnly;
    private final SimControl controlPlane;
    private final SimResponder responder;
    private SimExchange exchange;
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
        SimReplies.fail(backend, ctx, cause);
    }

    private void onRequest(ChannelHandlerContext ctx, HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            exchange = null;
            HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST);
            SimReplies.send(ctx, response, HttpMethod.GET, SimReplies.text("malformed request\n"), false);
            return;
        }
        QueryStringDecoder query = new QueryStringDecoder(request.uri());
        boolean control = query.path().startsWith(CONTROL_PREFIX);
        exchange = new SimExchange(request.protocolVersion(), request.method(), request.uri(), query,
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
            SimExchange tooLarge = exchange;
            exchange = null;
            controlPlane.tooLarge(ctx, tooLarge);
            return;
        }
        if (content instanceof LastHttpContent) {
            SimExchange done = exchange;
            exchange = null;
            if (done.control()) {
                controlPlane.answer(ctx, done);
            } else if (controlOnly) {
                SimReplies.sendJson(ctx, done, HttpResponseStatus.NOT_FOUND,
                        SimBehaviorJson.error(null, "this port serves only " + CONTROL_PREFIX), done.keepAlive());
            } else {
                responder.simulate(ctx, done, bodyBytes);
            }
        }
    }
}
