package dev.switchboard.console.timeline;

import dev.switchboard.console.common.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Times as the timeline's tooltips write them: wall-clock "16:02:10" in the console's zone, "now" for the right
 * edge, lengths as {@link DurationText} does.
 *
 * @param nowMillis the timeline's right edge
 */
public record TimeText(long nowMillis, ZoneId zone) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    public String clock(long millis) {
        return CLOCK.format(Instant.ofEpochMilli(millis).atZone(zone));
    }

    public String clockOrNow(long millis) {
        return millis >= nowMillis ? "now" : clock(millis);
    }

    public String length(long millis) {
        return DurationText.of(Duration.ofMillis(Math.max(0, millis)));
    }
}
