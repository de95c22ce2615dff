package dev.switchboard.gateway;

import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.SessionAffinityConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;

/** Reads a request's session id for a pool with session affinity (APIM's sessionId source Cookie; or a header). */
final class AffinityKeys {

    private AffinityKeys() {
    }

    /** The session id, or null when the target has no affinity or the request carries none. */
    static String of(BackendConfig target, HttpRequest request) {
        if (target == null || target.pool() == null || target.pool().sessionAffinity() == null) {
            return null;
        }
        SessionAffinityConfig affinity = target.pool().sessionAffinity();
        return switch (affinity.source()) {
            case Header -> request.headers().get(affinity.name());
            case Cookie -> cookie(request, affinity.name());
        };
    }

    private static String cookie(HttpRequest request, String name) {
        for (String header : request.headers().getAll(HttpHeaderNames.COOKIE)) {
            for (Cookie cookie : ServerCookieDecoder.LAX.decode(header)) {
                if (cookie.name().equals(name)) {
                    return cookie.value();
                }
            }
        }
        return null;
    }
}
