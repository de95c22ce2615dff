package dev.switchboard.warmup;

import java.time.Duration;
import java.util.Locale;

/**
 * What a warm-up did.
 *
 * @param answered requests answered (any status)
 * @param failed   connections lost or responses that were not 200
 * @param elapsed  from starting the throwaway gateway to having closed it
 */
public record WarmupReport(long answered, long failed, Duration elapsed) {

    /** The one log line: {@code warm-up: 20,000 requests in 2.1 s}. */
    public String describe() {
        String line = String.format(Locale.ROOT, "warm-up: %,d requests in %.1f s", answered, elapsed.toMillis() / 1000.0);
        return failed == 0 ? line : line + String.format(Locale.ROOT, " (%,d failed)", failed);
    }
}
