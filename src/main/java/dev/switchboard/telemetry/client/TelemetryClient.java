package dev.switchboard.telemetry.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A console's connection to one gateway's telemetry stream: keeps a live {@link GatewayModel}, reconnects with
 * exponential backoff and jitter, asks for a fresh snapshot after a gap in {@code seq}, and sends commands.
 *
 * <p>All state lives on the client's own thread; listeners are called there, in order. Methods may be called from
 * any thread.
 */
public final class TelemetryClient implements TelemetryCommands, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryClient.class);
    /** Longest wait from opening a connection to its snapshot. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Wait before asking again for a snapshot the gateway refused (rate limited). */
    private static final Duration RESYNC_RETRY = Duration.ofSeconds(1);

    private final URI uri;
    private final String token;
    private final TelemetryListener listener;
    private final Duration staleAfter;
    private final Duration commandTimeout;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final SSLContext ssl;
    private final HistoryFetcher history;
    private final ScheduledExecutorService thread;
    private final Clock clock = Clock.systemUTC();
    private final AtomicLong ids = new AtomicLong();

    // ---- client thread only ----
    private final Map<String, CompletableFuture<Reply.Ack>> pending = new HashMap<>();
    private Connection connection;
    private long lastSeq;
    private boolean resyncing;
    /** The id of the resync in flight, so a refusal of it can be retried. */
    private String resyncId;
    private long lastMessageNanos;
    private int attempts;
    private boolean closed;

    private volatile GatewayModel model;
    private volatile ConnectionStatus status;

    TelemetryClient(TelemetryClientBuilder b) {
        this.uri = b.uri;
        this.token = b.token;
        this.listener = b.listener;
        this.staleAfter = b.staleAfter;
        this.commandTimeout = b.commandTimeout;
        this.minBackoff = b.minBackoff;
        this.maxBackoff = b.maxBackoff;
        this.ssl = b.ssl;
        this.history = new HistoryFetcher(b.uri, b.token, b.ssl);
        this.thread = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("telemetry-client-" + uri.getAuthority()).factory());
        this.status = new ConnectionStatus(ConnectionState.DISCONNECTED, "not started", clock.instant(), 0);
    }

    /** @param uri {@code ws://host:port/telemetry} */
    public static TelemetryClientBuilder builder(URI uri, String token) {
        return new TelemetryClientBuilder(uri, token);
    }

    /** Connects in the background; watch {@link TelemetryListener#onStatus}. */
    public void start() {
        thread.execute(this::connect);
        long check = Math.max(50, staleAfter.toMillis() / 4);
        thread.scheduleWithFixedDelay(this::checkStale, check, check, TimeUnit.MILLISECONDS);
    }

    /** The latest model; null before the first snapshot. */
    public GatewayModel model() {
        return model;
    }

    public ConnectionStatus status() {
        return status;
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
            if (connection == null || !connection.isOpen()) {
                result.completeExceptionally(new IllegalStateException("not connected: " + status.reason()));
                return;
            }
            pending.put(command.id(), result);
            connection.send(json);
        });
        return result.orTimeout(commandTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ack, failure) -> thread.execute(() -> pending.remove(command.id())));
    }

    @Override
    public String nextId() {
        return "c" + ids.incrementAndGet();
    }

    // ---- connection lifecycle (client thread) ----

    private void connect() {
        if (closed) {
            return;
        }
        attempts++;
        setStatus(ConnectionState.CONNECTING, attempts > 1 ? "reconnecting, attempt " + attempts : null);
        lastSeq = 0;
        resyncing = false;
        connection = new Connection(uri, token);
        if (ssl != null) {
            connection.setSocketFactory(ssl.getSocketFactory());
        }
        connection.connect();
    }

    private void onOpen(Connection c) {
        if (c != connection) {
            return;
        }
        lastMessageNanos = System.nanoTime();
    }

    private void onClose(Connection c, int code, String reason) {
        if (c != connection) {
            return;
        }
        connection = null;
        pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("connection lost: " + reason)));
        pending.clear();
        if (closed) {
            setStatus(ConnectionState.DISCONNECTED, "closed");
            return;
        }
        setStatus(ConnectionState.DISCONNECTED, describeClose(code, reason));
        long cap = Math.min(maxBackoff.toMillis(), minBackoff.toMillis() << Math.min(attempts, 20));
        // Half fixed, half random: consoles that lost the same gateway do not all come back at the same instant.
        long delay = cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
        thread.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private static String describeClose(int code, String reason) {
        if (reason != null && reason.contains("401")) {
            return "refused: the token was not accepted (HTTP 401)";
        }
        if (reason != null && reason.contains("403")) {
            return "refused: origin not allowed (HTTP 403)";
        }
        return reason == null || reason.isEmpty() ? "connection closed (" + code + ")" : reason + " (" + code + ")";
    }

    private void checkStale() {
        ConnectionState s = status.state();
        if ((s == ConnectionState.LIVE || s == ConnectionState.LIVE_IDLE)
                && System.nanoTime() - lastMessageNanos > staleAfter.toNanos()) {
            setStatus(ConnectionState.STALE, "no message for more than " + staleAfter.toMillis() + " ms");
        } else if (s == ConnectionState.CONNECTING && connection != null
                && Duration.between(status.since(), clock.instant()).compareTo(CONNECT_TIMEOUT) > 0) {
            // Accepted but never answered (a listener going down): give up on this attempt; onClose schedules the next.
            connection.closeConnection(Protocol.CloseCodes.GOING_AWAY, "no snapshot within " + CONNECT_TIMEOUT.toSeconds() + " s");
        }
    }

    // ---- messages (client thread) ----

    private void onMessage(Connection c, String text) {
        if (c != connection) {
            return;
        }
        lastMessageNanos = System.nanoTime();
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
        if (c == connection && resyncing && c.isOpen()) {
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
                attempts = 0;
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
        ConnectionState live = next.trafficSeen() ? ConnectionState.LIVE : ConnectionState.LIVE_IDLE;
        if (status.state() != live) {
            setStatus(live, null);
        }
        listener.onModel(next);
    }

    private void setStatus(ConnectionState state, String reason) {
        LOG.debug("{}: {} {}", uri, state, reason == null ? "" : reason);
        status = new ConnectionStatus(state, reason, clock.instant(), state == ConnectionState.LIVE || state == ConnectionState.LIVE_IDLE ? 0 : attempts);
        listener.onStatus(status);
    }

    /** Closes the connection and stops reconnecting; pending commands fail. */
    @Override
    public void close() {
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
            closed = true;
            if (connection != null) {
                connection.close(Protocol.CloseCodes.GOING_AWAY, "console closed");
            } else {
                setStatus(ConnectionState.DISCONNECTED, "closed");
            }
        }, thread);
        done.orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
        history.close();
        // Later, so the close handshake's onClose still reaches the listener as DISCONNECTED "closed".
        thread.schedule(thread::shutdown, 500, TimeUnit.MILLISECONDS);
    }

    /** One WebSocket connection attempt; its callbacks hop onto the client thread. */
    private final class Connection extends WebSocketClient {

        Connection(URI uri, String token) {
            super(uri, new Draft_6455(), Map.of("Authorization", "Bearer " + token), (int) CONNECT_TIMEOUT.toMillis());
            setConnectionLostTimeout(30);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            thread.execute(() -> TelemetryClient.this.onOpen(this));
        }

        @Override
        public void onMessage(String message) {
            thread.execute(() -> TelemetryClient.this.onMessage(this, message));
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            thread.execute(() -> TelemetryClient.this.onClose(this, code, reason));
        }

        @Override
        public void onError(Exception ex) {
            // onClose follows with the reason.
        }
    }
}
