package dev.switchboard.config;

/**
 * Whose breakers decide that a backend is unavailable ({@code breakerScope} of a backend). Every gateway keeps its
 * own breakers either way; with a quorum, a gateway in a fleet also takes the backend out while {@code quorum} or
 * more of the fleet's gateways hold its breaker open.
 *
 * @param quorum gateways with the breaker open that make the backend unavailable here; 0 for {@code "gateway"}
 */
public record BreakerScope(int quorum) {

    /** {@code "gateway"}: only this gateway's breaker counts (the default). */
    public static final BreakerScope GATEWAY = new BreakerScope(0);

    public BreakerScope {
        if (quorum < 0) {
            throw new IllegalArgumentException("quorum must not be negative: " + quorum);
        }
    }

    public boolean isQuorum() {
        return quorum > 0;
    }
}
