package dev.switchboard.console.pools;

import dev.switchboard.console.common.DurationText;
import dev.switchboard.console.health.BackendNumbers;
import dev.switchboard.console.health.BackendStatus;
import java.time.Duration;
import java.util.Locale;

/** A backend card's numbers and state age as text; "–" where a number is not known, never a made-up 0. */
final class CardNumbers {

    private static final String UNKNOWN = "\u2013";

    private CardNumbers() {
    }

    /** "12.5 req/s · 2xx 98% · 4xx 0% · 5xx 2% · conn errors 0 · timeouts 0 · retries 1 · in flight 2 · p50 3.1 ms · p99 41 ms". */
    static String of(BackendNumbers n) {
        return String.join(" \u00b7 ",
                (n.known() ? String.format(Locale.ROOT, "%.1f", n.perSecond()) : UNKNOWN) + " req/s",
                "2xx " + percent(n.percent2xx()), "4xx " + percent(n.percent4xx()), "5xx " + percent(n.percent5xx()),
                "conn errors " + n.connectionErrors(), "timeouts " + n.timeouts(), "retries " + n.retries(),
                "in flight " + n.inFlight(), "p50 " + millis(n.p50Millis()), "p99 " + millis(n.p99Millis()));
    }

    /** "state for 12 s", or "state for ≥ 12 s" when no change was seen since the console connected. */
    static String since(BackendStatus s, long nowMillis) {
        if (s.stateSinceMillis() == 0) {
            return "";
        }
        Duration age = Duration.ofSeconds(Math.max(0, nowMillis - s.stateSinceMillis()) / 1000);
        return "state for " + (s.stateChangeSeen() ? "" : "\u2265 ") + DurationText.of(age);
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? UNKNOWN : String.format(Locale.ROOT, "%.0f%%", value);
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? UNKNOWN : String.format(Locale.ROOT, value < 10 ? "%.1f ms" : "%.0f ms", value);
    }
}
