package dev.switchboard.config;

import dev.switchboard.config.binding.ConfigBinding;
import dev.switchboard.config.json.LocatedJsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads gateway config JSON (format: docs/config.md). Content problems never throw: the result lists all of
 * them with their positions. Only failing to read the bytes is an {@link IOException}.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    public static ConfigResult load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static ConfigResult load(InputStream in) throws IOException {
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    public static ConfigResult parse(String json) {
        LocatedJsonReader.Result read = LocatedJsonReader.read(Bom.strip(json));
        if (read.root() == null) {
            return new ConfigResult.Invalid(read.problems());
        }
        return ConfigBinding.bind(read.root(), read.problems());
    }
}
