package dev.switchboard.console.history;

/** What a chart series shows of one backend. Rates are per second of the gateway's clock. */
public enum Metric {
    REQUESTS_PER_SECOND,
    /** Request-weighted median of the intervals' p50 within a point; a point without requests is a gap. */
    P50_MILLIS,
    /** The highest p99 of the intervals within a point (a downsampled p99 must not hide a slow interval). */
    P99_MILLIS,
    /** 5xx answers and failures without an answer. */
    SERVER_ERRORS_PER_SECOND,
    CONNECTION_ERRORS_PER_SECOND,
    TIMEOUTS_PER_SECOND,
    RETRIES_PER_SECOND
}
