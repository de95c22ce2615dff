package dev.switchboard.telemetry.protocol;

import java.util.List;
import java.util.Map;

/** The gateway's answer to one {@link Command}. */
public sealed interface Reply {

    String id();

    /**
     * The command was applied (or, for a dry run, would be).
     *
     * @param version               the version after it (the next command's {@code baseVersion}); unchanged by a dry run
     * @param answer                for DNS actions, what the profile answers now (empty when it answers NXDOMAIN); else null
     * @param overridesStillWinning for a config replacement: the runtime overrides that keep shadowing the new config's
     *                              values; else null
     * @param dryRun                true when nothing was applied (a replaceConfig dry run); else null
     * @param diff                  for a config replacement: ids of backends and apis added, removed and changed; else null
     */
    record Ack(String id, long version, String hash, List<String> answer, List<GatewayState.OverrideView> overridesStillWinning,
               Boolean dryRun, Map<String, List<String>> diff) implements Reply {
        public Ack {
            answer = answer == null ? null : List.copyOf(answer);
            overridesStillWinning = overridesStillWinning == null ? null : List.copyOf(overridesStillWinning);
            diff = diff == null ? null : Map.copyOf(diff);
        }

        public Ack(String id, long version, String hash) {
            this(id, version, hash, null);
        }

        public Ack(String id, long version, String hash, List<String> answer) {
            this(id, version, hash, answer, null, null, null);
        }
    }

    /**
     * The command was refused; nothing changed.
     *
     * @param id       the command's id, or null when the message was too broken to have one
     * @param code     one of {@link ErrorCode}
     * @param message  what is wrong, naming the field or object
     * @param problems config problems ("path (line L, col C): message") for a refused config, else empty
     */
    record Error(String id, ErrorCode code, String message, List<String> problems) implements Reply {
        public Error {
            problems = problems == null ? List.of() : List.copyOf(problems);
        }
    }

    enum ErrorCode {
        /** Not JSON, or not an object. */
        MALFORMED,
        /** A field is missing or has the wrong type or value. */
        BAD_REQUEST,
        /** The {@code type} is not a known command. */
        UNKNOWN_TYPE,
        /** The token's role may not do this. */
        FORBIDDEN,
        /** {@code baseVersion} is not the current version. */
        STALE_VERSION,
        /** The new config has problems. */
        INVALID_CONFIG,
        /** The named pool, member or backend does not exist, or the value is out of range. */
        REJECTED,
        /** Too many commands too fast. */
        RATE_LIMITED
    }
}
