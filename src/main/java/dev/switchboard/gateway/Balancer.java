package dev.switchboard.gateway;

import dev.switchboard.config.ApiConfig;
import dev.switchboard.config.ErrorReason;
import io.netty.handler.codec.http.HttpRequest;
import java.time.Duration;
import java.util.Set;

/**
 * What the proxy asks the balancing engine, in the proxy's terms. All methods are thread-safe and non-blocking:
 * they run on event loops.
 */
interface Balancer {

    /**
     * Where a request goes.
     *
     * @param remainingPathAndQuery the request path after the api's prefix, with the query string
     */
    record Route(ApiConfig api, String targetId, String remainingPathAndQuery) {
    }

    /** The result of asking a backend or pool for a member. */
    sealed interface Pick permits Chosen, Unavailable {
    }

    /**
     * A member that takes the attempt.
     *
     * @param basePath the backend URL's path, joined in front of the remaining path
     */
    record Chosen(String backendId, UpstreamKey upstream, String basePath) implements Pick {
    }

    /**
     * Nothing can take the attempt now.
     *
     * @param retryAfterSeconds smallest remaining trip time, at least 1
     */
    record Unavailable(int status, long retryAfterSeconds) implements Pick {
    }

    /** The api and target of a request, or null when no api matches. */
    Route route(HttpRequest request, String path, String query);

    /** The request target on the backend: its URL path joined with the remaining path and query (APIM). */
    String backendUri(Chosen backend, String remainingPathAndQuery);

    /** The session-affinity key of a request for {@code targetId}, or null when the target has no affinity. */
    String affinityKey(String targetId, HttpRequest request);

    /** A member of {@code targetId}, preferring backends not in {@code tried}. */
    Pick pick(String targetId, String affinityKey, Set<String> tried);

    /** Feeds the breaker: a response status (reason null) or a transport failure (status 0). */
    void recordOutcome(String backendId, int status, ErrorReason reason, String retryAfterHeader);

    /**
     * Whether attempt number {@code attemptsSoFar + 1} should follow and after how long; null means no retry.
     *
     * @param status the last attempt's status, 0 for a transport failure
     */
    Duration retryDelay(ApiConfig api, int attemptsSoFar, int status, ErrorReason reason);

    /** Result of an active health probe. */
    void reportProbe(String backendId, boolean success, String detail);
}
