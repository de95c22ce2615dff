package dev.switchboard.console.health;

import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.Availability;
import java.util.Locale;

/**
 * The one place that turns a backend's numbers and state into a health colour, for the pool cards and the fleet grid
 * alike. Failure percentages use Hystrix's dashboard thresholds: under 10% green, from 10% yellow, from 25% orange,
 * from 50% red. A backend with attempts in flight and no answer in the interval is hung (red) whatever its breaker says, so a
 * backend failing without a breaker rule is flagged, not left green.
 */
public final class BackendHealth {

    static final double YELLOW_PERCENT = 10;
    static final double ORANGE_PERCENT = 25;
    static final double RED_PERCENT = 50;

    private BackendHealth() {
    }

    /**
     * A verdict.
     *
     * @param problem what is wrong in a few words ("100% 5xx", "hung, 3 in flight and no answer"); empty when nothing is
     */
    public record Verdict(HealthLevel level, String problem) {
    }

    public static Verdict classify(BackendNumbers n, AdminState admin, Availability availability) {
        if (admin == AdminState.DISABLED || admin == AdminState.MAINTENANCE) {
            return new Verdict(HealthLevel.IDLE, "");
        }
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
