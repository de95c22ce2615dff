package dev.switchboard.telemetry.server;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;

/**
 * One connected console. Its outbox is touched only by the hub thread: messages wait there while the console is
 * blocked, the pending stats message is replaced rather than queued, and {@link #pump} sends while the socket keeps up.
 */
final class ClientSession {

    private final WebSocket conn;
    private final Principal principal;
    private final BooleanSupplier peerWritable;
    private final AtomicInteger badInARow = new AtomicInteger();
    /** Set from the request until its snapshot leaves the outbox: at most one resync is in flight. */
    private final AtomicBoolean resyncInFlight = new AtomicBoolean();
    private final String label;

    private final ArrayDeque<String> outbox = new ArrayDeque<>();
    /** The outbox's command replies (by identity): a resync's snapshot supersedes stream messages, never replies. */
    private final Set<String> replies = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The latest stats body not yet sent; replaced by newer stats (hub thread only). */
    private String pendingStats;
    /** The resync's snapshot while it waits in the outbox (hub thread only). */
    private String resyncSnapshot;
    private long seq;
    private long blockedSinceNanos;
    private boolean closing;

    /** @param remote the console's own address (the socket's peer is the bridge), for logs */
    ClientSession(WebSocket conn, Principal principal, String remote, BooleanSupplier peerWritable) {
        this.conn = conn;
        this.principal = principal;
        this.peerWritable = peerWritable;
        this.label = principal.name() + "@" + remote;
    }

    Principal principal() {
        return principal;
    }

    WebSocket connection() {
        return conn;
    }

    /**
     * Claims the connection's one resync slot (any thread); false when a resync is already in flight, whose snapshot
     * then answers this request too.
     */
    boolean startResync() {
        return resyncInFlight.compareAndSet(false, true);
    }

    /** Replaces the stream messages waiting with the resync's snapshot, ahead of the replies still waiting (hub thread). */
    void enqueueResync(String snapshot) {
        outbox.removeIf(body -> !replies.contains(body));
        pendingStats = null;
        resyncSnapshot = snapshot;
        outbox.addFirst(snapshot);
    }

    /** Counts a bad message; returns how many came in a row. */
    int bad() {
        return badInARow.incrementAndGet();
    }

    void good() {
        badInARow.set(0);
    }

    void enqueue(String body) {
        outbox.add(body);
    }

    void enqueueReply(String body) {
        replies.add(body);
        outbox.add(body);
    }

    void offerStats(String body) {
        pendingStats = body;
    }

    /** Drops everything waiting, at close. */
    private void clear() {
        outbox.clear();
        replies.clear();
        pendingStats = null;
    }

    int queued() {
        return outbox.size();
    }

    /** Sends what the socket can take now; returns false when something is still waiting. */
    boolean pump(int maxPendingFrames, long nowNanos) {
        while (!closing && (!outbox.isEmpty() || pendingStats != null)) {
            if (!canSend(maxPendingFrames)) {
                if (blockedSinceNanos == 0) {
                    blockedSinceNanos = nowNanos;
                }
                return false;
            }
            String body = outbox.poll();
            if (body != null) {
                replies.remove(body);
            } else {
                body = pendingStats;
                pendingStats = null;
            }
            conn.send(withSeq(body));
            if (body == resyncSnapshot) {
                resyncSnapshot = null;
                resyncInFlight.set(false);
            }
        }
        blockedSinceNanos = 0;
        return true;
    }

    /** Nanoseconds the console has been unable to take anything, or 0. */
    long blockedNanos(long nowNanos) {
        return blockedSinceNanos == 0 ? 0 : nowNanos - blockedSinceNanos;
    }

    /** Closes with a reason the console can show; the connection is cut for good once the close has had its chance. */
    void close(int code, String reason) {
        closing = true;
        clear();
        conn.close(code, fitCloseReason(reason));
    }

    /** A close frame's payload is at most 125 bytes (RFC 6455 5.5): 2 for the code leave 123 for the UTF-8 reason. */
    static final int MAX_CLOSE_REASON_BYTES = 123;

    /**
     * {@code reason} cut to {@link #MAX_CLOSE_REASON_BYTES} UTF-8 bytes at a code point boundary: a longer frame makes
     * the console fail the connection with 1002 and never see the code or the reason.
     */
    static String fitCloseReason(String reason) {
        int bytes = 0;
        for (int i = 0; i < reason.length(); ) {
            int cp = reason.codePointAt(i);
            bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes > MAX_CLOSE_REASON_BYTES) {
                return reason.substring(0, i);
            }
            i += Character.charCount(cp);
        }
        return reason;
    }

    boolean closing() {
        return closing;
    }

    private boolean canSend(int maxPendingFrames) {
        if (!conn.isOpen() || !peerWritable.getAsBoolean()) {
            return false;
        }
        return !(conn instanceof WebSocketImpl impl) || impl.outQueue.size() < maxPendingFrames;
    }

    /** Every body starts with '{'; the per-connection sequence number goes first. */
    private String withSeq(String body) {
        seq++;
        return "{\"seq\":" + seq + "," + body.substring(1);
    }

    @Override
    public String toString() {
        return label;
    }
}
