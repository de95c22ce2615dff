package dev.switchboard.config;

import java.util.List;

/**
 * One API: which requests it takes (host and path prefix) and where they go.
 *
 * @param name            unique name
 * @param host            Host to match, case-insensitive; null matches any host
 * @param path            path prefix to match, starting with '/'; stripped before joining the backend URL
 * @param backendId       default backend or pool (APIM's set-backend-service backend-id)
 * @param rules           ordered conditions that pick another backend (APIM's choose/when); first match wins
 * @param retry           retry policy; null means no retry (APIM: a pool does not retry by itself)
 * @param timeouts        connect, per-try and total deadlines
 * @param maxBufferedBody largest request body buffered for replay on retry, in bytes
 * @param preserveHost    forward the client's Host header instead of the backend's host
 * @param actions         request actions (APIM's inbound set-header, rewrite-uri, ...) run before the matched rule's
 */
public record ApiConfig(
        String name,
        String host,
        String path,
        String backendId,
        List<RouteRule> rules,
        RetryPolicy retry,
        TimeoutsConfig timeouts,
        long maxBufferedBody,
        boolean preserveHost,
        List<RequestAction> actions) {

    public static final long DEFAULT_MAX_BUFFERED_BODY = 1024 * 1024;

    public ApiConfig {
        rules = List.copyOf(rules);
        actions = List.copyOf(actions);
    }

    /** An api without actions of its own. */
    public ApiConfig(String name, String host, String path, String backendId, List<RouteRule> rules, RetryPolicy retry,
            TimeoutsConfig timeouts, long maxBufferedBody, boolean preserveHost) {
        this(name, host, path, backendId, rules, retry, timeouts, maxBufferedBody, preserveHost, List.of());
    }
}
