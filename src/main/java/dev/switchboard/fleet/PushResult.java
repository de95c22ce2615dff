package dev.switchboard.fleet;

import dev.switchboard.config.ConfigProblem;
import java.util.List;

/** What a push or rollback did. */
public sealed interface PushResult {

    /** Written: every gateway of the fleet will get it. */
    record Written(long revision, long version, String hash) implements PushResult {
    }

    /**
     * Refused because the fleet's config is no longer the one the push was based on.
     *
     * @param since changes made after {@code expected}, oldest first
     * @param diff  the config at {@code expected} against the current one ({@code - old} / {@code + new} lines)
     */
    record Stale(long expected, StoredConfig current, List<HistoryEntry> since, List<String> diff) implements PushResult {
        public Stale {
            since = List.copyOf(since);
            diff = List.copyOf(diff);
        }
    }

    /** Refused before writing: the config does not validate. */
    record Invalid(List<ConfigProblem> problems) implements PushResult {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }
}
