package dev.switchboard.fleet;

import dev.switchboard.config.ConfigHash;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.ConfigResult;

/** Hashes of fleet config texts, the same on the CLI, in history and on every gateway. */
public final class ConfigTexts {

    private ConfigTexts() {
    }

    /**
     * The config's version hash (12 hex digits, as {@code validate} and the console show it) when the text is a valid
     * config, so formatting does not count; otherwise the first 12 hex digits of the text's SHA-256.
     */
    public static String hash(String json) {
        return switch (ConfigLoader.parse(json)) {
            case ConfigResult.Valid(var config) -> ConfigHash.shortHash(config);
            case ConfigResult.Invalid invalid -> ConfigHash.sha256(json).substring(0, ConfigHash.SHORT_LENGTH);
        };
    }
}
