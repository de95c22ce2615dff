package dev.switchboard.console.timeline;

import dev.switchboard.console.history.BreakerHistory;
import dev.switchboard.console.history.BreakerHistory.Segment;
import dev.switchboard.console.history.GatewayHistory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the breaker timeline shows: per backend three bands (breaker, availability, admin state) as spans over the
 * chosen window ending at the console's "now", with gaps where the gateway was stale or disconnected or no longer had
 * the backend.
 */
public final class TimelineModel {

    /** The windows an operator can zoom between. */
    public static final List<Duration> ZOOMS = List.of(Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofMinutes(30), GatewayHistory.TIMELINE_WINDOW);

    /** One band of a backend's row, top to bottom. */
    public enum Band {
        BREAKER("breaker", Segment::state),
        AVAILABILITY("availability", Segment::availability),
        ADMIN("admin", Segment::adminState);

        private final String label;
        private final Function<Segment, Enum<?>> value;

        Band(String label, Function<Segment, Enum<?>> value) {
            this.label = label;
            this.value = value;
        }

        public String label() {
            return label;
        }

        /** This band's state in {@code s}; null in a gap. */
        public Enum<?> of(Segment s) {
            return value.apply(s);
        }
    }

    /**
     * One stretch of one band in one state.
     *
     * @param state    null for a gap (no live data, or the backend was removed)
     * @param began    the segment in which this state began (its reason explains the change)
     * @param previous the band's state before, null when the console saw none
     */
    public record Span(String backendId, Band band, long startMillis, long endMillis, Enum<?> state, Segment began,
                       Enum<?> previous) {
    }

    /** One backend: its spans, band by band. */
    public record Row(String backendId, List<Span> spans) {

        public Optional<Span> at(Band band, long millis) {
            return spans.stream().filter(s -> s.band() == band && s.startMillis() <= millis && millis < s.endMillis())
                    .findFirst();
        }
    }

    private Duration window = ZOOMS.get(1);

    public Duration window() {
        return window;
    }

    public void setWindow(Duration zoom) {
        if (!ZOOMS.contains(zoom)) {
            throw new IllegalArgumentException("zoom must be one of " + ZOOMS + ", not " + zoom);
        }
        window = zoom;
    }

    /** The rows over {@code [now - window, now)}. */
    public List<Row> rows(Map<String, BreakerHistory> breakers, long nowMillis) {
        List<Row> rows = new ArrayList<>(breakers.size());
        breakers.forEach((id, h) -> rows.add(row(id, h.segments(), nowMillis)));
        return rows;
    }

    private Row row(String backendId, List<Segment> segments, long nowMillis) {
        long from = nowMillis - window.toMillis();
        List<Span> spans = new ArrayList<>();
        for (Band band : Band.values()) {
            Enum<?> previous = null;
            for (int i = 0, j; i < segments.size(); i = j) {
                Segment began = segments.get(i);
                j = i + 1;
                while (j < segments.size() && sameIn(band, segments.get(j), began)) {
                    j++;
                }
                long end = j < segments.size() ? segments.get(j).startMillis() : nowMillis;
                if (end > from && began.startMillis() < nowMillis) {
                    spans.add(new Span(backendId, band, Math.max(began.startMillis(), from), Math.min(end, nowMillis),
                            band.of(began), began, previous));
                }
                previous = began.gap() ? previous : band.of(began);
            }
        }
        return new Row(backendId, List.copyOf(spans));
    }

    private static boolean sameIn(Band band, Segment a, Segment b) {
        return a.gap() == b.gap() && a.removed() == b.removed() && a.recovered() == b.recovered()
                && band.of(a) == band.of(b);
    }

    /** The rule a reason names ("rule 'five-xx': 3 failures …"), or null. */
    static String rule(String reason) {
        if (reason == null) {
            return null;
        }
        int start = reason.indexOf("rule '");
        int end = start < 0 ? -1 : reason.indexOf('\'', start + 6);
        return end < 0 ? null : reason.substring(start + 6, end);
    }

    /** A tooltip's text: the transition, when and how long, the gateway's reason and the rule. */
    public static String describe(Span span, TimeText time) {
        String when = time.clock(span.startMillis()) + " to " + time.clockOrNow(span.endMillis()) + " ("
                + time.length(span.endMillis() - span.startMillis()) + ")";
        if (span.began().removed()) {
            return span.backendId() + ": removed, the gateway's config no longer has it\n" + when;
        }
        if (span.state() == null) {
            return span.backendId() + ": no live data (gateway stale or disconnected)\n" + when;
        }
        String transition = span.previous() == null || span.previous() == span.state()
                ? span.band().label() + " " + span.state()
                : span.band().label() + " " + span.previous() + " \u2192 " + span.state();
        String reason = Objects.requireNonNullElse(span.began().reason(), "");
        String rule = rule(reason);
        return span.backendId() + ": " + transition + "\n" + when
                + (span.began().recovered() ? "\nrecorded by the gateway while the console had no live data" : "")
                + (reason.isEmpty() ? "" : "\nreason: " + reason)
                + "\nrule: " + (rule == null ? "none named" : rule);
    }
}
