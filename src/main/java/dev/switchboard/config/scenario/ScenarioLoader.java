package dev.switchboard.config.scenario;

import dev.switchboard.config.ConfigException;
import dev.switchboard.config.ConfigProblem;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.binding.ScenarioBinding;
import dev.switchboard.config.json.LocatedJsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads scenario JSON (format: docs/rehearsal.md) for one gateway config: backend ids must be the config's.
 * Content problems are reported as {@link ConfigProblem}s with JSON path, line and column; only failing to read
 * the bytes is an {@link IOException}.
 */
public final class ScenarioLoader {

    private ScenarioLoader() {
    }

    public static Scenario load(Path file, GatewayConfig config) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), config);
    }

    /** @throws ConfigException listing every problem of the text, sorted by position */
    public static Scenario parse(String json, GatewayConfig config) {
        LocatedJsonReader.Result read = LocatedJsonReader.read(json);
        if (read.root() == null) {
            throw new ConfigException(read.problems());
        }
        return ScenarioBinding.bind(read.root(), read.problems(), config);
    }

    /** The problems of a scenario text, empty when it loads. */
    public static List<ConfigProblem> problems(String json, GatewayConfig config) {
        try {
            parse(json, config);
            return List.of();
        } catch (ConfigException e) {
            return e.problems();
        }
    }
}
