package dev.switchboard.telemetry.client;

import dev.switchboard.telemetry.protocol.Command;
import dev.switchboard.telemetry.protocol.Reply;
import java.util.concurrent.CompletableFuture;

/** The commands a console sends a gateway (docs/telemetry.md), each a typed shorthand for {@link #request}. */
public interface TelemetryCommands {

    /** Sends {@code command}; the future completes with the gateway's ack or fails with the refusal. */
    CompletableFuture<Reply.Ack> request(Command command);

    /** A fresh correlation id for a command. */
    String nextId();

    default CompletableFuture<Reply.Ack> setWeight(long baseVersion, String pool, String backend, int weight) {
        return send(new Command.SetWeight(nextId(), baseVersion, pool, backend, weight));
    }

    default CompletableFuture<Reply.Ack> setPriority(long baseVersion, String pool, String backend, int priority) {
        return send(new Command.SetPriority(nextId(), baseVersion, pool, backend, priority));
    }

    /** @param state ENABLED, DRAIN, MAINTENANCE or DISABLED */
    default CompletableFuture<Reply.Ack> setAdminState(long baseVersion, String backend, String state) {
        return send(new Command.SetAdminState(nextId(), baseVersion, backend, state));
    }

    /** @param action OPEN, CLOSED or RESET */
    default CompletableFuture<Reply.Ack> forceBreaker(long baseVersion, String backend, String action) {
        return send(new Command.ForceBreaker(nextId(), baseVersion, backend, action));
    }

    /** @param configJson a whole config document */
    default CompletableFuture<Reply.Ack> replaceConfig(long baseVersion, String configJson) {
        return send(new Command.ReplaceConfig(nextId(), baseVersion, configJson));
    }

    /**
     * Checks a whole config document without applying it: the ack's {@code diff} and {@code overridesStillWinning}
     * say what Apply would change and which runtime overrides would keep shadowing it (its version is unchanged).
     */
    default CompletableFuture<Reply.Ack> replaceConfigDryRun(long baseVersion, String configJson) {
        return send(new Command.ReplaceConfig(nextId(), baseVersion, configJson, true));
    }

    default CompletableFuture<Reply.Ack> clearOverrides(long baseVersion) {
        return send(new Command.ClearOverrides(nextId(), baseVersion));
    }

    /**
     * Drops one runtime override, as listed in {@code GatewayState.overrides()}.
     *
     * @param kind {@code weight}, {@code priority} or {@code adminState}
     * @param pool the member's pool for weight and priority; null for adminState
     */
    default CompletableFuture<Reply.Ack> clearOverride(long baseVersion, String kind, String pool, String backend) {
        return send(new Command.ClearOverride(nextId(), baseVersion, kind, pool, backend));
    }

    /** Sends a change, as {@link #request}. */
    default CompletableFuture<Reply.Ack> send(Command.Change command) {
        return request(command);
    }

    // DNS fail-over on traffic profiles: no base version; the ack's answer is what the profile answers now.

    default CompletableFuture<Reply.Ack> dnsDisableEndpoint(String profile, String endpoint) {
        return request(new Command.DnsDisableEndpoint(nextId(), profile, endpoint));
    }

    default CompletableFuture<Reply.Ack> dnsEnableEndpoint(String profile, String endpoint) {
        return request(new Command.DnsEnableEndpoint(nextId(), profile, endpoint));
    }

    default CompletableFuture<Reply.Ack> dnsFailOverTo(String profile, String endpoint) {
        return request(new Command.DnsFailOverTo(nextId(), profile, endpoint));
    }

    default CompletableFuture<Reply.Ack> dnsClearFailover(String profile) {
        return request(new Command.DnsClearFailover(nextId(), profile));
    }
}
