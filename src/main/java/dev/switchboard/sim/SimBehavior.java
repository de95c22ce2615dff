package dev.switchboard.sim;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How a {@link SimBackend} answers; immutable, so a whole behaviour is swapped atomically.
 *
 * @param status            status of a normal response
 * @param latency           delay before every response is sent
 * @param errorRate         fraction (0..1) of requests answered with {@code errorStatus} instead
 * @param errorStatus       status used for the {@code errorRate} fraction
 * @param retryAfterSeconds sent as {@code Retry-After} on every response with status 400 or above
 * @param refuseConnections unbind the listening socket and drop open connections
 * @param hang              read requests but never answer them
 * @param closeAfterResponse answer with {@code Connection: close} and close the connection
 */
public record SimBehavior(
        int status,
        Duration latency,
        double errorRate,
        int errorStatus,
        OptionalInt retryAfterSeconds,
        boolean refuseConnections,
        boolean hang,
        boolean closeAfterResponse) {

    private static final SimBehavior DEFAULTS =
            new SimBehavior(200, Duration.ZERO, 0.0, 503, OptionalInt.empty(), false, false, false);

    public SimBehavior {
        checkStatus("status", status);
        checkStatus("errorStatus", errorStatus);
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(retryAfterSeconds, "retryAfterSeconds");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + latency);
        }
        if (!(errorRate >= 0.0 && errorRate <= 1.0)) {
            throw new IllegalArgumentException("errorRate must be between 0 and 1: " + errorRate);
        }
        if (retryAfterSeconds.isPresent() && retryAfterSeconds.getAsInt() < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must not be negative: " + retryAfterSeconds.getAsInt());
        }
    }

    /** 200 immediately, no errors, accepting connections. */
    public static SimBehavior defaults() {
        return DEFAULTS;
    }

    public SimBehavior withStatus(int value) {
        return new SimBehavior(value, latency, errorRate, errorStatus, retryAfterSeconds, refuseConnections, hang, closeAfterResponse);
    }

    public SimBehavior withLatency(Duration value) {
        return new SimBehavior(status, value, errorRate, errorStatus, retryAfterSeconds, refuseConnections, hang, closeAfterResponse);
    }

    public SimBehavior withErrorRate(double value) {
        return new SimBehavior(status, latency, value, errorStatus, retryAfterSeconds, refuseConnections, hang, closeAfterResponse);
    }

    public SimBehavior withErrorStatus(int value) {
        return new SimBehavior(status, latency, errorRate, value, retryAfterSeconds, refuseConnections, hang, closeAfterResponse);
    }

    public SimBehavior withRetryAfterSeconds(OptionalInt value) {
        return new SimBehavior(status, latency, errorRate, errorStatus, value, refuseConnections, hang, closeAfterResponse);
    }

    public SimBehavior withRefuseConnections(boolean value) {
        return new SimBehavior(status, latency, errorRate, errorStatus, retryAfterSeconds, value, hang, closeAfterResponse);
    }

    public SimBehavior withHang(boolean value) {
        return new SimBehavior(status, latency, errorRate, errorStatus, retryAfterSeconds, refuseConnections, value, closeAfterResponse);
    }

    public SimBehavior withCloseAfterResponse(boolean value) {
        return new SimBehavior(status, latency, errorRate, errorStatus, retryAfterSeconds, refuseConnections, hang, value);
    }

    private static void checkStatus(String field, int value) {
        // Informational statuses are not final responses, so they cannot stand in for a backend's answer.
        if (value < 200 || value > 599) {
            throw new IllegalArgumentException(field + " must be between 200 and 599: " + value);
        }
    }
}
