package dev.switchboard.gateway;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Header rules of a proxy hop (RFC 9110 section 7.6): hop-by-hop headers stay on their hop, X-Forwarded-* and Via
 * tell the backend who asked. Message framing (Content-Length / Transfer-Encoding) is set by {@link UpstreamFraming},
 * from what the gateway writes.
 */
final class HeaderRewriter {

    static final AsciiString X_FORWARDED_FOR = AsciiString.cached("x-forwarded-for");
    static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("x-forwarded-proto");
    static final AsciiString X_FORWARDED_HOST = AsciiString.cached("x-forwarded-host");
    static final String VIA_VALUE = "1.1 switchboard";
    private static final String PROXY_PREFIX = "proxy-";

    /**
     * Headers a {@code Connection} token may not remove: the message framing, Host, and what the gateway sets
     * itself. Removing Content-Length let a streamed body reach a backend as a second request (issue 11), so such a
     * token is ignored and the rest of the Connection value still applies.
     */
    private static final List<AsciiString> PROTECTED = List.of(
            HttpHeaderNames.CONTENT_LENGTH,
            HttpHeaderNames.TRANSFER_ENCODING,
            HttpHeaderNames.HOST,
            HttpHeaderNames.VIA,
            X_FORWARDED_FOR,
            X_FORWARDED_PROTO,
            X_FORWARDED_HOST);

    private static final List<AsciiString> HOP_BY_HOP = List.of(
            HttpHeaderNames.CONNECTION,
            AsciiString.cached("keep-alive"),
            HttpHeaderNames.TE,
            HttpHeaderNames.TRAILER,
            HttpHeaderNames.TRANSFER_ENCODING,
            HttpHeaderNames.UPGRADE);
    /** The longest {@link #HOP_BY_HOP} name's length. */
    private static final int HOP_BY_HOP_MAX_LENGTH = HOP_BY_HOP.stream().mapToInt(AsciiString::length).max().orElseThrow();
    /** Whether some {@link #HOP_BY_HOP} name has this length. */
    private static final boolean[] HOP_BY_HOP_LENGTH = new boolean[HOP_BY_HOP_MAX_LENGTH + 1];

    static {
        HOP_BY_HOP.forEach(name -> HOP_BY_HOP_LENGTH[name.length()] = true);
    }

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
        setHost(headers, clientHost, backendHost, preserveHost);
    }

    /** Host towards a backend: the backend's own, or the client's one when the api preserves it and there is one. */
    static void setHost(HttpHeaders headers, String clientHost, String backendHost, boolean preserveHost) {
        if (!preserveHost || clientHost == null) {
            headers.set(HttpHeaderNames.HOST, backendHost);
        }
    }

    /** Rewrites a backend response's headers for the client. */
    static void rewriteResponse(HttpHeaders headers) {
        removeHopByHop(headers);
        appendVia(headers);
    }

    /**
     * Removes Connection, every header it names, the fixed hop-by-hop set and every Proxy-* header. One pass over
     * the headers that allocates only when something must go (it runs twice per proxied request).
     */
    static void removeHopByHop(HttpHeaders headers) {
        List<CharSequence> doomed = null;
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence(); it.hasNext(); ) {
            Map.Entry<CharSequence, CharSequence> header = it.next();
            CharSequence name = header.getKey();
            if (!isHopByHop(name)) {
                continue;
            }
            doomed = add(doomed, name);
            if (HttpHeaderNames.CONNECTION.contentEqualsIgnoreCase(name)) {
                doomed = addConnectionTokens(doomed, header.getValue());
            }
        }
        if (doomed != null) {
            doomed.forEach(headers::remove);
        }
    }

    private static boolean isHopByHop(CharSequence name) {
        // Most headers are no hop-by-hop header; their lengths say so without comparing (this runs per header, twice
        // per proxied request).
        int length = name.length();
        if (length >= PROXY_PREFIX.length() && AsciiString.regionMatches(name, true, 0, PROXY_PREFIX, 0, PROXY_PREFIX.length())) {
            return true;
        }
        if (length > HOP_BY_HOP_MAX_LENGTH || !HOP_BY_HOP_LENGTH[length]) {
            return false;
        }
        for (AsciiString hop : HOP_BY_HOP) {
            if (hop.length() == length && hop.contentEqualsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The header names a Connection value lists; its usual tokens (close, keep-alive) name nothing to remove, and
     * tokens naming a {@link #PROTECTED} header are ignored.
     */
    private static List<CharSequence> addConnectionTokens(List<CharSequence> doomed, CharSequence value) {
        int length = value.length();
        int start = 0;
        while (start < length) {
            int end = start;
            while (end < length && value.charAt(end) != ',') {
                end++;
            }
            CharSequence token = AsciiString.trim(value.subSequence(start, end));
            if (namesEndToEndHeader(token)) {
                doomed.add(token.toString());
            }
            start = end + 1;
        }
        return doomed;
    }

    /** Whether a Connection token names a header this hop must remove (not an option such as close, nor protected). */
    private static boolean namesEndToEndHeader(CharSequence token) {
        return token.length() > 0 && !isHopByHop(token) && !AsciiString.contentEqualsIgnoreCase(token, HttpHeaderValues.CLOSE)
                && !isProtected(token);
    }

    /**
     * Removes the headers a client's Connection value names now, before the api's header actions run, and drops
     * their tokens from it: a header the api sets is the gateway's own, which a client's Connection token must not
     * remove on the way out (issue 11). The rest of the value (close, keep-alive, upgrade) stays for what reads it later.
     */
    static void removeConnectionNamed(HttpHeaders headers) {
        String value = headers.get(HttpHeaderNames.CONNECTION);
        if (value == null) {
            return;
        }
        StringBuilder kept = new StringBuilder();
        for (String part : value.split(",")) {
            String token = part.trim();
            if (namesEndToEndHeader(token)) {
                headers.remove(token);
            } else if (!token.isEmpty()) {
                kept.append(kept.isEmpty() ? "" : ", ").append(token);
            }
        }
        if (kept.isEmpty()) {
            headers.remove(HttpHeaderNames.CONNECTION);
        } else {
            headers.set(HttpHeaderNames.CONNECTION, kept.toString());
        }
    }

    private static boolean isProtected(CharSequence name) {
        for (AsciiString header : PROTECTED) {
            if (header.contentEqualsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static List<CharSequence> add(List<CharSequence> list, CharSequence name) {
        List<CharSequence> result = list == null ? new ArrayList<>(4) : list;
        result.add(name);
        return result;
    }

    private static void appendVia(HttpHeaders headers) {
        String via = headers.get(HttpHeaderNames.VIA);
        headers.set(HttpHeaderNames.VIA, via == null || via.isBlank() ? VIA_VALUE : via + ", " + VIA_VALUE);
    }
}
