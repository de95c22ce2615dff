package dev.switchboard.dns;

/**
 * The outcome of one monitor probe.
 *
 * @param detail what happened, for the endpoint's reason ("status 200", "cannot connect: Connection refused")
 */
public record ProbeResult(boolean success, String detail) {
}
