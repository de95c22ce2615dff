package dev.switchboard.sim;

import static dev.switchboard.sim.SimReplies.guarded;
import static dev.switchboard.sim.SimReplies.send;
import static dev.switchboard.sim.SimReplies.sendJson;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's control plane: the JSON requests under {@code /_sim/} that read, change or reset the
 * backend's behaviour. Keeps a control request's small body until the request is complete.
 */
final class SimControl {

    // The handler's logger, so control-plane lines keep the name they are configured and searched by.
    private static final Logger LOG = LoggerFactory.getLogger(SimHandler.class);
    private static final int MAX_BODY = 64 * 1024;

    private final SimBackend backend;
    private final boolean controlOnly;
    private CompositeByteBuf body;

    SimControl(SimBackend backend, boolean controlOnly) {
        this.backend = backend;
        this.controlOnly = controlOnly;
    }

    /** Keeps a chunk of the body; false, keeping nothing, once the {@code received} bytes are past the limit. */
    boolean collect(ChannelHandlerContext ctx, HttpContent content, long received) {
        if (received > MAX_BODY) {
            return false;
        }
        if (body == null) {
            body = ctx.alloc().compositeBuffer();
        }
        body.addComponent(true, content.content().retain());
        return true;
    }

    /** Answers a request whose body {@link #collect} refused, dropping what was kept of it. */
    void tooLarge(ChannelHandlerContext ctx, SimExchange ex) {
        release();
        sendJson(ctx, ex, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                SimBehaviorJson.error(null, "control body larger than " + MAX_BODY + " bytes"), false);
    }

    /** Answers a complete control request with the body collected for it. */
    void answer(ChannelHandlerContext ctx, SimExchange ex) {
        byte[] json = takeBody();
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
                        var patch = SimBehaviorJson.parsePatch(json);
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

    /** Drops a partly received body (the connection is going away); nothing to do when none is kept. */
    void release() {
        if (body != null) {
            body.release();
            body = null;
        }
    }

    private void afterChange(ChannelHandlerContext ctx, SimExchange ex, CompletableFuture<SimBehavior> change) {
        change.whenComplete((behavior, failure) -> ctx.executor().execute(() -> guarded(backend, ctx, () -> {
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

    private void sendState(ChannelHandlerContext ctx, SimExchange ex) {
        // A main-port connection must not outlive the listener it came through.
        boolean keepAlive = ex.keepAlive() && (controlOnly || !backend.behavior().refuseConnections());
        sendJson(ctx, ex, HttpResponseStatus.OK,
                SimBehaviorJson.state(backend.name(), backend.behavior(), backend.counters()), keepAlive);
    }

    private void methodNotAllowed(ChannelHandlerContext ctx, SimExchange ex, String allow) {
        HttpResponse response = new DefaultHttpResponse(ex.version(), HttpResponseStatus.METHOD_NOT_ALLOWED);
        response.headers().set(HttpHeaderNames.ALLOW, allow);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        send(ctx, response, ex.method(),
                Unpooled.wrappedBuffer(SimBehaviorJson.error(null, ex.method() + " not allowed; use " + allow)),
                ex.keepAlive());
    }

    private byte[] takeBody() {
        if (body == null) {
            return new byte[0];
        }
        byte[] bytes = ByteBufUtil.getBytes(body);
        release();
        return bytes;
    }
}
