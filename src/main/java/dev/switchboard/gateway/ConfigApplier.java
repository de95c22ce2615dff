package dev.switchboard.gateway;

import dev.switchboard.config.ConfigHash;
import dev.switchboard.config.ConfigProblem;
import dev.switchboard.config.ConfigResult;
import dev.switchboard.config.GatewayConfig;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a new config reaches a running gateway, from a watched file or from a fleet: a config with problems is
 * refused with every problem logged and the gateway keeps serving the one it has; a valid one is swapped in
 * atomically ({@link Gateway#applyConfig}) unless it is the same as the running one.
 */
public final class ConfigApplier {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigApplier.class);

    /** What an offer did. */
    public enum Outcome {
        APPLIED,
        UNCHANGED,
        REJECTED
    }

    /**
     * @param problems why it was refused (empty unless {@link Outcome#REJECTED})
     */
    public record Verdict(Outcome outcome, List<ConfigProblem> problems) {
        public Verdict {
            problems = List.copyOf(problems);
        }
    }

    private final Gateway gateway;
    private final UnaryOperator<GatewayConfig> localize;

    /**
     * @param localize turns a shared config into this gateway's (a fleet gateway's own id and region); identity for a
     *                 file
     */
    public ConfigApplier(Gateway gateway, UnaryOperator<GatewayConfig> localize) {
        this.gateway = gateway;
        this.localize = localize;
    }

    /** Applies {@code result} when it is valid and differs from the running config; {@code source} names it in the log. */
    public Verdict offer(ConfigResult result, String source) {
        return switch (result) {
            case ConfigResult.Valid(GatewayConfig next) -> apply(localize.apply(next), source);
            case ConfigResult.Invalid(var problems) -> refuse(source, problems);
        };
    }

    /** Logs a config that could not even be read or parsed as refused. */
    public Verdict refuse(String source, List<ConfigProblem> problems) {
        LOG.error("config from {} refused: {} problem(s); still serving the previous config", source, problems.size());
        for (ConfigProblem p : problems) {
            LOG.error("  {}", p);
        }
        gateway.notifications().configRefused(source, problems.stream().map(ConfigProblem::toString).toList());
        return new Verdict(Outcome.REJECTED, problems);
    }

    private Verdict apply(GatewayConfig next, String source) {
        if (ConfigHash.of(next).equals(ConfigHash.of(gateway.config()))) {
            return new Verdict(Outcome.UNCHANGED, List.of());
        }
        try {
            gateway.applyConfig(next);
        } catch (RuntimeException e) {
            LOG.error("config from {} refused: applying it failed; still serving the previous config", source, e);
            return new Verdict(Outcome.REJECTED, List.of(new ConfigProblem(ConfigProblem.ROOT, 1, 1, "applying it failed: " + e.getMessage())));
        }
        LOG.info("config from {} applied (version {})", source, ConfigHash.shortHash(next));
        return new Verdict(Outcome.APPLIED, List.of());
    }
}
