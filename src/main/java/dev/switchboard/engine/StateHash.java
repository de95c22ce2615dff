package dev.switchboard.engine;

import dev.switchboard.config.GatewayConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 (hex) of the config plus the runtime overrides. The canonical text of the config is its records'
 * toString: deterministic for these immutable records (maps keep file order, enum sets enum order, durations ISO
 * text), so equal configs hash equally across runs.
 */
final class StateHash {

    private StateHash() {
    }

    static String of(GatewayConfig config, RuntimeOverrides overrides) {
        String canonical = config + "\n" + overrides.canonical();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every Java platform", e);
        }
    }
}
