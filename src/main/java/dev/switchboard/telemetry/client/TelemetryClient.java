package dev.switchboard.telemetry.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.telemetry.client.ConnectionKeeper.Connection;
import dev.switchboard.telemetry.protocol.Command;
import dev.switchboard.telemetry.protocol.GatewayState;
import dev.switchboard.telemetry.protocol.Protocol;
import dev.switchboard.telemetry.protocol.Reply;
import dev.switchboard.telemetry.protocol.StatsReport;
import dev.switchboard.telemetry.protocol.TelemetryEvent;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A console's connection to one gateway's telemetry stream: keeps a live {@link GatewayModel}, reconnects with
 * exponential backoff and jitter, asks for a fresh snapshot after a gap in {@code seq}, and sends commands.
 *
 * <p>All state lives on the client's own thread; listeners are called there, in order. Methods may be called from
 * any thread.
 */
public final class TelemetryClient implements TelemetryCommands, AutoCloseable {

    /** Wait before asking again for a snapshot the gateway refused (rate limited). */
    private static final Duration RESYNC_RETRY = Duration.ofSeconds(1);

    private final TelemetryListener listener;
    private final Duration commandTimeout;
    private final HistoryFetcher history;
    private final ScheduledExecutorService thread;
    private final ConnectionKeeper keeper;
    private final Clock clock = Clock.systemUTC();
    private final AtomicLong ids = new AtomicLong();

    // ---- client thread only ----
    private final Map<String, CompletableFuture<Reply.Ack>> pending = new HashMap<>();
    private long lastSeq;
    private boolean resyncing;
    /** The id of the resync in flight, so a refusal of it can be retried. */
    private String resyncId;

    private volatile GatewayModel model;

    TelemetryClient(TelemetryClientBuilder b) {
        this.listener = b.listener;
        this.commandTimeout = b.commandTimeout;
        this.history = new HistoryFetcher(b.uri, b.token, b.ssl);
        this.thread = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("telemetry-client-" + b.uri.getAuthority()).factory());
        this.keeper = new ConnectionKeeper(b, thread, new ConnectionKeeper.Stream() {
            @Override
            public void opening() {
                lastSeq = 0;
                resyncing = false;
            }

            @Override
            public void message(Connection c, String text) {
                onMessage(c, text);
            }

            @Override
            public void lost(String reason) {
                pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("connection lost: " + reason)));
                pending.clear();
            }
        });
    }

    /** @param uri {@code ws://host:port/telemetry} */
    public static TelemetryClientBuilder builder(URI uri, String token) {
        return new TelemetryClientBuilder(uri, token);
    }

    /** Connects in the background; watch {@link TelemetryListener#onStatus}. */
    public void start() {
        keeper.start();
    }

    /** The latest model; null before the first snapshot. */
    public GatewayModel model() {
        return model;
    }

    public ConnectionStatus status() {
        return keeper.status();
    }

    /** Fetches events and audit entries the console missed, over HTTP from the same admin listener. */
    public HistoryFetcher history() {
        return history;
    }

    // ---- commands (the typed ones are TelemetryCommands' defaults) ----

    /**
     * Sends any command; the future completes with the gateway's ack, or fails with {@link CommandException} (refused),
     * {@link TimeoutException} (no reply in time) or {@link IllegalStateException} (not connected, or the connection
     * was lost before the reply).
     */
    @Override
    public CompletableFuture<Reply.Ack> request(Command command) {
        CompletableFuture<Reply.Ack> result = new CompletableFuture<>();
        String json;
        try {
            json = Protocol.MAPPER.writeValueAsString(command);
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(e);
        }
        thread.execute(() -> {
            Connection c = keeper.current();
            if (c == null || !c.isOpen()) {
                result.completeExceptionally(new IllegalStateException("not connected: " + keeper.status().reason()));
                return;
            }
            pending.put(command.id(), result);
            c.send(json);
        });
        return result.orTimeout(commandTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ack, failure) -> thread.execute(() -> pending.remove(command.id())));
    }

    @Override
    public String nextId() {
        return "c" + ids.incrementAndGet();
    }

    // ---- messages (client thread) ----

    private void onMessage(Connection c, String text) {
        JsonNode node;
        try {
            node = Protocol.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return;
        }
        String type = node.path("type").asText();
        long seq = node.path("seq").asLong();
        if (type.equals(Protocol.Types.SNAPSHOT)) {
            resyncing = false;
        } else if (resyncing && type.equals(Protocol.Types.ERROR) && node.path("id").asText("").equals(resyncId)) {
            // Refused (the token's command budget is spent): ask again once it has refilled.
            thread.schedule(() -> sendResync(c), RESYNC_RETRY.toMillis(), TimeUnit.MILLISECONDS);
            return;
        } else if (resyncing || model == null) {
            lastSeq = seq;
            return;
        } else if (lastSeq != 0 && seq != lastSeq + 1) {
            // A message was lost: the model can no longer be trusted; ask for a fresh picture.
            resyncing = true;
            lastSeq = seq;
            sendResync(c);
            return;
        }
        lastSeq = seq;
        try {
            handle(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // A message this version cannot read is skipped; the next state or snapshot repairs the model.
        }
    }

    private void sendResync(Connection c) {
        if (c == keeper.current() && resyncing && c.isOpen()) {
            resyncId = nextId();
            c.send("{\"type\":\"" + Protocol.Types.RESYNC + "\",\"id\":\"" + resyncId + "\"}");
        }
    }

    private void handle(JsonNode node, String type) throws JsonProcessingException {
        Instant now = clock.instant();
        switch (type) {
            case Protocol.Types.SNAPSHOT -> {
                GatewayState state = Protocol.MAPPER.treeToValue(node.get("state"), GatewayState.class);
                List<TelemetryEvent> events = List.of(Protocol.MAPPER.treeToValue(node.get("events"), TelemetryEvent[].class));
                keeper.connected();
                GatewayModel snapshot = new GatewayModel(node.path("gateway").asText(), state, Map.of(), events, false, now,
                        node.path("epoch").asLong(), node.path("lastEventId").asLong(), 0);
                listener.onSnapshot(snapshot);
                publish(snapshot);
            }
            case Protocol.Types.STATE -> publish(model.withState(Protocol.MAPPER.treeToValue(node.get("state"), GatewayState.class), now));
            case Protocol.Types.STATS -> publish(model.withStats(Protocol.MAPPER.treeToValue(node, StatsReport.class).backends(), now,
                    node.path("ts").asLong()));
            case Protocol.Types.ACK -> {
                Reply.Ack ack = Protocol.MAPPER.treeToValue(node, Reply.Ack.class);
                CompletableFuture<Reply.Ack> f = pending.remove(ack.id());
                if (f != null) {
                    f.complete(ack);
                }
            }
            case Protocol.Types.ERROR -> {
                Reply.Error error = Protocol.MAPPER.treeToValue(node, Reply.Error.class);
                CompletableFuture<Reply.Ack> f = error.id() == null ? null : pending.remove(error.id());
                if (f != null) {
                    f.completeExceptionally(new CommandException(error));
                }
            }
            default -> {
                TelemetryEvent event = Protocol.MAPPER.treeToValue(node, TelemetryEvent.class);
                listener.onEvent(event, node.path("eventId").asLong());
                publish(model.withEvent(event, node.path("eventId").asLong(), now));
            }
        }
    }

    private void publish(GatewayModel next) {
        model = next;
        keeper.live(next.trafficSeen());
        listener.onModel(next);
    }

    /** Closes the connection and stops reconnecting; pending commands fail. */
    @Override
    public void close() {
        CompletableFuture<Void> done = CompletableFuture.runAsync(keeper::close, thread);
        done.orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
        history.close();
        // Later, so the close handshake's onClose still reaches the listener as DISCONNECTED "closed".
        thread.schedule(thread::shutdown, 500, TimeUnit.MILLISECONDS);
    }
}
