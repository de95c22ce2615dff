package dev.switchboard.config.binding;

import dev.switchboard.config.AdminConfig;
import dev.switchboard.config.AdminConfig.AdminRole;
import dev.switchboard.config.AdminConfig.AdminToken;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The top-level {@code admin} object: the admin listener and who may use it. */
final class AdminBinder implements Binder<AdminConfig> {

    private static final Duration MIN_STATS_PERIOD = Duration.ofMillis(50);
    private static final Duration MAX_STATS_PERIOD = Duration.ofMinutes(1);

    @Override
    public List<String> fields() {
        return List.of("listen", "tokens", "allowedOrigins", "statsPeriod", "auditLog", "tls");
    }

    @Override
    public AdminConfig bind(FieldReader in) {
        String listen = in.hostPort("listen");
        List<AdminToken> tokens = in.requiredObjects("tokens", new TokenBinder());
        Duration period = in.positiveDuration("statsPeriod");
        if (period != null && (period.compareTo(MIN_STATS_PERIOD) < 0 || period.compareTo(MAX_STATS_PERIOD) > 0)) {
            in.problem("statsPeriod", "must be from PT0.05S to PT1M, got " + period);
        }
        String auditLog = in.string("auditLog");
        if (auditLog != null && auditLog.isBlank()) {
            in.problem("auditLog", "must not be empty");
        }
        return new AdminConfig(listen == null ? AdminConfig.DEFAULT_LISTEN : listen, tokens, in.strings("allowedOrigins"),
                period == null ? AdminConfig.DEFAULT_STATS_PERIOD : period, auditLog, in.object("tls", new TlsKeyBinder()));
    }

    /** {@code tls: { keystore, password }}, both required. */
    private static final class TlsKeyBinder implements Binder<AdminConfig.AdminTls> {

        @Override
        public List<String> fields() {
            return List.of("keystore", "password");
        }

        @Override
        public AdminConfig.AdminTls bind(FieldReader in) {
            String keystore = in.requiredString("keystore");
            if (keystore != null && keystore.isBlank()) {
                in.problem("keystore", "must not be empty");
            }
            return new AdminConfig.AdminTls(keystore, in.requiredString("password"));
        }
    }

    /** One token; names and secrets must be unique across the list, so the audit log always names one holder. */
    private static final class TokenBinder implements Binder<AdminToken> {

        private static final int MIN_TOKEN_LENGTH = 16;
        private final Set<String> names = new HashSet<>();
        private final Set<String> secrets = new HashSet<>();

        @Override
        public List<String> fields() {
            return List.of("name", "token", "role");
        }

        @Override
        public AdminToken bind(FieldReader in) {
            String name = in.requiredString("name");
            String token = in.requiredString("token");
            AdminRole role = in.requiredChoice("role", List.of(AdminRole.values()), AdminRole::jsonName);
            if (name != null && !names.add(name)) {
                in.problem("name", "duplicate token name \"" + name + "\"");
            }
            if (token != null && token.length() < MIN_TOKEN_LENGTH) {
                in.problem("token", "must be at least " + MIN_TOKEN_LENGTH + " characters");
            } else if (token != null && !secrets.add(token)) {
                in.problem("token", "the same token is already given to another name");
            }
            return new AdminToken(name, token, role);
        }
    }
}
