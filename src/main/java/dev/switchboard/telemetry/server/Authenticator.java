package dev.switchboard.telemetry.server;

import dev.switchboard.config.AdminConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Maps a presented bearer token to its {@link Principal}. Tokens are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, so neither content nor length leaks through timing, and every configured token is
 * checked on every attempt.
 */
final class Authenticator {

    private record Entry(byte[] digest, Principal principal) {
    }

    private final List<Entry> entries;

    Authenticator(AdminConfig admin) {
        this.entries = admin.tokens().stream()
                .map(t -> new Entry(digest(t.token()), new Principal(t.name(), t.role())))
                .toList();
    }

    /** The principal of {@code token}, or null when it is missing or matches no configured token. */
    Principal authenticate(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        byte[] presented = digest(token);
        Principal match = null;
        for (Entry e : entries) {
            if (MessageDigest.isEqual(e.digest(), presented)) {
                match = e.principal();
            }
        }
        return match;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
