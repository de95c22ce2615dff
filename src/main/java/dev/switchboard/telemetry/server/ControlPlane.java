package dev.switchboard.telemetry.server;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.ConfigProblem;
import dev.switchboard.config.ConfigResult;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.dns.ProfileSnapshot;
import dev.switchboard.dns.TrafficProfiles;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.EngineListener;
import dev.switchboard.engine.RuntimeOverrides;
import dev.switchboard.engine.StateChange;
import dev.switchboard.engine.breaker.ForceAction;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.telemetry.protocol.Command;
import dev.switchboard.telemetry.protocol.GatewayState;
import dev.switchboard.telemetry.protocol.Reply;
import dev.switchboard.telemetry.protocol.Reply.ErrorCode;
import dev.switchboard.telemetry.protocol.TelemetryEvent.OperatorAction;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies operator changes one at a time on its own thread (never an event loop): checks the base version, applies,
 * writes the audit record and the overrides file, and announces the change to every console.
 */
final class ControlPlane implements EngineListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlPlane.class);

    private final Gateway gateway;
    private final Engine engine;
    private final AuditLog audit;
    private final OverrideStore overrides;
    private final TelemetryHub hub;
    private final OverrideViews overrideViews;
    private final ExecutorService thread;
    /** What the overrides file holds (control thread only). */
    private RuntimeOverrides saved;

    ControlPlane(Gateway gateway, AuditLog audit, OverrideStore overrides, OverrideViews overrideViews, TelemetryHub hub) {
        this.gateway = gateway;
        this.overrideViews = overrideViews;
        this.engine = gateway.engine();
        this.audit = audit;
        this.overrides = overrides;
        this.hub = hub;
        this.thread = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("admin-control").factory());
        this.saved = engine.overrides();
    }

    /** Applies {@code change} on the control thread; the future always completes with a reply, never exceptionally. */
    CompletableFuture<Reply> submit(Principal who, Command.Change change) {
        return answered(CompletableFuture.supplyAsync(() -> apply(who, change), thread), change);
    }

    /** A DNS fail-over action: operator role, applied to the traffic profiles, audited like every change. */
    CompletableFuture<Reply> submitDns(Principal who, Command.DnsAction action) {
        return answered(CompletableFuture.supplyAsync(() -> applyDns(who, action), thread), action);
    }

    /** A failure nobody foresaw still gets its sender an error reply, and the log its stack trace. */
    private static CompletableFuture<Reply> answered(CompletableFuture<Reply> reply, Command command) {
        return reply.exceptionally(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            LOG.error("{} failed", command.getClass().getSimpleName(), cause);
            return new Reply.Error(command.id(), ErrorCode.BAD_REQUEST, "internal error: " + cause, List.of());
        });
    }

    private Reply applyDns(Principal who, Command.DnsAction action) {
        if (!who.mayCommand()) {
            return error(action, ErrorCode.FORBIDDEN, "token '" + who.name() + "' has the viewer role; commands need an operator token");
        }
        TrafficProfiles profiles = gateway.trafficProfiles();
        ProfileSnapshot before;
        ProfileSnapshot after;
        String target;
        try {
            before = profiles.snapshot(action.profile());
            switch (action) {
                case Command.DnsDisableEndpoint c -> {
                    target = c.profile() + "/" + c.endpoint();
                    after = profiles.disableEndpoint(c.profile(), c.endpoint());
                }
                case Command.DnsEnableEndpoint c -> {
                    target = c.profile() + "/" + c.endpoint();
                    after = profiles.enableEndpoint(c.profile(), c.endpoint());
                }
                case Command.DnsFailOverTo c -> {
                    target = c.profile() + "/" + c.endpoint();
                    after = profiles.failOverTo(c.profile(), c.endpoint());
                }
                case Command.DnsClearFailover c -> {
                    target = c.profile();
                    after = profiles.clearFailover(c.profile());
                }
            }
        } catch (IllegalArgumentException e) {
            return error(action, ErrorCode.REJECTED, e.getMessage());
        }
        OperatorAction record = new OperatorAction(System.currentTimeMillis(), who.name(), Command.typeOf(action), target,
                before.describeAnswer(), after.describeAnswer(), engine.version());
        persist(record);
        hub.publish(record);
        return new Reply.Ack(action.id(), engine.version(), engine.hash(), after.exists() ? after.answer() : List.of());
    }

    private Reply apply(Principal who, Command.Change change) {
        if (!who.mayCommand()) {
            return error(change, ErrorCode.FORBIDDEN, "token '" + who.name() + "' has the viewer role; commands need an operator token");
        }
        // Holding the gateway's monitor makes check-and-apply atomic with config reloads from the file watcher,
        // which go through the synchronized Gateway.applyConfig: no lost update between two writers.
        synchronized (gateway) {
            long current = engine.version();
            if (change.baseVersion() != current) {
                return error(change, ErrorCode.STALE_VERSION, "based on version " + change.baseVersion()
                        + " but the gateway is at version " + current + "; look at the current state and retry");
            }
            try {
                return applyCurrent(who, change);
            } catch (IllegalArgumentException e) {
                return error(change, ErrorCode.REJECTED, e.getMessage());
            }
        }
    }

    private Reply applyCurrent(Principal who, Command.Change change) {
        GatewayState before = hub.state();
        String action = Command.typeOf(change);
        String target;
        String was;
        // Only a config replacement says what changed and which overrides still win over it.
        List<GatewayState.OverrideView> stillWinning = null;
        Map<String, List<String>> diff = null;
        switch (change) {
            case Command.SetWeight c -> {
                target = c.pool() + "/" + c.backend();
                was = member(before, c.pool(), c.backend(), true);
                engine.setWeight(c.pool(), c.backend(), c.weight());
            }
            case Command.SetPriority c -> {
                target = c.pool() + "/" + c.backend();
                was = member(before, c.pool(), c.backend(), false);
                engine.setPriority(c.pool(), c.backend(), c.priority());
            }
            case Command.SetAdminState c -> {
                target = c.backend();
                was = engine.overrides().adminState(c.backend()).name();
                engine.setAdminState(c.backend(), AdminState.valueOf(c.state()));
            }
            case Command.ForceBreaker c -> {
                target = c.backend();
                GatewayState.BackendView b = before.backend(c.backend());
                was = b == null ? null : b.breaker();
                engine.forceBreaker(c.backend(), ForceAction.valueOf(c.action()));
            }
            case Command.ClearOverrides c -> {
                target = "overrides";
                was = OverrideStore.describe(engine.overrides());
                engine.clearOverrides();
            }
            case Command.ClearOverride c -> {
                target = c.pool() == null ? c.backend() : c.pool() + "/" + c.backend();
                GatewayState.OverrideView cleared = before.override(c.kind(), c.pool(), c.backend());
                engine.clearOverride(RuntimeOverrides.Kind.ofJsonName(c.kind()), c.pool(), c.backend());
                was = cleared == null ? null : c.kind() + " " + cleared.value();
            }
            case Command.ReplaceConfig c -> {
                ConfigResult result = ConfigLoader.parse(c.config());
                if (result instanceof ConfigResult.Invalid(List<ConfigProblem> problems)) {
                    if (!c.dryRun()) {
                        gateway.notifications().configRefused("control API (" + who.name() + ")",
                                problems.stream().map(ConfigProblem::toString).toList());
                    }
                    return new Reply.Error(c.id(), ErrorCode.INVALID_CONFIG, "the config has " + problems.size() + " problem(s)",
                            problems.stream().map(ConfigProblem::toString).toList());
                }
                // The admin section applies at start only; a replaced config keeps the running one.
                GatewayConfig next = result.orThrow().withAdmin(gateway.config().admin());
                diff = ConfigDiff.between(gateway.config(), next);
                if (c.dryRun()) {
                    return new Reply.Ack(c.id(), engine.version(), engine.hash(), null,
                            overrideViews.of(engine.overrides().retainExisting(next), next), true, diff);
                }
                target = "config";
                was = engine.hash();
                gateway.applyConfig(next);
                stillWinning = overrideViews.of(engine.overrides(), engine.config());
            }
        }
        String now = after(change);
        OperatorAction record = new OperatorAction(System.currentTimeMillis(), who.name(), action, target, was, now, engine.version());
        persist(record);
        hub.publish(record);
        return new Reply.Ack(change.id(), engine.version(), engine.hash(), null, stillWinning, null, diff);
    }

    /** The value after the change, read back from the engine. */
    private String after(Command.Change change) {
        GatewayState state = hub.state();
        return switch (change) {
            case Command.SetWeight c -> member(state, c.pool(), c.backend(), true);
            case Command.SetPriority c -> member(state, c.pool(), c.backend(), false);
            case Command.SetAdminState c -> engine.overrides().adminState(c.backend()).name();
            case Command.ForceBreaker c -> state.backend(c.backend()).breaker();
            case Command.ClearOverrides c -> OverrideStore.describe(engine.overrides());
            case Command.ClearOverride c -> c.kind() + " " + switch (RuntimeOverrides.Kind.ofJsonName(c.kind())) {
                case WEIGHT -> member(state, c.pool(), c.backend(), true);
                case PRIORITY -> member(state, c.pool(), c.backend(), false);
                case ADMIN_STATE -> engine.overrides().adminState(c.backend()).name();
            } + " (config)";
            case Command.ReplaceConfig c -> engine.hash();
        };
    }

    private void persist(OperatorAction record) {
        overrideViews.record(record);
        try {
            audit.append(record);
        } catch (IOException e) {
            LOG.error("change by {} applied but not audited: cannot write {}: {}", record.who(), audit.file(), e.toString());
        }
        saveOverrides();
    }

    /** Any change of config or overrides, including file reloads that dropped overrides of removed members. */
    @Override
    public void onEvent(EngineEvent event) {
        if (event instanceof StateChange) {
            thread.execute(this::saveOverrides);
        }
    }

    /** Writes the overrides file when they differ from what was last written. */
    private void saveOverrides() {
        RuntimeOverrides current = engine.overrides();
        if (current.equals(saved)) {
            return;
        }
        try {
            overrides.save(current);
            saved = current;
        } catch (IOException e) {
            LOG.error("cannot write {}: overrides will not survive a restart: {}", overrides.file(), e.toString());
        }
    }

    private static String member(GatewayState state, String pool, String backend, boolean weight) {
        GatewayState.PoolView p = state.pool(pool);
        GatewayState.MemberView m = p == null ? null : p.member(backend);
        if (m == null) {
            return null;
        }
        return String.valueOf(weight ? m.weight() : m.priority());
    }

    private static Reply.Error error(Command command, ErrorCode code, String message) {
        return new Reply.Error(command.id(), code, message, List.of());
    }

    @Override
    public void close() {
        engine.removeListener(this);
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
