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
        @JsonSubTypes.Type(value = Command.Resync.class, name = "resync")})
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
            case Resync c -> "resync";
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
     */
    record ReplaceConfig(String id, long baseVersion, String config) implements Change {
    }

    /** Drops every runtime override: the config file's weights, priorities and states apply again. */
    record ClearOverrides(String id, long baseVersion) implements Change {
    }

    /** Asks for a fresh snapshot (after a gap in {@code seq}); allowed to viewers. */
    record Resync(String id) implements Command {
    }
}
