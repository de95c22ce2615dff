package dev.switchboard.engine;

import java.time.Instant;

/**
 * The config or the runtime overlay changed.
 *
 * @param version new version (monotonic)
 * @param hash    SHA-256 hex of config + overrides
 * @param what    e.g. "config applied", "weight of pool/b set to 0"
 */
public record StateChange(long version, String hash, String what, Instant at) implements EngineEvent {
}
