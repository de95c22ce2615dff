package dev.switchboard.telemetry.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.dns.ProfileEvent;
import dev.switchboard.dns.ProfileListener;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.EngineListener;
import dev.switchboard.engine.StateChange;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.telemetry.protocol.GatewayState;
import dev.switchboard.telemetry.protocol.Protocol;
import dev.switchboard.telemetry.protocol.Reply;
import dev.switchboard.telemetry.protocol.StatsReport;
import dev.switchboard.telemetry.protocol.TelemetryEvent;
import dev.switchboard.gateway.stats.BackendInterval;
import dev.switchboard.notify.DeadLetter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.java_websocket.WebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans the gateway's telemetry out to every connected console. Everything runs on one scheduler thread: engine
 * events (handed over by the engine listener, which never blocks the event loop that caused them), the stats tick,
 * and each console's outbox, so sessions need no locks and every console sees events in the engine's order.
 */
final class TelemetryHub implements EngineListener, ProfileListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryHub.class);
    /** Grace for a close handshake before the connection is cut. */
    private static final long CLOSE_GRACE_MILLIS = 2000;

    private final Gateway gateway;
    private final OverrideViews overrides;
    private final String gatewayId;
    private final Duration period;
    private final TelemetryLimits limits;
    private final ScheduledExecutorService thread;
    private final List<ClientSession> sessions = new ArrayList<>();
    private final ArrayDeque<TelemetryEvent> recent = new ArrayDeque<>();
    private final Consumer<DeadLetter> deadLetters = this::deadLetter;
    private GatewayConfig lastConfig;
    private boolean stateChanged;
    private volatile int connected;

    TelemetryHub(Gateway gateway, Duration period, TelemetryLimits limits, OverrideViews overrides) {
        this.gateway = gateway;
        this.overrides = overrides;
        this.gatewayId = gateway.config().gateway().id();
        this.period = period;
        this.limits = limits;
        this.lastConfig = gateway.config();
        this.thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("telemetry-" + gatewayId).factory());
    }

    void start(List<TelemetryEvent> history) {
        thread.execute(() -> history.forEach(this::remember));
        gateway.engine().addListener(this);
        gateway.trafficProfiles().addListener(this);
        gateway.notifications().onDeadLetter(deadLetters);
        thread.scheduleAtFixedRate(this::safeTick, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    // ---- called from other threads: hand over, never block ----

    @Override
    public void onEvent(EngineEvent event) {
        thread.execute(() -> onEngineEvent(event));
    }

    @Override
    public void onEvent(ProfileEvent event) {
        thread.execute(() -> {
            stateChanged = true;
            broadcast(StateViews.event(event));
        });
    }

    /** A new console: it gets a snapshot with the recent events first. */
    ClientSession open(WebSocket conn, Principal principal, String remote, BooleanSupplier peerWritable) {
        ClientSession session = new ClientSession(conn, principal, remote, peerWritable);
        thread.execute(() -> {
            sessions.add(session);
            connected = sessions.size();
            session.enqueue(snapshot());
            session.pump(limits.maxPendingFrames(), System.nanoTime());
            LOG.info("console {} connected ({} connected)", session, sessions.size());
        });
        return session;
    }

    void closed(ClientSession session, int code, String reason) {
        thread.execute(() -> {
            if (sessions.remove(session)) {
                connected = sessions.size();
                LOG.info("console {} disconnected: {} {} ({} connected)", session, code, reason, sessions.size());
            }
        });
    }

    /**
     * A fresh snapshot for a console that lost its place. Coalesced: while one is in flight (not yet handed to the
     * socket), another request adds nothing, since the snapshot on its way answers it too.
     */
    void resync(ClientSession session) {
        if (!session.startResync()) {
            return;
        }
        thread.execute(() -> {
            session.enqueueResync(snapshot());
            session.pump(limits.maxPendingFrames(), System.nanoTime());
        });
    }

    void reply(ClientSession session, Reply reply) {
        String type = reply instanceof Reply.Ack ? Protocol.Types.ACK : Protocol.Types.ERROR;
        String body = envelope(type, System.currentTimeMillis(), reply).toString();
        thread.execute(() -> {
            session.enqueueReply(body);
            session.pump(limits.maxPendingFrames(), System.nanoTime());
        });
    }

    /** An event that does not come from the engine (operator actions, also sent to webhook targets). */
    void publish(TelemetryEvent event) {
        if (event instanceof TelemetryEvent.OperatorAction o) {
            gateway.notifications().operatorAction(o.who(), o.action(), o.target(), o.before(), o.after(), o.version());
        }
        thread.execute(() -> broadcast(event));
    }

    /** A webhook's dead letter, shown in consoles' event logs. */
    private void deadLetter(DeadLetter d) {
        publish(new TelemetryEvent.NotificationFailed(d.at().toEpochMilli(), d.target(), d.eventType(), d.eventId(), d.attempts(),
                d.reason(), d.lastError()));
    }

    int consoles() {
        return connected;
    }

    /** The current engine picture, as {@code GET /api/state} serves it. */
    GatewayState state() {
        Engine engine = gateway.engine();
        return StateViews.state(engine.snapshot(), gateway.config(), gateway.trafficProfiles().snapshot(),
                overrides.of(engine.overrides(), engine.config()));
    }

    // ---- hub thread ----

    private void onEngineEvent(EngineEvent event) {
        Map<String, List<String>> diff = Map.of();
        if (event instanceof StateChange) {
            GatewayConfig now = gateway.config();
            if (now != lastConfig) {
                diff = ConfigDiff.between(lastConfig, now);
                lastConfig = now;
            }
        }
        stateChanged = true;
        broadcast(StateViews.event(event, diff));
    }

    private void broadcast(TelemetryEvent event) {
        remember(event);
        String body = envelope(TelemetryEvent.typeOf(event), event.ts(), event).toString();
        long now = System.nanoTime();
        for (ClientSession s : List.copyOf(sessions)) {
            s.enqueue(body);
            s.pump(limits.maxPendingFrames(), now);
            enforceLimits(s, now);
        }
    }

    private void remember(TelemetryEvent event) {
        recent.addLast(event);
        while (recent.size() > limits.recentEvents()) {
            recent.removeFirst();
        }
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            // The next tick must still run: a scheduled task that throws is never run again.
            LOG.error("telemetry tick failed", e);
        }
    }

    private void tick() {
        long ts = System.currentTimeMillis();
        // The snapshot also lets the engine run due time-driven changes (a trip ending) when no traffic does.
        GatewayState state = state();
        List<BackendInterval> intervals = new ArrayList<>();
        for (BackendConfig b : gateway.config().backends().values()) {
            if (!b.isPool()) {
                intervals.add(gateway.stats().backend(b.id()).cutInterval());
            }
        }
        String stats = envelope(Protocol.Types.STATS, ts, new StatsReport(period.toMillis(), intervals)).toString();
        String stateBody = stateChanged ? stateMessage(ts, state) : null;
        stateChanged = false;
        long now = System.nanoTime();
        for (ClientSession s : List.copyOf(sessions)) {
            if (stateBody != null) {
                s.enqueue(stateBody);
            }
            s.offerStats(stats);
            s.pump(limits.maxPendingFrames(), now);
            enforceLimits(s, now);
        }
    }

    private void enforceLimits(ClientSession s, long now) {
        if (s.closing()) {
            return;
        }
        String reason = s.queued() > limits.maxQueuedMessages()
                ? "consumer too slow: " + s.queued() + " messages waiting (limit " + limits.maxQueuedMessages() + ")"
                : s.blockedNanos(now) > limits.stallTimeout().toNanos()
                ? "consumer stalled: nothing could be sent for " + limits.stallTimeout().toMillis() + " ms"
                : null;
        if (reason != null) {
            LOG.warn("disconnecting console {}: {}", s, reason);
            sessions.remove(s);
            connected = sessions.size();
            s.close(Protocol.CloseCodes.TOO_SLOW, reason);
            thread.schedule(() -> {
                if (!s.connection().isClosed()) {
                    s.connection().closeConnection(Protocol.CloseCodes.TOO_SLOW, reason);
                }
            }, CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private String snapshot() {
        ObjectNode node = envelope(Protocol.Types.SNAPSHOT, System.currentTimeMillis(), null);
        node.set("state", Protocol.MAPPER.valueToTree(state()));
        // One by one: each element's type id is only written when Jackson sees the event's own class.
        ArrayNode events = node.putArray("events");
        recent.forEach(e -> events.add(Protocol.MAPPER.<ObjectNode>valueToTree(e)));
        return node.toString();
    }

    private String stateMessage(long ts, GatewayState state) {
        ObjectNode node = envelope(Protocol.Types.STATE, ts, null);
        node.set("state", Protocol.MAPPER.valueToTree(state));
        return node.toString();
    }

    private ObjectNode envelope(String type, long ts, Object payload) {
        ObjectNode node = Protocol.MAPPER.createObjectNode();
        node.put("type", type);
        node.put("v", Protocol.VERSION);
        node.put("gateway", gatewayId);
        node.put("ts", ts);
        if (payload != null) {
            ObjectNode body = Protocol.MAPPER.valueToTree(payload);
            body.remove("type");
            node.setAll(body);
        }
        return node;
    }

    @Override
    public void close() {
        gateway.engine().removeListener(this);
        gateway.trafficProfiles().removeListener(this);
        gateway.notifications().removeDeadLetterListener(deadLetters);
        thread.execute(() -> {
            for (ClientSession s : sessions) {
                s.close(Protocol.CloseCodes.GOING_AWAY, "gateway shutting down");
            }
            sessions.clear();
        });
        thread.shutdown();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
