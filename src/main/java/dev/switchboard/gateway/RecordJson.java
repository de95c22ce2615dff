package dev.switchboard.gateway;

import dev.switchboard.engine.PickExplanation;
import java.util.Locale;

/**
 * An {@link ExchangeRecord} as compact JSON: the access log's JSON line, and the decision trace (which lists every
 * candidate of each pick, where the log names only the skipped ones). ASCII only, so it also fits a header.
 */
final class RecordJson {

    private RecordJson() {
    }

    /** Appends the access-log line (without its line end). */
    static void logLine(ExchangeRecord r, LineBuffer line) {
        write(r, false, new JsonLine(line));
    }

    /** The decision trace, as far as it got: written with the response head, so the exchange's totals are not in it. */
    static String trace(ExchangeRecord r) {
        StringBuilder text = new StringBuilder(256);
        write(r, true, new JsonLine(text));
        return text.toString();
    }

    private static void write(ExchangeRecord r, boolean trace, JsonLine out) {
        out.startObject();
        if (!trace) {
            out.field("time", r.time)
                    .field("client", r.client)
                    .field("method", r.method)
                    .field("path", r.path);
        }
        out.field("api", r.api).field("rule", r.rule).field("target", r.target);
        if (!trace) {
            out.field("status", r.status)
                    .field("bytes", r.bytes)
                    .hundredths("upstreamMs", hundredthsOfMillis(r.upstreamNanos))
                    .hundredths("totalMs", hundredthsOfMillis(r.totalNanos));
            if (r.aborted) {
                out.field("aborted", true);
            }
        }
        out.startArray("attempts");
        for (ExchangeRecord.Attempt a : r.attempts) {
            attempt(out, a, trace);
        }
        out.endArray().endObject();
    }

    private static void attempt(JsonLine out, ExchangeRecord.Attempt a, boolean trace) {
        out.startObject().field("backend", a.pick().chosen()).field("why", a.pick().why());
        out.startArray(trace ? "candidates" : "skipped");
        for (PickExplanation.Candidate c : a.pick().candidates()) {
            if (trace || c.skipped()) {
                out.startObject()
                        .field("backend", c.backendId())
                        .field("availability", token(c.availability().name()))
                        .field("breaker", token(c.breaker().name()));
                if (!c.reason().isEmpty()) {
                    out.field("reason", c.reason());
                }
                out.endObject();
            }
        }
        out.endArray();
        if (a.outcome != null) {
            out.field("outcome", a.outcome).hundredths("ms", hundredthsOfMillis(a.elapsedNanos));
        }
        if (a.retryWhy != null) {
            out.field("retry", a.retryPrefix(), a.retryWhy);
        }
        out.endObject();
    }

    /** UNAVAILABLE_BREAKER as unavailable-breaker: the spelling of log tokens. */
    static String token(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Milliseconds rounded to two decimals, in hundredths. */
    static long hundredthsOfMillis(long nanos) {
        return Math.round(nanos / 10_000.0);
    }
}
