package dev.switchboard.telemetry.client;

import java.time.Instant;

/**
 * A connection state with its explanation.
 *
 * @param reason   why (the close reason, "no message for 3000 ms", ...); null when nothing needs explaining
 * @param since    when this state began
 * @param attempts connection attempts since the last successful one (0 when connected)
 */
public record ConnectionStatus(ConnectionState state, String reason, Instant since, int attempts) {
}
