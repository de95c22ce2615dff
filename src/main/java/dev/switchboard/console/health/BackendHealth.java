package dev.switchboard.console.health;

import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.Availability;
import dev.switchboard.console.common.DurationText;
import java.time.Duration;
import java.util.Locale;

/**
 * The one place that turns a backend's numbers and state into a health colour, for the pool cards and the fleet grid
 * alike. Failure percentages use Hystrix's dashboard thresholds: under 10% green, from 10% yellow, from 25% orange,
 * from 50% red. A backend with attempts in flight and no answer in the interval is hung (red) whatever its breaker says, so a
 * backend failing without a breaker rule is flagged, not left green. So is one whose p99 nears the timeout its routes
 * give it (orange from {@value #NEAR_TIMEOUT_PERCENT}% of it, red from all of it): its slowest requests are about to
 * time out, before any counter shows a failure.
 */
public final class BackendHealth {

    static final double YELLOW_PERCENT = 10;
    static final double ORANGE_PERCENT = 25;
    static final double RED_PERCENT = 50;
    static final int NEAR_TIMEOUT_PERCENT = 80;

    private BackendHealth() {
    }

    /**
     * A verdict.
     *
     * @param problem what is wrong in a few words ("100% 5xx", "hung, 3 in flight and no answer"); empty when nothing is
     */
    public record Verdict(HealthLevel level, String problem) {
    }

    /** A verdict without a timeout to compare latencies with. */
    public static Verdict classify(BackendNumbers n, AdminState admin, Availability availability) {
        return classify(n, admin, availability, null);
    }

    /**
     * @param timeout the deadline an attempt against the backend gets (its routes' tightest); null when not known
     */
    public static Verdict classify(BackendNumbers n, AdminState admin, Availability availability, Duration timeout) {
        if (admin == AdminState.DISABLED || admin == AdminState.MAINTENANCE) {
            return new Verdict(HealthLevel.IDLE, "");
        }
        Verdict byState = byStateAndFailures(n, availability);
        Verdict bySlowness = bySlowness(n, timeout);
        if (bySlowness == null) {
            return byState;
        }
        if (byState.problem().isEmpty()) {
            return bySlowness;
        }
        return new Verdict(byState.level().compareTo(bySlowness.level()) >= 0 ? byState.level() : bySlowness.level(),
                byState.problem() + ", " + bySlowness.problem());
    }

    /** "p99 1.9 s near the 2 s timeout" when the p99 is close to (or past) the timeout; else null. */
    private static Verdict bySlowness(BackendNumbers n, Duration timeout) {
        if (timeout == null || Double.isNaN(n.p99Millis()) || timeout.isZero()) {
            return null;
        }
        double share = n.p99Millis() * 100 / timeout.toMillis();
        if (share < NEAR_TIMEOUT_PERCENT) {
            return null;
        }
        boolean past = share >= 100;
        return new Verdict(past ? HealthLevel.RED : HealthLevel.ORANGE, "p99 " + latency(n.p99Millis())
                + (past ? " at or past the " : " near the ") + DurationText.of(timeout) + " timeout");
    }

    /** "950 ms", "1.9 s". */
    private static String latency(double millis) {
        return millis < 1000 ? Math.round(millis) + " ms" : DurationText.seconds(Math.round(millis / 100) / 10.0) + " s";
    }

    private static Verdict byStateAndFailures(BackendNumbers n, Availability availability) {
        if (n.known() && n.inFlight() > 0 && n.requests() == n.timeouts() + n.connectionErrors()) {
            return new Verdict(HealthLevel.RED, "hung, " + n.inFlight() + " in flight and no answer");
        }
        switch (availability) {
            case UNAVAILABLE_BREAKER, UNAVAILABLE_FORCED -> {
                return new Verdict(HealthLevel.RED, "breaker open");
            }
            case UNHEALTHY -> {
                return new Verdict(HealthLevel.RED, "health probe failing");
            }
            default -> { }
        }
        double failed = n.failurePercent();
        if (Double.isNaN(failed)) {
            return new Verdict(HealthLevel.IDLE, "");
        }
        HealthLevel level = failed >= RED_PERCENT ? HealthLevel.RED : failed >= ORANGE_PERCENT ? HealthLevel.ORANGE
                : failed >= YELLOW_PERCENT ? HealthLevel.YELLOW : HealthLevel.GREEN;
        if (level == HealthLevel.GREEN && n.timeouts() > 0) {
            return new Verdict(HealthLevel.YELLOW, n.timeouts() + " timed out");
        }
        return new Verdict(level, level == HealthLevel.GREEN ? "" : failures(n, failed));
    }

    /** "100% 5xx" when answers are all there is to it, else the failed share and what it was made of. */
    private static String failures(BackendNumbers n, double failed) {
        if (n.timeouts() == 0 && n.connectionErrors() == 0) {
            return percent(n.percent5xx()) + " 5xx";
        }
        return percent(failed) + " failed (" + percent(n.percent5xx()) + " 5xx, " + n.timeouts() + " timed out, "
                + n.connectionErrors() + " connection errors)";
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.0f%%", value);
    }
}
