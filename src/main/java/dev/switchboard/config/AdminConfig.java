package dev.switchboard.config;

import java.time.Duration;
import java.util.List;

/**
 * The gateway's admin listener: telemetry stream, metrics and control API. Absent from a config, the gateway runs
 * without one (unless {@code gateway --admin} asks for it).
 *
 * @param listen         host:port of the admin listener; loopback by default so it is never exposed by accident
 * @param tokens         who may connect, and with which role
 * @param allowedOrigins browser origins allowed to open the stream; requests without an Origin header always are
 * @param statsPeriod    how often per-backend stats go out on the stream
 * @param auditLog       audit log file (JSON lines); null means {@code switchboard-audit.jsonl} beside the config file
 * @param tls            serve HTTPS and {@code wss://} with this key; null for plain HTTP
 */
public record AdminConfig(String listen, List<AdminToken> tokens, List<String> allowedOrigins, Duration statsPeriod,
                          String auditLog, AdminTls tls) {

    public static final String DEFAULT_LISTEN = "127.0.0.1:9090";
    public static final Duration DEFAULT_STATS_PERIOD = Duration.ofMillis(250);

    public AdminConfig {
        tokens = List.copyOf(tokens);
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** The same settings listening on {@code address} instead. */
    public AdminConfig withListen(String address) {
        return new AdminConfig(address, tokens, allowedOrigins, statsPeriod, auditLog, tls);
    }

    /**
     * The admin listener's TLS key.
     *
     * @param keystore PKCS12 or JKS file holding one private key entry; relative paths resolve against the config
     *                 file's directory
     * @param password the store's password, also used for the key
     */
    public record AdminTls(String keystore, String password) {

        @Override
        public String toString() {
            return "AdminTls[" + keystore + "]";
        }
    }

    /**
     * One bearer token.
     *
     * @param name  who the token stands for; written to the audit log as the author of changes
     * @param token the secret itself
     * @param role  what the holder may do
     */
    public record AdminToken(String name, String token, AdminRole role) {

        @Override
        public String toString() {
            return "AdminToken[" + name + ", " + role + "]";
        }
    }

    /** Viewers may watch the stream and read state; operators may also change it. */
    public enum AdminRole {
        VIEWER,
        OPERATOR;

        /** The spelling in config files. */
        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
