package dev.switchboard.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content hash of a config: SHA-256 of its compact canonical JSON ({@link ConfigWriter#toCompactJson}), so
 * formatting, key order and spelled-out defaults do not change it, while any effective change does.
 */
public final class ConfigHash {

    public static final int SHORT_LENGTH = 12;

    private ConfigHash() {
    }

    /** 64 lowercase hex digits. */
    public static String of(GatewayConfig config) {
        return sha256(ConfigWriter.toCompactJson(config));
    }

    /** SHA-256 of {@code text} (UTF-8) as 64 lowercase hex digits. */
    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The first 12 hex digits: enough to tell versions apart in a console or a log line. */
    public static String shortHash(GatewayConfig config) {
        return of(config).substring(0, SHORT_LENGTH);
    }
}
