package dev.switchboard.gateway;

import dev.switchboard.config.AdminConfig;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The per-request decision trace, modelled on APIM's {@code Ocp-Apim-Trace}: a request carrying
 * {@code X-Switchboard-Trace: <operator token>} gets its trace back as compact JSON in the response header
 * {@code X-Switchboard-Trace-Result}. The request header is always removed before the request goes upstream; a
 * token that is not an operator token of the config's admin section is ignored.
 */
final class DecisionTrace {

    static final AsciiString REQUEST_HEADER = AsciiString.cached("x-switchboard-trace");
    static final AsciiString RESPONSE_HEADER = AsciiString.cached("x-switchboard-trace-result");

    private DecisionTrace() {
    }

    /** True when {@code token} is an operator token of {@code admin} (compared in constant time). */
    static boolean authorized(AdminConfig admin, String token) {
        if (admin == null || token == null || token.isEmpty()) {
            return false;
        }
        byte[] offered = token.trim().getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (AdminConfig.AdminToken t : admin.tokens()) {
            ok |= t.role() == AdminConfig.AdminRole.OPERATOR && MessageDigest.isEqual(offered, t.token().getBytes(StandardCharsets.UTF_8));
        }
        return ok;
    }
}
