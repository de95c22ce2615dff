package dev.switchboard.gateway;

import java.time.Instant;

/**
 * Where a gateway's config comes from when that is not a local file (a fleet's etcd), and whether it is reachable;
 * {@code /healthz} and {@code /metrics} show it.
 *
 * @param source    e.g. {@code etcd://127.0.0.1:2379/prod}
 * @param connected false while the source cannot be reached; the gateway keeps serving its last good config
 * @param detail    one sentence for an operator
 * @param since     when {@code connected} last changed
 */
public record ConfigSourceStatus(String source, boolean connected, String detail, Instant since) {
}
