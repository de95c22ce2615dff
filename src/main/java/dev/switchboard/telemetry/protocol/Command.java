package dev.switchboard.telemetry.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A console's request on the stream. Each carries a correlation {@code id}, echoed by its {@code ack} or
 * {@code error}; those that change something carry the {@code baseVersion} they were based on and are refused with
 * {@code STALE_VERSION} when the gateway has moved on.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Command.SetWeight.class, name = "setWeight"),
        @JsonSubTypes.Type(value = Command.SetPriority.class, name = "setPriority"),
        @JsonSubTypes.Type(value = Command.SetAdminState.class, name = "setAdminState"),
        @JsonSubTypes.Type(value = Command.ForceBreaker.class, name = "forceBreaker"),
        @JsonSubTypes.Type(value = Command.ReplaceConfig.class, name = "replaceConfig"),
        @JsonSubTypes.Type(value = Command.ClearOverrides.class, name = "clearOverrides"),
        @JsonSubTypes.Type(value = Command.ClearOverride.class, name = "clearOverride"),
        @JsonSubTypes.Type(value = Command.Resync.class, name = "resync"),
        @JsonSubTypes.Type(value = Command.DnsDisableEndpoint.class, name = "dns.disableEndpoint"),
        @JsonSubTypes.Type(value = Command.DnsEnableEndpoint.class, name = "dns.enableEndpoint"),
        @JsonSubTypes.Type(value = Command.DnsFailOverTo.class, name = "dns.failOverTo"),
        @JsonSubTypes.Type(value = Command.DnsClearFailover.class, name = "dns.clearFailover")})
public sealed interface Command {

    String id();

    /** The wire type of {@code command}, as in {@link JsonSubTypes} above. */
    static String typeOf(Command command) {
        return switch (command) {
            case SetWeight c -> "setWeight";
            case SetPriority c -> "setPriority";
            case SetAdminState c -> "setAdminState";
            case ForceBreaker c -> "forceBreaker";
            case ReplaceConfig c -> "replaceConfig";
            case ClearOverrides c -> "clearOverrides";
            case ClearOverride c -> "clearOverride";
            case Resync c -> "resync";
            case DnsDisableEndpoint c -> "dns.disableEndpoint";
            case DnsEnableEndpoint c -> "dns.enableEndpoint";
            case DnsFailOverTo c -> "dns.failOverTo";
            case DnsClearFailover c -> "dns.clearFailover";
        };
    }

    /** A change to the gateway: needs the operator role and a current base version. */
    sealed interface Change extends Command {
        long baseVersion();
    }

    record SetWeight(String id, long baseVersion, String pool, String backend, int weight) implements Change {
    }

    record SetPriority(String id, long baseVersion, String pool, String backend, int priority) implements Change {
    }

    /** @param state ENABLED, DRAIN, MAINTENANCE or DISABLED */
    record SetAdminState(String id, long baseVersion, String backend, String state) implements Change {
    }

    /** @param action OPEN, CLOSED or RESET */
    record ForceBreaker(String id, long baseVersion, String backend, String action) implements Change {
    }

    /**
     * @param config the whole config document as text, so problems' lines and columns point into it (its admin
     *               section is ignored: the running one is kept)
     * @param dryRun only check it and say what it would change (diff, overrides still winning); nothing is applied
     */
    record ReplaceConfig(String id, long baseVersion, String config, boolean dryRun) implements Change {
        public ReplaceConfig(String id, long baseVersion, String config) {
            this(id, baseVersion, config, false);
        }
    }

    /**
     * Drops one runtime override: the config file's value applies again.
     *
     * @param kind {@code weight}, {@code priority} or {@code adminState}
     * @param pool the member's pool for weight and priority; null for adminState (per backend)
     */
    record ClearOverride(String id, long baseVersion, String kind, String pool, String backend) implements Change {
    }

    /** Drops every runtime override: the config file's weights, priorities and states apply again. */
    record ClearOverrides(String id, long baseVersion) implements Change {
    }

    /**
     * An operator's DNS fail-over action on a traffic profile: needs the operator role, and no base version, since each
     * says what the result is (disabled, enabled, failed over) rather than changing a value the sender read. Runtime
     * state, like breaker forcing: it does not change the config version.
     */
    sealed interface DnsAction extends Command {
        String profile();
    }

    /** Takes an endpoint out of the profile's answers and stops monitoring it. */
    record DnsDisableEndpoint(String id, String profile, String endpoint) implements DnsAction {
    }

    /** Puts an endpoint back (monitored afresh). */
    record DnsEnableEndpoint(String id, String profile, String endpoint) implements DnsAction {
    }

    /** Promotes an endpoint of a priority-routed profile above every priority. */
    record DnsFailOverTo(String id, String profile, String endpoint) implements DnsAction {
    }

    /** Ends a fail-over: the configured priorities apply again. */
    record DnsClearFailover(String id, String profile) implements DnsAction {
    }

    /** Asks for a fresh snapshot (after a gap in {@code seq}); allowed to viewers. */
    record Resync(String id) implements Command {
    }
}
