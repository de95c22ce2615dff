package dev.switchboard.sim;

import static dev.switchboard.sim.SimReplies.finish;
import static dev.switchboard.sim.SimReplies.guarded;
import static dev.switchboard.sim.SimReplies.send;
import static dev.switchboard.sim.SimReplies.text;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The simulated data plane: answers a non-control request as the backend's current behaviour says, naming the
 * backend and echoing what a proxy added to the request, with a generated body when {@code ?size=N} asks for one.
 */
final class SimResponder {

    private static final String ECHO_HEADER = "X-Sim-Echo";
    private static final List<String> ECHOED_HEADERS =
            List.of("X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "Forwarded", "Via");

    private final SimBackend backend;

    SimResponder(SimBackend backend) {
        this.backend = backend;
    }

    /** The request's headers to echo as {@code X-Sim-Seen-*}, taken from its head before the body streams in. */
    static HttpHeaders seenHeaders(HttpRequest request) {
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
        return seen;
    }

    /** Answers a complete request whose body had {@code received} bytes. */
    void simulate(ChannelHandlerContext ctx, SimExchange ex, long received) {
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
            ctx.executor().schedule(() -> guarded(backend, ctx, respond), behavior.latency().toNanos(),
                    TimeUnit.NANOSECONDS);
        }
    }

    private void respond(ChannelHandlerContext ctx, SimExchange ex, SimBehavior behavior, int status, long received, long size) {
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
}
