package dev.switchboard.gateway;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;

/**
 * Writes one exchange's response to the client: a backend's response (re-framed for the client's HTTP version) or
 * a problem, with the keep-alive decision and the diagnostics headers. Counts the body bytes it forwards.
 */
final class ClientResponseWriter {

    static final AsciiString BACKEND_HEADER = AsciiString.cached("x-switchboard-backend");
    static final AsciiString ATTEMPTS_HEADER = AsciiString.cached("x-switchboard-attempts");

    private final ChannelHandlerContext client;
    private final HttpMethod method;
    private final boolean clientKeepAlive;
    private final boolean http10Client;
    private boolean diagnostics;
    private final GatewayRuntime runtime;
    /** HTTP/1.0 has no chunked coding: a body of unknown length ends when the connection closes. */
    private boolean closeDelimited;
    /** The request's framing broke, so the connection cannot carry another request. */
    private boolean malformed;
    private boolean started;
    /** The decision trace for the response head; null when the request did not ask for one. */
    private String trace;
    private int status;
    private long bodyBytes;
    /**
     * A backend's raw head not written yet: when its whole body follows before the next flush, both go out as one
     * {@link RawFullResponse}.
     */
    private RawResponseHead heldHead;

    ClientResponseWriter(ChannelHandlerContext client, HttpRequest request, GatewayRuntime runtime) {
        this.client = client;
        this.method = request.method();
        this.clientKeepAlive = HttpUtil.isKeepAlive(request);
        this.http10Client = HttpVersion.HTTP_1_0.equals(request.protocolVersion());
        this.runtime = runtime;
    }

    /** A response byte went to the client: from here the only way to signal failure is closing the connection. */
    boolean started() {
        return started;
    }

    /** The status the client got, or 0 before any. */
    int status() {
        return status;
    }

    long bodyBytes() {
        return bodyBytes;
    }

    /** Whether responses name their backend and attempts (the config the request was routed with says). */
    void diagnostics(boolean on) {
        diagnostics = on;
    }

    /** The decision trace the next response head carries. */
    void trace(String json) {
        trace = json;
    }

    void markMalformed() {
        malformed = true;
    }

    boolean keepAliveAllowed() {
        return clientKeepAlive && !closeDelimited && !malformed && !runtime.draining();
    }

    /** Writes (without flushing) a backend's response head. */
    void writeHead(HttpResponse response, String backendId, int attempts) {
        HttpResponse out = response instanceof RawResponseHead raw ? withVia(raw) : rewritten(response);
        HttpHeaders headers = out.headers();
        if (diagnostics) {
            headers.set(BACKEND_HEADER, backendId);
            headers.setInt(ATTEMPTS_HEADER, attempts);
        }
        if (!keepAliveAllowed()) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        // Only the gateway writes a trace: a backend's header of that name would pass for one.
        headers.remove(DecisionTrace.RESPONSE_HEADER);
        if (trace != null) {
            headers.set(DecisionTrace.RESPONSE_HEADER, trace);
        }
        started = true;
        status = response.status().code();
        if (out instanceof RawResponseHead raw) {
            heldHead = raw;
        } else {
            client.write(out, client.voidPromise());
        }
    }

    /** A raw head kept only the lines that pass the hop, framed by its Content-Length; it lacks only the Via entry. */
    private static HttpResponse withVia(RawResponseHead raw) {
        raw.headers().set(HttpHeaderNames.VIA, raw.via());
        return raw;
    }

    /** A head Netty decoded: the hop's rewrite, and the framing for this client when the backend's has no length. */
    private HttpResponse rewritten(HttpResponse response) {
        HttpHeaders headers = response.headers();
        HeaderRewriter.rewriteResponse(headers);
        DefaultHttpResponse out = new DefaultHttpResponse(HttpVersion.HTTP_1_1, response.status(), headers);
        if (!headers.contains(HttpHeaderNames.CONTENT_LENGTH) && mayHaveBody(method, response.status().code())) {
            if (http10Client) {
                closeDelimited = true;
            } else {
                HttpUtil.setTransferEncodingChunked(out, true);
            }
        }
        return out;
    }

    /** Writes a body part; the last one is flushed. */
    void writeBody(HttpContent content, boolean last) {
        bodyBytes += content.content().readableBytes();
        if (heldHead != null && last) {
            RawFullResponse whole = new RawFullResponse(heldHead, content.content());
            heldHead = null;
            client.writeAndFlush(whole, client.voidPromise());
            return;
        }
        writeHeldHead();
        if (last) {
            client.writeAndFlush(content, client.voidPromise());
        } else {
            client.write(content, client.voidPromise());
        }
    }

    /** Flushes what was written, with a head still held. */
    void flush() {
        writeHeldHead();
        client.flush();
    }

    private void writeHeldHead() {
        if (heldHead != null) {
            client.write(heldHead, client.voidPromise());
            heldHead = null;
        }
    }

    boolean clientWritable() {
        return client.channel().isWritable();
    }

    /** Answers with {@code problem}; returns whether the connection may stay open. */
    boolean writeProblem(Problem problem, String path, int attempts) {
        return writeAnswer(ProblemResponses.render(problem, path, client.alloc()), attempts);
    }

    /** Answers from the gateway itself (a problem, or an api's return-response); returns whether the connection may stay open. */
    boolean writeAnswer(FullHttpResponse response, int attempts) {
        if (diagnostics && attempts > 0) {
            response.headers().setInt(ATTEMPTS_HEADER, attempts);
        }
        boolean keepAlive = keepAliveAllowed();
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        if (trace != null) {
            response.headers().set(DecisionTrace.RESPONSE_HEADER, trace);
        }
        started = true;
        status = response.status().code();
        bodyBytes += response.content().readableBytes();
        client.writeAndFlush(response);
        return keepAlive;
    }

    private static boolean mayHaveBody(HttpMethod method, int status) {
        return !HttpMethod.HEAD.equals(method) && status >= 200 && status != 204 && status != 304;
    }
}
