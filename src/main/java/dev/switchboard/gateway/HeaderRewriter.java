package dev.switchboard.gateway;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.ArrayList;
import java.util.List;

/**
 * Header rules of a proxy hop (RFC 9110 section 7.6): hop-by-hop headers stay on their hop, X-Forwarded-* and Via
 * tell the backend who asked. Message framing (Content-Length / Transfer-Encoding) is set by the caller, which
 * knows whether the body is buffered or streamed.
 */
final class HeaderRewriter {

    static final AsciiString X_FORWARDED_FOR = AsciiString.cached("x-forwarded-for");
    static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("x-forwarded-proto");
    static final AsciiString X_FORWARDED_HOST = AsciiString.cached("x-forwarded-host");
    static final String VIA_VALUE = "1.1 switchboard";
    private static final String PROXY_PREFIX = "proxy-";

    private static final List<AsciiString> HOP_BY_HOP = List.of(
            HttpHeaderNames.CONNECTION,
            AsciiString.cached("keep-alive"),
            HttpHeaderNames.TE,
            HttpHeaderNames.TRAILER,
            HttpHeaderNames.TRANSFER_ENCODING,
            HttpHeaderNames.UPGRADE);

    private HeaderRewriter() {
    }

    /**
     * Rewrites a client request's headers for the backend.
     *
     * @param clientIp     the client's address, appended to X-Forwarded-For
     * @param proto        scheme the client used
     * @param backendHost  Host value of the backend (host, or host:port when the port is not the default)
     * @param preserveHost keep the client's Host instead of the backend's
     */
    static void rewriteRequest(HttpHeaders headers, String clientIp, String proto, String backendHost, boolean preserveHost) {
        String clientHost = headers.get(HttpHeaderNames.HOST);
        removeHopByHop(headers);
        String forwardedFor = headers.get(X_FORWARDED_FOR);
        headers.set(X_FORWARDED_FOR, forwardedFor == null || forwardedFor.isBlank() ? clientIp : forwardedFor + ", " + clientIp);
        headers.set(X_FORWARDED_PROTO, proto);
        if (clientHost != null) {
            headers.set(X_FORWARDED_HOST, clientHost);
        }
        appendVia(headers);
        if (!preserveHost || clientHost == null) {
            headers.set(HttpHeaderNames.HOST, backendHost);
        }
    }

    /** Rewrites a backend response's headers for the client. */
    static void rewriteResponse(HttpHeaders headers) {
        removeHopByHop(headers);
        appendVia(headers);
    }

    /** Removes Connection, every header it names, the fixed hop-by-hop set and every Proxy-* header. */
    static void removeHopByHop(HttpHeaders headers) {
        List<String> connectionTokens = new ArrayList<>();
        for (String value : headers.getAll(HttpHeaderNames.CONNECTION)) {
            for (String token : value.split(",")) {
                String name = token.trim();
                if (!name.isEmpty()) {
                    connectionTokens.add(name);
                }
            }
        }
        for (String name : connectionTokens) {
            headers.remove(name);
        }
        for (AsciiString name : HOP_BY_HOP) {
            headers.remove(name);
        }
        List<String> proxyHeaders = null;
        for (var it = headers.iteratorCharSequence(); it.hasNext(); ) {
            CharSequence name = it.next().getKey();
            if (AsciiString.regionMatches(name, true, 0, PROXY_PREFIX, 0, PROXY_PREFIX.length())) {
                if (proxyHeaders == null) {
                    proxyHeaders = new ArrayList<>();
                }
                proxyHeaders.add(name.toString());
            }
        }
        if (proxyHeaders != null) {
            proxyHeaders.forEach(headers::remove);
        }
    }

    private static void appendVia(HttpHeaders headers) {
        String via = headers.get(HttpHeaderNames.VIA);
        headers.set(HttpHeaderNames.VIA, via == null || via.isBlank() ? VIA_VALUE : via + ", " + VIA_VALUE);
    }
}
