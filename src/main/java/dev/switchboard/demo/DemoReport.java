package dev.switchboard.demo;

import dev.switchboard.engine.Availability;
import dev.switchboard.engine.EngineSnapshot;
import dev.switchboard.engine.EngineSnapshot.MemberView;
import dev.switchboard.engine.EngineSnapshot.PoolView;
import java.time.Duration;
import java.util.Map;

/** Formats one line of the headless demo: traffic of the last interval and each pool's split and breakers. */
public final class DemoReport {

    private DemoReport() {
    }

    public static String line(Duration elapsed, Duration interval, TrafficSample traffic, EngineSnapshot engine) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("t=%4ds %5.0f req/s  2xx %-5d 5xx %-4d no answer %-4d",
                elapsed.toSeconds(), traffic.answered() * 1000.0 / Math.max(1, interval.toMillis()),
                traffic.statusClass(2), traffic.statusClass(5), traffic.failed()));
        for (PoolView pool : engine.pools()) {
            sb.append(" | ").append(pool.id()).append(':');
            long poolTotal = pool.members().stream().mapToLong(m -> count(traffic.byBackend(), m.backendId())).sum();
            for (MemberView m : pool.members()) {
                long n = count(traffic.byBackend(), m.backendId());
                sb.append(' ').append(m.backendId()).append(' ')
                        .append(poolTotal == 0 ? 0 : Math.round(n * 100.0 / poolTotal)).append('%')
                        .append(status(m));
            }
        }
        return sb.toString();
    }

    private static long count(Map<String, Long> byBackend, String id) {
        return byBackend.getOrDefault(id, 0L);
    }

    /** Nothing while available, so the eye goes to the members that are not (with the time left in OPEN). */
    private static String status(MemberView m) {
        if (m.availability() == Availability.AVAILABLE) {
            return "";
        }
        Duration left = m.backend().openRemaining();
        return " [" + m.availability() + (left == null ? "" : " " + left.toSeconds() + "s") + "]";
    }
}
