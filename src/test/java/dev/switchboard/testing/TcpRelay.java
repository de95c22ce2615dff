package dev.switchboard.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP relay to a target port that a test can cut and restore: a network partition between one client and a
 * server that stays up (real sockets; while cut, connections are accepted and closed at once).
 */
public final class TcpRelay implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    /** While holding: what each connection's far side would have got, in order; guarded by itself. */
    private final Map<Socket, ByteArrayOutputStream> held = new LinkedHashMap<>();
    private boolean holding;
    private int heldReads;

    public TcpRelay(int targetPort) {
        this.targetPort = targetPort;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofPlatform().daemon().name("tcp-relay-" + port()).start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Drops every connection and refuses new ones until {@link #restore()}. */
    public void cut() {
        cut = true;
        open.forEach(TcpRelay::closeQuietly);
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    /**
     * Stalls the connections without closing them: bytes are read and kept until {@link #release()}, which delivers
     * them at once, as a network stall followed by a burst does.
     */
    public void hold() {
        synchronized (held) {
            holding = true;
            heldReads = 0;
        }
    }

    /** How many reads were kept since {@link #hold()}: one per message a slow stream sent, typically. */
    public int heldReads() {
        synchronized (held) {
            return heldReads;
        }
    }

    /** Delivers everything kept while holding, in order, and relays as usual again. */
    public void release() {
        synchronized (held) {
            holding = false;
            held.forEach((to, bytes) -> {
                try {
                    OutputStream out = to.getOutputStream();
                    bytes.writeTo(out);
                    out.flush();
                } catch (IOException e) {
                    // that side went away meanwhile
                }
            });
            held.clear();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 1000);
                open.add(client);
                open.add(upstream);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                // closed, or the target refused: the client sees its connection end
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread.ofPlatform().daemon().start(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    synchronized (held) {
                        if (holding) {
                            held.computeIfAbsent(to, k -> new ByteArrayOutputStream()).write(buffer, 0, n);
                            heldReads++;
                            continue;
                        }
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // one side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
