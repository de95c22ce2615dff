package dev.switchboard.config;

/** How a pool spreads picks over the members of one priority group ({@code pool.balancer}). */
public enum Balancer {
    /** Exact weights from a precomputed schedule (APIM's weighted round robin); the default. */
    WEIGHTED("weighted"),
    /** Power of two choices: of two weighted samples, the one with fewer requests in flight per unit of weight. */
    LEAST_REQUEST("least-request"),
    /** Power of two choices on Finagle's and Linkerd's peak-EWMA cost: latency x (in flight + 1), per unit of weight. */
    PEAK_EWMA("peak-ewma");

    private final String jsonName;

    Balancer(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name in config files. */
    public String jsonName() {
        return jsonName;
    }
}
