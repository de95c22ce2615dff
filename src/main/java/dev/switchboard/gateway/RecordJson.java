package dev.switchboard.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.switchboard.engine.PickExplanation;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * An {@link ExchangeRecord} as compact JSON: the access log's JSON line, and the decision trace (which lists every
 * candidate of each pick, where the log names only the skipped ones). ASCII only, so it also fits a header.
 */
final class RecordJson {

    private static final JsonFactory JSON = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private RecordJson() {
    }

    /** The access-log line. */
    static String logLine(ExchangeRecord r) {
        return write(r, false);
    }

    /** The decision trace, as far as it got: written with the response head, so the exchange's totals are not in it. */
    static String trace(ExchangeRecord r) {
        return write(r, true);
    }

    private static String write(ExchangeRecord r, boolean trace) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            if (!trace) {
                out.writeStringField("time", r.time.toString());
                out.writeStringField("client", r.client);
                out.writeStringField("method", r.method);
                out.writeStringField("path", r.path);
            }
            out.writeStringField("api", r.api);
            out.writeStringField("rule", r.rule);
            out.writeStringField("target", r.target);
            if (!trace) {
                out.writeNumberField("status", r.status);
                out.writeNumberField("bytes", r.bytes);
                out.writeNumberField("upstreamMs", millis(r.upstreamNanos));
                out.writeNumberField("totalMs", millis(r.totalNanos));
                if (r.aborted) {
                    out.writeBooleanField("aborted", true);
                }
            }
            out.writeArrayFieldStart("attempts");
            for (ExchangeRecord.Attempt a : r.attempts) {
                attempt(out, a, trace);
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void attempt(JsonGenerator out, ExchangeRecord.Attempt a, boolean trace) throws IOException {
        out.writeStartObject();
        out.writeStringField("backend", a.pick().chosen());
        out.writeStringField("why", a.pick().why());
        out.writeArrayFieldStart(trace ? "candidates" : "skipped");
        for (PickExplanation.Candidate c : a.pick().candidates()) {
            if (trace || c.skipped()) {
                out.writeStartObject();
                out.writeStringField("backend", c.backendId());
                out.writeStringField("availability", token(c.availability().name()));
                out.writeStringField("breaker", token(c.breaker().name()));
                if (!c.reason().isEmpty()) {
                    out.writeStringField("reason", c.reason());
                }
                out.writeEndObject();
            }
        }
        out.writeEndArray();
        if (a.outcome != null) {
            out.writeStringField("outcome", a.outcome);
            out.writeNumberField("ms", millis(a.elapsedNanos));
        }
        if (a.retry != null) {
            out.writeStringField("retry", a.retry);
        }
        out.writeEndObject();
    }

    /** UNAVAILABLE_BREAKER as unavailable-breaker: the spelling of log tokens. */
    static String token(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
