package dev.switchboard.rehearsal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A rehearsal result as the JSON of {@code switchboard rehearse --json} (fields: docs/rehearsal.md). */
public final class RehearsalJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private RehearsalJson() {
    }

    public static String write(RehearsalResult r) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("semantics", r.apim() ? "apim" : "switchboard");
            g.writeNumberField("seed", r.seed());
            g.writeStringField("duration", r.duration().toString());
            g.writeNumberField("requests", r.requests());
            counts(g, "clientStatus", r.clientStatus());
            counts(g, "attempts", r.attempts());
            counts(g, "backendHits", r.backendHits());
            if (r.firstRequestAttempts() == null) {
                g.writeNullField("firstRequestAttempts");
            } else {
                g.writeNumberField("firstRequestAttempts", r.firstRequestAttempts());
            }
            duration(g, "firstFailoverAt", r.firstFailoverAt());
            duration(g, "allShiftedAt", r.allShiftedAt());
            g.writeNumberField("poolExhausted", r.poolExhausted());
            g.writeNumberField("poolExhaustedWithRetryAfter", r.poolExhaustedRetryAfter());
            changes(g, "transitions", r.transitions());
            changes(g, "availability", r.availability());
            trafficPerSecond(g, r);
            g.writeArrayFieldStart("apimAdjustments");
            for (String a : r.apimAdjustments()) {
                g.writeString(a);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + System.lineSeparator();
    }

    private static void counts(JsonGenerator g, String name, Map<?, Long> counts) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<?, Long> e : counts.entrySet()) {
            g.writeNumberField(e.getKey().toString(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void duration(JsonGenerator g, String name, Duration d) throws IOException {
        if (d == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, d.toString());
        }
    }

    private static void changes(JsonGenerator g, String name, List<RehearsalResult.Change> changes) throws IOException {
        g.writeArrayFieldStart(name);
        for (RehearsalResult.Change c : changes) {
            g.writeStartObject();
            g.writeStringField("at", c.at().toString());
            g.writeStringField("backend", c.backend());
            g.writeStringField("from", c.from());
            g.writeStringField("to", c.to());
            g.writeStringField("reason", c.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Attempts per backend in each second: {@code [{ "second": 0, "hits": { "a": 3 } }]}, backends without hits left out. */
    private static void trafficPerSecond(JsonGenerator g, RehearsalResult r) throws IOException {
        List<String> ids = r.backendIds();
        g.writeArrayFieldStart("trafficPerSecond");
        for (int s = 0; s < r.hitsPerSecond().size(); s++) {
            long[] hits = r.hitsPerSecond().get(s);
            g.writeStartObject();
            g.writeNumberField("second", s);
            g.writeObjectFieldStart("hits");
            for (int i = 0; i < ids.size(); i++) {
                if (hits[i] > 0) {
                    g.writeNumberField(ids.get(i), hits[i]);
                }
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
