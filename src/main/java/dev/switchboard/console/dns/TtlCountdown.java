package dev.switchboard.console.dns;

import dev.switchboard.console.common.DurationText;
import java.time.Duration;
import java.time.Instant;

/** How long resolvers may still hand out a profile's answer from before its last change: until then plus the TTL. */
final class TtlCountdown {

    static final String SETTLED = "all resolvers have the new answer";

    private TtlCountdown() {
    }

    /**
     * @param oldAnswer the answer before the change, or null when the console did not see it (it joined later)
     */
    static String text(String oldAnswer, Instant cachedUntil, Instant now) {
        Duration left = Duration.between(now, cachedUntil);
        if (left.isNegative() || left.isZero()) {
            return SETTLED;
        }
        return "resolvers may serve the old answer" + (oldAnswer == null ? "" : " (" + oldAnswer + ")")
                + " for another " + DurationText.clock(left);
    }
}
