package dev.switchboard.console.pools;

/** A pool member's actual share of the pool's recent requests beside the share its weight targets (both 0..1). */
public record ShareRow(String poolId, String backendId, double actual, double target) {
}
