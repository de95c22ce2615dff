package dev.switchboard.telemetry.client;

import dev.switchboard.telemetry.protocol.Protocol;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link TelemetryClient}'s WebSocket up: connects, reconnects with exponential backoff and jitter, gives up
 * on an attempt that brings no snapshot, marks a quiet stream STALE, and reports each change as a
 * {@link ConnectionStatus}. Everything runs on the client's thread; only {@link #start()} and {@link #status()} may
 * be called from any thread.
 */
final class ConnectionKeeper {

    /** The client's logger: status changes log under the name they always had. */
    private static final Logger LOG = LoggerFactory.getLogger(TelemetryClient.class);
    /** Longest wait from opening a connection to its snapshot. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** What the client makes of the current connection's stream. */
    interface Stream {

        /** A new connection is being opened: nothing said on an earlier one counts any more. */
        void opening();

        /** A message on the current connection. */
        void message(Connection c, String text);

        /** The current connection closed: nothing sent on it will be answered. */
        void lost(String reason);
    }

    private final URI uri;
    private final String token;
    private final SSLContext ssl;
    private final Duration staleAfter;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final TelemetryListener listener;
    private final ScheduledExecutorService thread;
    private final Stream stream;
    private final Clock clock = Clock.systemUTC();

    // ---- client thread only ----
    private Connection connection;
    private long lastMessageNanos;
    private int attempts;
    private boolean closed;

    private volatile ConnectionStatus status;

    ConnectionKeeper(TelemetryClientBuilder b, ScheduledExecutorService thread, Stream stream) {
        this.uri = b.uri;
        this.token = b.token;
        this.ssl = b.ssl;
        this.staleAfter = b.staleAfter;
        this.minBackoff = b.minBackoff;
        this.maxBackoff = b.maxBackoff;
        this.listener = b.listener;
        this.thread = thread;
        this.stream = stream;
        this.status = new ConnectionStatus(ConnectionState.DISCONNECTED, "not started", clock.instant(), 0);
    }

    /** Connects in the background and starts watching for a quiet stream. */
    void start() {
        thread.execute(this::connect);
        long check = Math.max(50, staleAfter.toMillis() / 4);
        thread.scheduleWithFixedDelay(this::checkStale, check, check, TimeUnit.MILLISECONDS);
    }

    ConnectionStatus status() {
        return status;
    }

    /** The current attempt's connection, open or still opening; null between attempts. */
    Connection current() {
        return connection;
    }

    /** A snapshot arrived: the next loss backs off from the start again. */
    void connected() {
        attempts = 0;
    }

    /** The model moved: LIVE, or LIVE_IDLE while it has seen no traffic. */
    void live(boolean trafficSeen) {
        ConnectionState live = trafficSeen ? ConnectionState.LIVE : ConnectionState.LIVE_IDLE;
        if (status.state() != live) {
            setStatus(live, null);
        }
    }

    /** Closes the connection for good; its onClose reports DISCONNECTED "closed". */
    void close() {
        closed = true;
        if (connection != null) {
            connection.close(Protocol.CloseCodes.GOING_AWAY, "console closed");
        } else {
            setStatus(ConnectionState.DISCONNECTED, "closed");
        }
    }

    private void connect() {
        if (closed) {
            return;
        }
        attempts++;
        setStatus(ConnectionState.CONNECTING, attempts > 1 ? "reconnecting, attempt " + attempts : null);
        stream.opening();
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

    private void onMessage(Connection c, String text) {
        if (c != connection) {
            return;
        }
        lastMessageNanos = System.nanoTime();
        stream.message(c, text);
    }

    private void onClose(Connection c, int code, String reason) {
        if (c != connection) {
            return;
        }
        connection = null;
        stream.lost(reason);
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

    private void setStatus(ConnectionState state, String reason) {
        LOG.debug("{}: {} {}", uri, state, reason == null ? "" : reason);
        status = new ConnectionStatus(state, reason, clock.instant(), state == ConnectionState.LIVE || state == ConnectionState.LIVE_IDLE ? 0 : attempts);
        listener.onStatus(status);
    }

    /** One WebSocket connection attempt; its callbacks hop onto the client thread. */
    final class Connection extends WebSocketClient {

        Connection(URI uri, String token) {
            super(uri, new Draft_6455(), Map.of("Authorization", "Bearer " + token), (int) CONNECT_TIMEOUT.toMillis());
            setConnectionLostTimeout(30);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            thread.execute(() -> ConnectionKeeper.this.onOpen(this));
        }

        @Override
        public void onMessage(String message) {
            thread.execute(() -> ConnectionKeeper.this.onMessage(this, message));
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            thread.execute(() -> ConnectionKeeper.this.onClose(this, code, reason));
        }

        @Override
        public void onError(Exception ex) {
            // onClose follows with the reason.
        }
    }
}
