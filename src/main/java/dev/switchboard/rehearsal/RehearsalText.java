package dev.switchboard.rehearsal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** A rehearsal result for people: a summary, the breaker timeline and the traffic share per backend over time. */
public final class RehearsalText {

    private RehearsalText() {
    }

    public static String write(RehearsalResult r) {
        StringBuilder out = new StringBuilder();
        line(out, "Rehearsal with " + (r.apim() ? "APIM" : "Switchboard") + " semantics, seed " + r.seed() + ", "
                + r.duration() + " of traffic: " + r.requests() + " requests");
        line(out, "  client status:        " + tally(r.clientStatus(), ""));
        line(out, "  attempts per request: " + tally(r.attempts(), ""));
        line(out, "  backend hits:         " + tally(r.backendHits(), ""));
        line(out, "  first request:        " + (r.firstRequestAttempts() == null ? "none sent" : r.firstRequestAttempts() + " attempt(s)"));
        line(out, "  first failover:       " + orNever(r.firstFailoverAt()));
        line(out, "  all traffic shifted:  " + orNever(r.allShiftedAt()));
        line(out, "  client 5xx:           " + r.serverErrors()
                + (r.poolExhausted() == 0 ? "" : " (" + r.poolExhausted() + " answered by the gateway with no backend available, "
                + r.poolExhaustedRetryAfter() + " of them with Retry-After)"));
        if (!r.apimAdjustments().isEmpty()) {
            line(out, "");
            line(out, "APIM semantics:");
            r.apimAdjustments().forEach(a -> line(out, "  " + a));
        }
        line(out, "");
        changes(out, "Breaker transitions:", r.transitions());
        line(out, "");
        changes(out, "Availability (breaker, probes):", r.availability());
        line(out, "");
        line(out, "Traffic share of attempts (seconds with the same split merged):");
        shares(r).forEach(s -> line(out, "  " + s));
        return out.toString();
    }

    private static void changes(StringBuilder out, String title, List<RehearsalResult.Change> changes) {
        line(out, title);
        if (changes.isEmpty()) {
            line(out, "  none");
        }
        for (RehearsalResult.Change c : changes) {
            line(out, String.format("  %-10s %-20s %s -> %s: %s", c.at(), c.backend(), c.from(), c.to(), c.reason()));
        }
    }

    /** One row per run of seconds with the same split (to 5 %); a second without traffic does not end a run. */
    private static List<String> shares(RehearsalResult r) {
        List<String> rows = new ArrayList<>();
        List<String> ids = r.backendIds();
        String current = null;
        int since = 0;
        for (int s = 0; s < r.hitsPerSecond().size(); s++) {
            String split = split(ids, r.hitsPerSecond().get(s));
            if (split == null || split.equals(current)) {
                continue;
            }
            if (current != null) {
                rows.add(row(since, s, current));
            }
            since = s;
            current = split;
        }
        if (current != null) {
            rows.add(row(since, r.hitsPerSecond().size(), current));
        }
        return rows;
    }

    private static String row(int from, int until, String split) {
        return String.format("%-16s %s", Duration.ofSeconds(from) + ".." + Duration.ofSeconds(until), split);
    }

    /** Each backend's share of the second's attempts, rounded to 5 %; null for a second without traffic. */
    private static String split(List<String> ids, long[] hits) {
        long total = 0;
        for (long h : hits) {
            total += h;
        }
        if (total == 0) {
            return null;
        }
        StringJoiner parts = new StringJoiner("  ");
        for (int i = 0; i < ids.size(); i++) {
            if (hits[i] > 0) {
                parts.add(ids.get(i) + " " + 5 * Math.round(20.0 * hits[i] / total) + "%");
            }
        }
        return parts.toString();
    }

    private static String tally(Map<?, Long> counts, String none) {
        StringJoiner parts = new StringJoiner(", ");
        counts.forEach((k, v) -> parts.add(k + " x" + v));
        return parts.length() == 0 ? none : parts.toString();
    }

    private static String orNever(Duration d) {
        return d == null ? "never" : d.toString();
    }

    private static void line(StringBuilder out, String text) {
        out.append(text).append(System.lineSeparator());
    }
}
