package dev.switchboard.gateway;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem detail the gateway answers with instead of a backend response.
 *
 * @param status            HTTP status
 * @param type              problem type URI (a stable slug under {@link #TYPE_BASE})
 * @param title             short, fixed summary of the problem type
 * @param detail            what happened to this request, phrased so an operator can act on it
 * @param retryAfterSeconds Retry-After to send, or -1 for none
 * @param extensions        extra members such as {@code api} and {@code backend}
 */
record Problem(int status, String type, String title, String detail, long retryAfterSeconds, Map<String, Object> extensions) {

    static final String TYPE_BASE = "https://switchboard.dev/problems/";

    Problem {
        extensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    static Problem of(int status, String slug, String title, String detail) {
        return new Problem(status, TYPE_BASE + slug, title, detail, -1, Map.of());
    }

    Problem with(String name, Object value) {
        if (value == null) {
            return this;
        }
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(name, value);
        return new Problem(status, type, title, detail, retryAfterSeconds, more);
    }

    Problem withRetryAfter(long seconds) {
        return new Problem(status, type, title, detail, seconds, extensions);
    }

    static Problem noApiMatched(String host, String path) {
        return of(404, "no-api-matched", "No API matches this request",
                "No configured API matches host '" + host + "' and path '" + path + "'; check the apis' host and path prefixes.");
    }

    static Problem malformedRequest(String why) {
        return of(400, "malformed-request", "Malformed request", "The request is not valid HTTP/1.1: " + why);
    }

    static Problem versionNotSupported(String version) {
        return of(505, "http-version-not-supported", "HTTP version not supported",
                "The gateway speaks HTTP/1.1 and HTTP/1.0; the request said " + version + ".");
    }

    static Problem methodNotAllowed(String method) {
        return of(405, "method-not-allowed", "Method not allowed",
                "The gateway is a reverse proxy and does not open " + method + " tunnels.");
    }

    static Problem transferCodingNotImplemented(String codings) {
        return of(501, "transfer-coding-not-implemented", "Transfer coding not implemented",
                "The gateway accepts only 'Transfer-Encoding: chunked' on requests; the request had '" + codings + "'.");
    }

    static Problem pathEscapesApi(String path, String api, String apiPath) {
        return of(400, "path-escapes-api", "Path leaves the API",
                "The dot-segments in '" + path + "' leave the path '" + apiPath + "' of api '" + api
                        + "'; send the path without '..' segments.").with("api", api);
    }

    static Problem tooManyPipelined(int limit) {
        return of(429, "too-many-pipelined-requests", "Too many pipelined requests",
                "More than " + limit + " requests arrived ahead of their responses on one connection; wait for responses or open"
                        + " another connection.");
    }

    static Problem headerTooLarge(int limit) {
        return of(431, "request-header-too-large", "Request header fields too large",
                "The request head exceeds the gateway's limit of " + limit + " bytes (gateway.maxHeaderSize).");
    }

    static Problem unavailable(int status, String api, String target, long retryAfterSeconds) {
        return of(status, "backend-unavailable", "No backend available",
                "Every backend of '" + target + "' is unavailable (circuit breaker open, unhealthy or drained)"
                        + (retryAfterSeconds >= 0 ? "; the first breaker closes in " + retryAfterSeconds + " s." : "; check the backends' state."))
                .with("api", api).with("backend", target).withRetryAfter(retryAfterSeconds);
    }

    static Problem connectFailed(String api, String backend, String why) {
        return of(502, "backend-connection-failure", "Backend connection failed",
                "Could not connect to backend '" + backend + "': " + why + ". Check that it is running and reachable.")
                .with("api", api).with("backend", backend);
    }

    static Problem tlsFailed(String api, String backend, String why) {
        return of(502, "backend-tls-failure", "TLS handshake with backend failed",
                "The TLS handshake with backend '" + backend + "' failed: " + why
                        + ". Check its certificate (chain and names) or the backend's tls settings.")
                .with("api", api).with("backend", backend);
    }

    static Problem badGateway(String api, String backend, String why) {
        return of(502, "bad-backend-response", "Bad response from backend",
                "Backend '" + backend + "' " + why + ".").with("api", api).with("backend", backend);
    }

    static Problem timeout(String api, String backend, String why) {
        return of(504, "backend-timeout", "Backend timed out", why).with("api", api).with("backend", backend);
    }

    static Problem bodyTimedOut(String api, Duration perTry) {
        return of(408, "request-body-timeout", "Request body timed out",
                "The request body did not arrive within the per-try timeout (" + perTry + ") of api '" + api
                        + "', which buffers it for retries before the first attempt.").with("api", api);
    }

    static Problem internalError() {
        return of(500, "internal-error", "Internal gateway error",
                "The gateway failed while handling this request; its log has the stack trace.");
    }

    static Problem shuttingDown() {
        return of(503, "gateway-shutting-down", "Gateway is shutting down",
                "This gateway instance is draining; send the request to another instance.").withRetryAfter(1);
    }
}
