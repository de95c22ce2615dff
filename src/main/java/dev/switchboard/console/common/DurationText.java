package dev.switchboard.console.common;

import java.time.Duration;
import java.util.Locale;

/** Durations as operators read them: "41 s", "3 min 10 s", "2 h 5 min"; and countdowns as "mm:ss". */
public final class DurationText {

    private DurationText() {
    }

    /** Whole units only beyond a minute; fractions of a second only below one (probe intervals like 0.2 s). */
    public static String of(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return seconds(d.toMillis() / 1000.0) + " s";
        }
        if (s < 3600) {
            return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        if (s < 86_400) {
            return s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
        }
        return s / 86_400 + " d" + (s % 86_400 / 3600 == 0 ? "" : " " + s % 86_400 / 3600 + " h");
    }

    /** A number of seconds without a needless ".0": "5", "0.2", "1.5". */
    public static String seconds(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds)
                : String.format(Locale.ROOT, "%.3f", seconds).replaceAll("0+$", "");
    }

    /**
     * A countdown: "mm:ss", or "h:mm:ss" from an hour on. Partial seconds count as a whole one, so "00:00" never
     * shows while time is left.
     */
    public static String clock(Duration remaining) {
        long s = Math.max(0, (remaining.toMillis() + 999) / 1000);
        return s < 3600 ? String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
    }
}
