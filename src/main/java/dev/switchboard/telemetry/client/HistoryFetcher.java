package dev.switchboard.telemetry.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.telemetry.protocol.Protocol;
import dev.switchboard.telemetry.protocol.TelemetryEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a console missed while away, from the admin listener of the stream it watches: numbered events from the
 * gateway's ring ({@code GET /api/events}) and audit entries, also from before a restart ({@code GET /api/audit}).
 * A refusal (401, 400, ...) fails the future with an {@link IOException} carrying the gateway's message. An event or
 * entry this console cannot read (a kind from a newer gateway) is skipped and counted, never the end of the page.
 */
public final class HistoryFetcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryFetcher.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** An event with its id in the gateway's epoch. */
    public record NumberedEvent(long eventId, TelemetryEvent event) {
    }

    /**
     * @param complete      false when events after the asked id are gone from the ring: some were missed for good
     * @param oldestEventId the oldest id the gateway still keeps; 0 from gateways that do not say
     * @param retained      how many events the gateway keeps at most; 0 from gateways that do not say
     * @param unreadable    events left out because this console cannot read them
     */
    public record EventPage(String gateway, long epoch, long lastEventId, boolean complete, long oldestEventId,
                            int retained, List<NumberedEvent> events, int unreadable) {
        public EventPage {
            events = List.copyOf(events);
        }
    }

    /**
     * @param more       true when more entries follow: ask again from the last entry's {@code ts}
     * @param unreadable entries left out because this console cannot read them
     */
    public record AuditPage(String gateway, boolean more, List<TelemetryEvent.OperatorAction> entries, int unreadable) {
        public AuditPage {
            entries = List.copyOf(entries);
        }
    }

    private final URI base;
    private final String token;
    private final HttpClient http;

    /** @param streamUri the stream's {@code ws(s)://host:port/telemetry}; requests go to {@code http(s)://host:port} */
    HistoryFetcher(URI streamUri, String token, SSLContext ssl) {
        String scheme = "wss".equalsIgnoreCase(streamUri.getScheme()) ? "https" : "http";
        this.base = URI.create(scheme + "://" + streamUri.getRawAuthority());
        this.token = token;
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT);
        if (ssl != null) {
            b.sslContext(ssl);
        }
        this.http = b.build();
    }

    /** The events after {@code eventId} still in the ring, oldest first (0: all of them). */
    public CompletableFuture<EventPage> eventsSince(long eventId) {
        return get("/api/events?since=" + eventId).thenApply(n -> {
            Readable<NumberedEvent> events = readAll(n.path("events"), TelemetryEvent.class,
                    (e, event) -> new NumberedEvent(e.path("eventId").asLong(), event));
            return new EventPage(n.path("gateway").asText(), n.path("epoch").asLong(), n.path("lastEventId").asLong(),
                    n.path("complete").asBoolean(), n.path("oldestEventId").asLong(), n.path("retained").asInt(),
                    events.items(), events.unreadable());
        });
    }

    /** Audit entries at or after {@code epochMillis}, oldest first, at most {@code limit} (1-1000). */
    public CompletableFuture<AuditPage> auditSince(long epochMillis, int limit) {
        return get("/api/audit?since=" + epochMillis + "&limit=" + limit).thenApply(n -> {
            Readable<TelemetryEvent.OperatorAction> entries = readAll(n.path("entries"),
                    TelemetryEvent.OperatorAction.class, (e, entry) -> entry);
            return new AuditPage(n.path("gateway").asText(), n.path("more").asBoolean(), entries.items(),
                    entries.unreadable());
        });
    }

    /** The items of a JSON array this console could read, and how many it could not. */
    private record Readable<T>(List<T> items, int unreadable) {
    }

    /** Each element of {@code array} as a {@code type}, made an item by {@code item}; unreadable ones only counted. */
    private static <T, R> Readable<R> readAll(JsonNode array, Class<T> type, BiFunction<JsonNode, T, R> item) {
        List<R> items = new ArrayList<>();
        int unreadable = 0;
        for (JsonNode e : array) {
            T value = readable(e, type);
            if (value == null) {
                unreadable++;
            } else {
                items.add(item.apply(e, value));
            }
        }
        return new Readable<>(items, unreadable);
    }

    private CompletableFuture<JsonNode> get(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
            JsonNode body = parse(r.body());
            if (r.statusCode() != 200) {
                throw new CompletionException(new IOException("GET " + pathAndQuery + ": HTTP " + r.statusCode() + " "
                        + body.path("error").asText(r.body())));
            }
            return body;
        });
    }

    private static JsonNode parse(String text) {
        try {
            return Protocol.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new CompletionException(new IOException("not JSON: " + text, e));
        }
    }

    /** {@code node} as a {@code type}, or null when this console cannot read it. */
    private static <T> T readable(JsonNode node, Class<T> type) {
        try {
            return Protocol.MAPPER.treeToValue(node, type);
        } catch (IOException | IllegalArgumentException e) {
            LOG.debug("skipped an entry this console cannot read: {}", node, e);
            return null;
        }
    }

    /** Stops the HTTP client; fetches still running fail. */
    @Override
    public void close() {
        http.shutdownNow();
    }
}
