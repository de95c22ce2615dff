package dev.switchboard.gateway;

import dev.switchboard.config.CredentialsConfig;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringEncoder;

/**
 * Adds a backend's APIM {@code credentials} to one attempt. The request head is reused across attempts, so the
 * headers the previous attempt's backend got are removed first: one backend's key never reaches another.
 */
final class BackendCredentials {

    private BackendCredentials() {
    }

    /**
     * Sets {@code next}'s headers on {@code headers}, after removing {@code previous}'s.
     *
     * @return what was applied, to pass as {@code previous} on the next attempt
     */
    static CredentialsConfig applyHeaders(HttpHeaders headers, CredentialsConfig previous, CredentialsConfig next) {
        if (previous != null) {
            previous.header().keySet().forEach(headers::remove);
        }
        if (next != null) {
            next.header().forEach((name, values) -> values.forEach(v -> HeaderSyntax.requireValid(name, v)));
            next.header().forEach(headers::set);
        }
        return next;
    }

    /** {@code target} with the credentials' query parameters appended. */
    static String withQuery(String target, CredentialsConfig credentials) {
        if (credentials == null || credentials.query().isEmpty()) {
            return target;
        }
        QueryStringEncoder encoder = new QueryStringEncoder("");
        credentials.query().forEach((name, values) -> values.forEach(v -> encoder.addParam(name, v)));
        String added = encoder.toString().substring(1);
        return target + (target.indexOf('?') < 0 ? "?" : "&") + added;
    }
}
