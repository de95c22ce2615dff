package dev.switchboard.gateway.hardening;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A backend on a free loopback port that parses HTTP/1.1 itself (Content-Length and chunked framing, keep-alive)
 * and records every request it reads, so a second request smuggled inside the first one's body shows up in the
 * log. Each request gets {@code 200} with a body naming its method and target, unless a responder given at
 * construction supplies the raw bytes of a misbehaving backend's answer.
 */
public final class LoggingBackend implements AutoCloseable {

    /** One request as the backend parsed it; headers and trailers (of a chunked body) keep their order and duplicates. */
    public record Received(String method, String target, String version, List<String[]> headers, byte[] body,
            List<String[]> trailers) {

        public List<String> all(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).toList();
        }

        public String header(String name) {
            List<String> values = all(name);
            return values.isEmpty() ? null : values.getFirst();
        }

        public String bodyText() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    private final ServerSocket server;
    private final ConcurrentLinkedQueue<Received> log = new ConcurrentLinkedQueue<>();
    private final List<Thread> connections = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    /** The raw response to a request, or null for the usual {@code 200}. */
    private final Function<Received, String> responder;

    public LoggingBackend() throws IOException {
        this(request -> null);
    }

    public LoggingBackend(Function<Received, String> responder) throws IOException {
        this.responder = responder;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().name("logging-backend-accept").start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Every request received so far, in arrival order. */
    public List<Received> requests() {
        return List.copyOf(log);
    }

    /**
     * Waits until every connection accepted so far has ended (the gateway closed it), so the log holds everything
     * those connections carried, smuggled requests included.
     */
    public List<Received> requestsOnceClosed(Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        for (Thread connection : connections) {
            long left = end - System.nanoTime();
            if (left <= 0 || !connection.join(Duration.ofNanos(left))) {
                throw new AssertionError("a backend connection stayed open longer than " + deadline);
            }
        }
        return requests();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                connections.add(Thread.ofVirtual().name("logging-backend-conn").start(() -> serve(socket)));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream()); OutputStream out = socket.getOutputStream()) {
            Received request;
            while ((request = read(in)) != null) {
                log.add(request);
                String raw = responder.apply(request);
                if (raw != null) {
                    out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    continue;
                }
                byte[] body = ("ok " + request.method() + " " + request.target()).getBytes(StandardCharsets.ISO_8859_1);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                if (!request.method().equals("HEAD")) {
                    out.write(body);
                }
                out.flush();
            }
        } catch (IOException e) {
            // The gateway closed or reset the connection: nothing more can arrive on it.
        }
    }

    /** The next request on the connection, or null at a clean end of stream. */
    static Received read(InputStream in) throws IOException {
        String requestLine = line(in);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = line(in);
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ", 3);
        List<String[]> headers = fields(in);
        Received head = new Received(parts[0], parts.length > 1 ? parts[1] : "", parts.length > 2 ? parts[2] : "", headers,
                new byte[0], List.of());
        byte[] body;
        List<String[]> trailers = new ArrayList<>();
        String te = head.header("Transfer-Encoding");
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = chunked(in, trailers);
        } else if (head.header("Content-Length") != null) {
            body = in.readNBytes(Integer.parseInt(head.header("Content-Length")));
        } else {
            body = new byte[0];
        }
        return new Received(head.method(), head.target(), head.version(), headers, body, trailers);
    }

    /** Header (or trailer) lines up to the empty line that ends them, as name and value. */
    static List<String[]> fields(InputStream in) throws IOException {
        List<String[]> fields = new ArrayList<>();
        for (String field = line(in); field != null && !field.isEmpty(); field = line(in)) {
            int colon = field.indexOf(':');
            fields.add(new String[] {field.substring(0, colon).trim(), field.substring(colon + 1).trim()});
        }
        return fields;
    }

    /** A chunked body; its trailer fields go to {@code trailers}. */
    static byte[] chunked(InputStream in, List<String[]> trailers) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            if (sizeLine == null) {
                throw new IOException("end of stream inside a chunked body");
            }
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                trailers.addAll(fields(in));
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            line(in);
        }
    }

    /** A CRLF-terminated line without its terminator, or null at end of stream. */
    static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
        return line.isEmpty() ? null : line.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        try {
            acceptor.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
