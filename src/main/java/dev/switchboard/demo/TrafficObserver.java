package dev.switchboard.demo;

/**
 * Sees every answer the {@link TrafficGenerator} gets, so a console can keep its own per-backend statistics.
 * Called on the HTTP client's threads: implementations must be cheap and thread-safe.
 */
@FunctionalInterface
public interface TrafficObserver {

    /**
     * @param backend the backend the gateway named in its diagnostics header, "?" when absent
     * @param status  the response status
     * @param nanos   time from send to the response head
     */
    void answered(String backend, int status, long nanos);
}
