package dev.switchboard.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback backend whose bytes a test writes itself, for responses no real server would send: each request head
 * (bodies are not read) is answered by the {@link Script}, told which connection and which request on it this is.
 */
final class ScriptedBackend implements AutoCloseable {

    interface Script {
        /** Answers the {@code request}-th request (from 0) of the {@code connection}-th connection (from 0). */
        void serve(int connection, int request, Socket socket) throws Exception;
    }

    private final ServerSocket server;
    private final Script script;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    /** Completes when the gateway ends the connection (end of stream, or a reset seen on a write). */
    private final Map<Integer, CompletableFuture<Void>> ended = new ConcurrentHashMap<>();

    ScriptedBackend(Script script) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections the gateway opened so far. */
    int connections() {
        return accepted.get();
    }

    /** Whether the gateway ended the {@code connection}-th connection within {@code wait}. */
    boolean endedByGateway(int connection, Duration wait) {
        try {
            ended(connection).get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception notYet) {
            return false;
        }
    }

    static void write(Socket socket, String bytes) throws IOException {
        socket.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    private CompletableFuture<Void> ended(int connection) {
        return ended.computeIfAbsent(connection, c -> new CompletableFuture<>());
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                int connection = accepted.getAndIncrement();
                Thread.ofVirtual().start(() -> serve(connection, socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(int connection, Socket socket) {
        try {
            for (int request = 0; readHead(socket.getInputStream()); request++) {
                script.serve(connection, request, socket);
            }
        } catch (Exception e) {
            // A write the gateway reset, or this backend closing.
        }
        ended(connection).complete(null);
    }

    /** Reads up to the blank line ending a request head (requests without a body); false at end of stream. */
    static boolean readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            head.write(b);
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
