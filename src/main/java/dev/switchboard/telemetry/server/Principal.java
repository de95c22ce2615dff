package dev.switchboard.telemetry.server;

import dev.switchboard.config.AdminConfig.AdminRole;

/** Who is connected: the token's name (the audit log's "who") and its role. */
record Principal(String name, AdminRole role) {

    boolean mayCommand() {
        return role == AdminRole.OPERATOR;
    }
}
