package dev.switchboard.telemetry.server;

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
    private final EventRing ring;
    private final StreamMessages messages;
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
        this.ring = new EventRing(System.currentTimeMillis(), Math.max(EventRing.RETAINED, limits.recentEvents()));
        this.messages = new StreamMessages(gatewayId);
        this.thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("telemetry-" + gatewayId).factory());
    }

    void start(List<TelemetryEvent> history) {
        thread.execute(() -> history.forEach(ring::add));
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
        String body = messages.envelope(type, System.currentTimeMillis(), reply).toString();
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

    /** The numbered recent events, for {@code GET /api/events}. */
    EventRing events() {
        return ring;
    }

    StreamMessages messages() {
        return messages;
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
        String body = messages.event(new EventRing.Numbered(ring.add(event), event));
        long now = System.nanoTime();
        for (ClientSession s : List.copyOf(sessions)) {
            s.enqueue(body);
            s.pump(limits.maxPendingFrames(), now);
            enforceLimits(s, now);
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
        String stats = messages.envelope(Protocol.Types.STATS, ts, new StatsReport(period.toMillis(), intervals)).toString();
        String stateBody = stateChanged ? messages.state(ts, state) : null;
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
        return messages.snapshot(state(), ring, limits.recentEvents());
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
