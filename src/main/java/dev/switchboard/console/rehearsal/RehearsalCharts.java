package dev.switchboard.console.rehearsal;

import dev.switchboard.rehearsal.RehearsalResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A rehearsal result as chart data: traffic share per backend per second, and breaker state strips. */
public final class RehearsalCharts {

    /** One backend's share of the attempts in each second, in percent (0 in a second without traffic). */
    public record ShareSeries(String backend, double[] percent) {
    }

    /** A stretch of time a backend's breaker spent in one state; {@code until} is the run's end for the last one. */
    public record Segment(Duration from, Duration until, String state) {
    }

    /** One backend's breaker states over the run. */
    public record Strip(String backend, List<Segment> segments) {
    }

    private RehearsalCharts() {
    }

    public static List<ShareSeries> shares(RehearsalResult r) {
        List<String> ids = r.backendIds();
        int seconds = r.hitsPerSecond().size();
        List<ShareSeries> series = new ArrayList<>();
        for (int b = 0; b < ids.size(); b++) {
            double[] percent = new double[seconds];
            for (int s = 0; s < seconds; s++) {
                long[] hits = r.hitsPerSecond().get(s);
                long total = 0;
                for (long h : hits) {
                    total += h;
                }
                percent[s] = total == 0 ? 0 : 100.0 * hits[b] / total;
            }
            series.add(new ShareSeries(ids.get(b), percent));
        }
        return series;
    }

    /** Every backend starts CLOSED; each transition starts a new segment. */
    public static List<Strip> strips(RehearsalResult r) {
        Duration end = Duration.ofSeconds(Math.max(r.hitsPerSecond().size(), r.duration().toSeconds()));
        Map<String, List<Segment>> byBackend = new LinkedHashMap<>();
        Map<String, Segment> open = new LinkedHashMap<>();
        for (String id : r.backendIds()) {
            byBackend.put(id, new ArrayList<>());
            open.put(id, new Segment(Duration.ZERO, null, "CLOSED"));
        }
        for (RehearsalResult.Change t : r.transitions()) {
            Segment current = open.get(t.backend());
            byBackend.get(t.backend()).add(new Segment(current.from(), t.at(), current.state()));
            open.put(t.backend(), new Segment(t.at(), null, t.to()));
        }
        List<Strip> strips = new ArrayList<>();
        byBackend.forEach((id, segments) -> {
            Segment last = open.get(id);
            segments.add(new Segment(last.from(), end.compareTo(last.from()) > 0 ? end : last.from(), last.state()));
            segments.removeIf(s -> s.until().equals(s.from()));
            strips.add(new Strip(id, List.copyOf(segments)));
        });
        return strips;
    }
}
