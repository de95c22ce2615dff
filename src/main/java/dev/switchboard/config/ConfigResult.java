package dev.switchboard.config;

import java.util.List;

/** Outcome of loading a config: the resolved config, or every problem found in it. */
public sealed interface ConfigResult {

    /** The file is valid; {@code config} is fully resolved (defaults applied, references resolved). */
    record Valid(GatewayConfig config) implements ConfigResult {
        @Override
        public List<ConfigProblem> problems() {
            return List.of();
        }
    }

    /** The file is not usable; {@code problems} is never empty and is sorted by position. */
    record Invalid(List<ConfigProblem> problems) implements ConfigResult {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }

    /** Problems found; empty when valid. */
    List<ConfigProblem> problems();

    default boolean isValid() {
        return this instanceof Valid;
    }

    /** The config, or a {@link ConfigException} listing every problem. */
    default GatewayConfig orThrow() {
        return switch (this) {
            case Valid v -> v.config();
            case Invalid i -> throw new ConfigException(i.problems());
        };
    }
}
