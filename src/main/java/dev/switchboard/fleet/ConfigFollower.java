package dev.switchboard.fleet;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.ConfigProblem;
import dev.switchboard.gateway.ConfigApplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers each new revision of the fleet's config to the gateway through the same apply path as a file reload: a config
 * with problems is refused there (the gateway keeps its config) and the refusal, with every problem, is recorded for the
 * registry. Revisions already seen (replayed by a resumed watch) are skipped.
 */
final class ConfigFollower {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigFollower.class);

    private final ConfigApplier applier;
    private final MemberState state;
    private final String source;

    ConfigFollower(ConfigApplier applier, MemberState state, String source) {
        this.applier = applier;
        this.state = state;
        this.source = source;
    }

    /** @return true when the gateway's registration changed (applied or refused) */
    boolean offer(StoredConfig config) {
        if (config.revision() <= state.seenRevision()) {
            return false;
        }
        var verdict = applier.offer(ConfigLoader.parse(config.json()), source + " revision " + config.revision());
        switch (verdict.outcome()) {
            case APPLIED, UNCHANGED -> state.applied(config);
            case REJECTED -> {
                state.refused(config, verdict.problems().stream().map(ConfigProblem::toString).toList());
                LOG.warn("refused fleet config revision {} (hash {}); still serving revision {}", config.revision(), config.hash(),
                        state.revision());
            }
        }
        return true;
    }
}
