package dev.switchboard.config.scenario;

import java.time.Duration;

/**
 * How one simulated backend behaves from {@code from} until {@code until}; the fields mirror the sim-backend's
 * behaviour, so a phase can be replayed against a real {@code switchboard sim-backend}.
 *
 * @param from        start, from the beginning of the rehearsal
 * @param until       end (exclusive); null for the rest of the rehearsal
 * @param status      status of a normal response
 * @param latency     time from the request to the response head
 * @param refuse      connections are refused
 * @param hang        requests are read but never answered
 * @param retryAfter  sent as {@code Retry-After} (whole seconds) on responses with status 400 or above; null for none
 * @param errorRate   fraction (0..1) of requests answered with {@code errorStatus} instead
 * @param errorStatus status of the {@code errorRate} fraction (default 503)
 */
public record BackendPhase(Duration from, Duration until, int status, Duration latency, boolean refuse, boolean hang,
                           Duration retryAfter, double errorRate, int errorStatus) {

    public static final int DEFAULT_ERROR_STATUS = 503;

    /** What a backend does when no phase covers the time: 200 at once. */
    public static final BackendPhase HEALTHY =
            new BackendPhase(Duration.ZERO, null, 200, Duration.ZERO, false, false, null, 0, DEFAULT_ERROR_STATUS);

    /** True when this phase covers {@code at}. */
    public boolean covers(Duration at) {
        return at.compareTo(from) >= 0 && (until == null || at.compareTo(until) < 0);
    }
}
