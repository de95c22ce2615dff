package dev.switchboard.sim;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpChunkedInput;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's HTTP handler: answers simulated requests per the current behaviour and serves the
 * control endpoint under {@code /_sim/}. Request bodies are counted as they stream in, never kept,
 * except the small JSON bodies of control requests.
 */
final class SimHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(SimHandler.class);
    private static final String CONTROL_PREFIX = "/_sim/";
    private static final int MAX_CONTROL_BODY = 64 * 1024;
    static final String ECHO_HEADER = "X-Sim-Echo";
    private static final List<String> ECHOED_HEADERS =
            List.of("X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "Forwarded", "Via");

    /** What the handler keeps of a request while its body streams in. */
    private record Exchange(HttpVersion version, HttpMethod method, String uri, QueryStringDecoder query,
                            String host, HttpHeaders seen, boolean keepAlive, boolean control) {
    }

    private final SimBackend backend;
    private final boolean controlOnly;
    private Exchange exchange;
    private long bodyBytes;
    private CompositeByteBuf controlBody;

    SimHandler(SimBackend backend, boolean controlOnly) {
        this.backend = backend;
        this.controlOnly = controlOnly;
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
        releaseControlBody();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("sim-backend {}: I/O error on {}: {}", backend.name(), ctx.channel(), cause.toString());
        } else {
            LOG.warn("sim-backend {}: unexpected error on {}, closing it", backend.name(), ctx.channel(), cause);
        }
        ctx.close();
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
        HttpHeaders seen = new DefaultHttpHeaders();
        List<String> echoed = new ArrayList<>(ECHOED_HEADERS);
        // X-Sim-Echo names more headers to echo: a test sees what a proxy added (credentials, set-header).
        for (String name : request.headers().getAll(ECHO_HEADER)) {
            for (String part : name.split(",")) {
                echoed.add(part.strip());
            }
        }
        for (String name : echoed) {
            List<String> values = request.headers().getAll(name);
            if (!values.isEmpty()) {
                seen.set("X-Sim-Seen-" + name, String.join(", ", values));
            }
        }
        exchange = new Exchange(request.protocolVersion(), request.method(), request.uri(), query,
                request.headers().get(HttpHeaderNames.HOST), seen, HttpUtil.isKeepAlive(request), control);
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
        if (exchange.control()) {
            if (bodyBytes > MAX_CONTROL_BODY) {
                Exchange tooLarge = exchange;
                exchange = null;
                releaseControlBody();
                sendJson(ctx, tooLarge, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                        SimBehaviorJson.error(null, "control body larger than " + MAX_CONTROL_BODY + " bytes"), false);
                return;
            }
            if (controlBody == null) {
                controlBody = ctx.alloc().compositeBuffer();
            }
            controlBody.addComponent(true, content.content().retain());
        }
        if (content instanceof LastHttpContent) {
            Exchange done = exchange;
            exchange = null;
            if (done.control()) {
                control(ctx, done, takeControlBody());
            } else if (controlOnly) {
                sendJson(ctx, done, HttpResponseStatus.NOT_FOUND,
                        SimBehaviorJson.error(null, "this port serves only " + CONTROL_PREFIX), done.keepAlive());
            } else {
                simulate(ctx, done, bodyBytes);
            }
        }
    }

    private void simulate(ChannelHandlerContext ctx, Exchange ex, long received) {
        SimBehavior behavior = backend.behavior();
        if (behavior.refuseConnections()) {
            // A connection that was accepted just before the listener went away goes the same way.
            ctx.close();
            return;
        }
        if (behavior.hang()) {
            return;
        }
        long size;
        try {
            size = generatedSize(ex.query());
        } catch (IllegalArgumentException e) {
            backend.counters().responseSent(HttpResponseStatus.BAD_REQUEST.code());
            send(ctx, new DefaultHttpResponse(ex.version(), HttpResponseStatus.BAD_REQUEST), ex.method(),
                    text(e.getMessage() + "\n"), ex.keepAlive());
            return;
        }
        boolean error = behavior.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < behavior.errorRate();
        int status = error ? behavior.errorStatus() : behavior.status();
        Runnable respond = () -> respond(ctx, ex, behavior, status, received, size);
        if (behavior.latency().isZero()) {
            respond.run();
        } else {
            ctx.executor().schedule(() -> guarded(ctx, respond), behavior.latency().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void respond(ChannelHandlerContext ctx, Exchange ex, SimBehavior behavior, int status, long received, long size) {
        if (!ctx.channel().isActive()) {
            return;
        }
        HttpResponse response = new DefaultHttpResponse(ex.version(), HttpResponseStatus.valueOf(status));
        HttpHeaders headers = response.headers();
        headers.set("X-Sim-Backend", backend.name());
        headers.set("X-Sim-Path", ex.uri());
        if (ex.host() != null) {
            headers.set("X-Sim-Host", ex.host());
        }
        headers.set("X-Sim-Request-Body-Bytes", received);
        headers.add(ex.seen());
        if (status >= 400) {
            behavior.retryAfterSeconds().ifPresent(seconds -> headers.set(HttpHeaderNames.RETRY_AFTER, seconds));
        }
        backend.counters().responseSent(status);
        boolean keepAlive = ex.keepAlive() && !behavior.closeAfterResponse();
        if (size < 0) {
            send(ctx, response, ex.method(), text(backend.name() + "\n"), keepAlive);
        } else {
            headers.set(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream");
            finish(ctx, response, ex.method(), size, new HttpChunkedInput(new GeneratedBody(size)), keepAlive);
        }
    }

    /** The {@code ?size=N} parameter, or -1 when the request has none. */
    private static long generatedSize(QueryStringDecoder query) {
        List<String> values = query.parameters().get("size");
        if (values == null || values.isEmpty()) {
            return -1;
        }
        try {
            long size = Long.parseLong(values.getFirst());
            if (size >= 0) {
                return size;
            }
        } catch (NumberFormatException ignored) {
            // Reported below like a negative size.
        }
        throw new IllegalArgumentException("size must be a non-negative number of bytes: " + values.getFirst());
    }

    private void control(ChannelHandlerContext ctx, Exchange ex, byte[] body) {
        String path = ex.query().path();
        HttpMethod method = ex.method();
        boolean read = method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD);
        boolean write = method.equals(HttpMethod.PUT) || method.equals(HttpMethod.POST);
        switch (path) {
            case "/_sim/behavior" -> {
                if (read) {
                    sendState(ctx, ex);
                } else if (write) {
                    try {
                        var patch = SimBehaviorJson.parsePatch(body);
                        afterChange(ctx, ex, backend.change(patch, ctx.channel()));
                    } catch (SimBehaviorJson.InvalidFieldException e) {
                        sendJson(ctx, ex, HttpResponseStatus.BAD_REQUEST, SimBehaviorJson.error(e.field(), e.getMessage()),
                                ex.keepAlive());
                    }
                } else {
                    methodNotAllowed(ctx, ex, "GET, HEAD, PUT, POST");
                }
            }
            case "/_sim/reset" -> {
                if (method.equals(HttpMethod.POST)) {
                    afterChange(ctx, ex, backend.resetAsync(ctx.channel()));
                } else {
                    methodNotAllowed(ctx, ex, "POST");
                }
            }
            default -> sendJson(ctx, ex, HttpResponseStatus.NOT_FOUND,
                    SimBehaviorJson.error(null, "no control resource " + path), ex.keepAlive());
        }
    }

    private void afterChange(ChannelHandlerContext ctx, Exchange ex, CompletableFuture<SimBehavior> change) {
        change.whenComplete((behavior, failure) -> ctx.executor().execute(() -> guarded(ctx, () -> {
            if (failure == null) {
                sendState(ctx, ex);
            } else {
                LOG.warn("sim-backend {}: could not apply behaviour", backend.name(), failure);
                sendJson(ctx, ex, HttpResponseStatus.INTERNAL_SERVER_ERROR,
                        SimBehaviorJson.error(null, "behaviour stored but listener failed: " + failure.getMessage()),
                        false);
            }
        })));
    }

    private void sendState(ChannelHandlerContext ctx, Exchange ex) {
        // A main-port connection must not outlive the listener it came through.
        boolean keepAlive = ex.keepAlive() && (controlOnly || !backend.behavior().refuseConnections());
        sendJson(ctx, ex, HttpResponseStatus.OK,
                SimBehaviorJson.state(backend.name(), backend.behavior(), backend.counters()), keepAlive);
    }

    private void methodNotAllowed(ChannelHandlerContext ctx, Exchange ex, String allow) {
        HttpResponse response = new DefaultHttpResponse(ex.version(), HttpResponseStatus.METHOD_NOT_ALLOWED);
        response.headers().set(HttpHeaderNames.ALLOW, allow);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        send(ctx, response, ex.method(),
                Unpooled.wrappedBuffer(SimBehaviorJson.error(null, ex.method() + " not allowed; use " + allow)),
                ex.keepAlive());
    }

    private static void sendJson(ChannelHandlerContext ctx, Exchange ex, HttpResponseStatus status, byte[] json,
                                 boolean keepAlive) {
        HttpResponse response = new DefaultHttpResponse(ex.version(), status);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        send(ctx, response, ex.method(), Unpooled.wrappedBuffer(json), keepAlive);
    }

    private static void send(ChannelHandlerContext ctx, HttpResponse response, HttpMethod method, ByteBuf body,
                             boolean keepAlive) {
        if (!response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        }
        finish(ctx, response, method, body.readableBytes(), new DefaultLastHttpContent(body), keepAlive);
    }

    /** Writes head and body; {@code body} is a LastHttpContent or a chunked input producing {@code length} bytes. */
    private static void finish(ChannelHandlerContext ctx, HttpResponse response, HttpMethod method, long length,
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

    private void guarded(ChannelHandlerContext ctx, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            exceptionCaught(ctx, e);
        }
    }

    private byte[] takeControlBody() {
        if (controlBody == null) {
            return new byte[0];
        }
        byte[] bytes = ByteBufUtil.getBytes(controlBody);
        releaseControlBody();
        return bytes;
    }

    private void releaseControlBody() {
        if (controlBody != null) {
            controlBody.release();
            controlBody = null;
        }
    }

    private static ByteBuf text(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }
}
