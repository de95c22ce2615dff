package dev.switchboard.config;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link ConfigResult#orThrow()} for callers who prefer exceptions; carries every problem found. */
public final class ConfigException extends RuntimeException {

    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(problems.size() + " config problem(s):\n"
                + problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
