package dev.switchboard.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.telemetry.protocol.Protocol;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/** A protocol-level test console: every message it receives, parsed, in a queue; the close code and reason. */
final class RawConsole extends WebSocketClient {

    final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    volatile int closeCode;
    volatile String closeReason;
    /** While set, the console stops reading (its reader thread waits), as a console that is not keeping up would. */
    volatile CountDownLatch paused;

    private RawConsole(URI uri, String token) {
        super(uri, Map.of("Authorization", "Bearer " + token));
    }

    static RawConsole connect(URI uri, String token) {
        return connect(uri, token, 0);
    }

    /** @param receiveBuffer the socket's receive buffer in bytes (0: the system's), small to stall the sender early */
    static RawConsole connect(URI uri, String token, int receiveBuffer) {
        RawConsole c = new RawConsole(uri, token);
        if (receiveBuffer > 0) {
            // Set before connecting, so the TCP window stays small.
            Socket socket = new Socket();
            try {
                socket.setReceiveBufferSize(receiveBuffer);
            } catch (SocketException e) {
                throw new AssertionError(e);
            }
            c.setSocket(socket);
        }
        try {
            if (!c.connectBlocking(5, TimeUnit.SECONDS)) {
                throw new AssertionError("could not connect to " + uri + ": " + c.closeCode + " " + c.closeReason);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return c;
    }

    /** The next message that matches, skipping others; fails after 10 s. */
    JsonNode next(Predicate<JsonNode> match) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try {
            while (true) {
                JsonNode m = messages.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (m == null) {
                    throw new AssertionError("no matching message within 10 s (closed: " + closeCode + " " + closeReason + ")");
                }
                if (match.test(m)) {
                    return m;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    JsonNode next(String type) {
        return next(m -> m.path("type").asText().equals(type));
    }

    /** The reply (ack or error) to the command with this id. */
    JsonNode reply(String id) {
        return next(m -> id.equals(m.path("id").asText(null)) && (m.path("type").asText().equals("ack") || m.path("type").asText().equals("error")));
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
    }

    @Override
    public void onMessage(String message) {
        CountDownLatch gate = paused;
        if (gate != null) {
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            messages.add(Protocol.MAPPER.readTree(message));
        } catch (Exception e) {
            throw new AssertionError("server sent something that is not JSON: " + message, e);
        }
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        closeReason = reason;
        closeCode = code;
    }

    @Override
    public void onError(Exception ex) {
    }
}
