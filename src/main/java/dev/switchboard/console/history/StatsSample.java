package dev.switchboard.console.history;

/**
 * What one backend did between two statistics readings. {@code seconds} 0 means the reading only set a baseline:
 * it adds latency if sampled, never a rate.
 *
 * @param atMillis when the later reading was taken, on the gateway's clock
 * @param sampled  whether the interval had requests, so its percentiles mean something
 */
record StatsSample(long atMillis, double seconds, long requests, long serverErrors, long connectionErrors,
                   long timeouts, long retries, boolean sampled, long sampledRequests, double p50Millis,
                   double p99Millis) {
}
