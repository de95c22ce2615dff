package dev.switchboard.config.binding;

import dev.switchboard.config.ConfigProblem;
import dev.switchboard.config.json.JsonPaths;
import dev.switchboard.config.json.Location;
import java.util.ArrayList;
import java.util.List;

/** What one load collects while binding: every problem, and where each record came from. */
final class BindContext {

    private final List<ConfigProblem> problems = new ArrayList<>();
    private final SourceMap sources = new SourceMap();

    void problem(String path, Location at, String message) {
        problems.add(new ConfigProblem(JsonPaths.display(path), at.line(), at.column(), message));
    }

    void add(ConfigProblem problem) {
        problems.add(problem);
    }

    int problemCount() {
        return problems.size();
    }

    List<ConfigProblem> problems() {
        return problems;
    }

    SourceMap sources() {
        return sources;
    }
}
