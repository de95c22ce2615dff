package dev.switchboard.cli;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.ConfigProblem;
import dev.switchboard.config.ConfigResult;
import dev.switchboard.config.GatewayConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A config file as the commands load it: either the config, or the exit code after every problem was printed
 * compiler style ({@code FILE:LINE:COL: path: message}) or the file could not be read.
 *
 * @param config   the loaded config; null when loading failed
 * @param exitCode 0, {@link #INVALID} or {@link #UNREADABLE}
 */
record ConfigFile(GatewayConfig config, int exitCode) {

    static final int INVALID = 1;
    static final int UNREADABLE = 2;

    static ConfigFile load(Path file, PrintWriter err) {
        ConfigResult result;
        try {
            result = ConfigLoader.load(file);
        } catch (NoSuchFileException e) {
            err.println("cannot read " + file + ": no such file");
            return new ConfigFile(null, UNREADABLE);
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + e.getMessage());
            return new ConfigFile(null, UNREADABLE);
        }
        return switch (result) {
            case ConfigResult.Valid(GatewayConfig config) -> new ConfigFile(config, 0);
            case ConfigResult.Invalid(var problems) -> {
                for (ConfigProblem p : problems) {
                    err.println(file + ":" + p.line() + ":" + p.column() + ": " + p.path() + ": " + p.message());
                }
                yield new ConfigFile(null, INVALID);
            }
        };
    }

    boolean loaded() {
        return config != null;
    }
}
