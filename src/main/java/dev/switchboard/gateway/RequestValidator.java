package dev.switchboard.gateway;

import dev.switchboard.engine.routing.RouteMatch;
import dev.switchboard.engine.routing.Router;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Refuses what a strict HTTP/1.1 server must refuse and what a proxy must not pass on (issue 11), before any
 * routing: a version other than 1.0 and 1.1 (505), CONNECT (405), an HTTP/1.1 request without exactly one Host
 * or an HTTP/1.0 one with several, or a Host that is not host[:port] (400), a request target with a byte no URI
 * holds (400), a transfer coding other than plain chunked (501, the gateway re-frames bodies and cannot pass other
 * codings on), a Max-Forwards on OPTIONS or TRACE that is not a number (400), and a path whose dot-segments climb
 * above the root or out of the api they start in (400).
 * Dot-segments that stay inside are resolved here, so routing and forwarding see one path.
 *
 * <p>A refused request goes on with a failed decoder result, so the frontend answers it in order and closes; every
 * byte after it on the connection is dropped unparsed.
 */
final class RequestValidator extends ChannelInboundHandlerAdapter {

    /** For the Allow header of a 405: the gateway forwards every method but CONNECT. */
    static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE";

    private final GatewayRuntime runtime;
    private boolean refused;

    RequestValidator(GatewayRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused && msg instanceof HttpObject) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            if (request.decoderResult().isSuccess()) {
                Problem problem = check(request);
                if (problem != null) {
                    request.setDecoderResult(DecoderResult.failure(new RejectedRequest(problem, true)));
                }
            }
            refused = request.decoderResult().isFailure();
        }
        ctx.fireChannelRead(msg);
    }

    /** The reason to refuse {@code request}, or null; resolves its path's dot-segments in place. */
    private Problem check(HttpRequest request) {
        HttpVersion version = request.protocolVersion();
        boolean http11 = HttpVersion.HTTP_1_1.equals(version);
        if (!http11 && !HttpVersion.HTTP_1_0.equals(version)) {
            return Problem.versionNotSupported(version.text());
        }
        if (HttpMethod.CONNECT.equals(request.method())) {
            return Problem.methodNotAllowed(request.method().name());
        }
        int bad = firstNotAllowed(request.uri(), 0, RequestValidator::targetChar);
        if (bad >= 0) {
            return Problem.malformedRequest("its request target holds 0x" + Integer.toHexString(bad)
                    + ", which a request target may not hold");
        }
        if (nulInPath(request.uri())) {
            return Problem.malformedRequest("its path holds %00 (NUL), which many backends take for the end of the path");
        }
        HttpHeaders headers = request.headers();
        List<String> hosts = headers.getAll(HttpHeaderNames.HOST);
        if (hosts.size() > 1) {
            return Problem.malformedRequest("it has " + hosts.size() + " Host headers; exactly one is allowed");
        }
        if (hosts.isEmpty() && http11) {
            return Problem.malformedRequest("an HTTP/1.1 request needs a Host header");
        }
        Problem badHost = hosts.isEmpty() ? null : checkHost(hosts.getFirst());
        if (badHost != null) {
            return badHost;
        }
        String codings = UpstreamFraming.otherCodings(headers);
        if (codings != null) {
            return Problem.transferCodingNotImplemented(codings);
        }
        Problem maxForwards = MaxForwards.check(request);
        if (maxForwards != null) {
            return maxForwards;
        }
        return checkPath(request);
    }

    /** RFC 9112 3.2: a Host value is host[:port], and the port (after any IPv6 literal's brackets) is digits. */
    private static Problem checkHost(String host) {
        int bad = firstNotAllowed(host, 0, RequestValidator::hostChar);
        if (bad >= 0) {
            return Problem.malformedRequest("its Host header holds 0x" + Integer.toHexString(bad)
                    + "; RFC 9112 3.2 allows only host[:port]");
        }
        int colon = host.indexOf(':', host.lastIndexOf(']') + 1);
        if (colon >= 0 && firstNotAllowed(host, colon + 1, c -> c >= '0' && c <= '9') >= 0) {
            return Problem.malformedRequest("the port in its Host header '" + host + "' is not digits");
        }
        return null;
    }

    /** The first character of {@code text} from {@code from} on that {@code allowed} refuses, or -1. */
    private static int firstNotAllowed(String text, int from, IntPredicate allowed) {
        for (int i = from; i < text.length(); i++) {
            if (!allowed.test(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return -1;
    }

    /**
     * RFC 9112 3.2 forbids the rest, and a backend could read them differently from the gateway: a control or
     * non-ASCII byte (Netty would re-encode it), a backslash (a separator to some servers, so a way round
     * {@link PathNormaliser}), {@code #} (a fragment is never sent), and the printable characters RFC 3986 allows
     * only percent-encoded ({@code " < > ^ ` { | }}), which HAProxy refuses by default too.
     */
    private static boolean targetChar(int c) {
        return c > ' ' && c < 0x7F && c != '\\' && c != '#' && c != '"' && c != '<' && c != '>' && c != '^' && c != '`'
                && c != '{' && c != '|' && c != '}';
    }

    /** Whether the path (before any '?') holds an encoded NUL, which C-based backends read as the path's end. */
    private static boolean nulInPath(String uri) {
        int nul = uri.indexOf("%00");
        if (nul < 0) {
            return false;
        }
        int query = uri.indexOf('?');
        return query < 0 || nul < query;
    }

    /**
     * RFC 3986 uri-host and port (reg-name, IP literal, IPv4): no userinfo, path or whitespace, which would make
     * host-based routing and {@code X-Forwarded-Host} read another host than a backend would.
     */
    private static boolean hostChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~%!$&'()*+,;=:[]".indexOf(c) >= 0;
    }

    private Problem checkPath(HttpRequest request) {
        String uri = request.uri();
        if (!uri.startsWith("/")) {
            return null;
        }
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String normalised = PathNormaliser.normalise(path);
        if (normalised == null) {
            return Problem.malformedRequest("the '..' segments in its path '" + path + "' climb above the root");
        }
        if (normalised.equals(path)) {
            return null;
        }
        String query = q < 0 ? null : uri.substring(q + 1);
        RouteMatch claimed = runtime.engine().route(new HttpRequestView(request, PathNormaliser.decoded(path), query));
        if (claimed != null && !Router.prefixMatches(claimed.api().path(), normalised)) {
            return Problem.pathEscapesApi(path, claimed.api().name(), claimed.api().path());
        }
        request.setUri(q < 0 ? normalised : normalised + uri.substring(q));
        return null;
    }
}
